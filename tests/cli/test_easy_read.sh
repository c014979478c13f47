#!/bin/sh
# test_easy_read.sh: every easy-read text copro shows (through `copro
# framework show --json`, the shape the pages and exports read) is graded by
# GNU style (Debian diction) at Flesch-Kincaid grade 5 or below, with none
# of the sources' jargon; a negative control proves the check fails on a
# hard sentence, at the boundary, on jargon and on text style cannot count.
. "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
GRADE="$ROOT/scripts/easy-read-grade"
HARD="$ROOT/tests/data/easy-read-hard.json"

# grade ARGS...: runs the grade check; sets $status, $out, $err.
grade() {
	"$GRADE" "$@" >"$WORK/stdout" 2>"$WORK/stderr"
	status=$?
	out=$(cat "$WORK/stdout")
	err=$(cat "$WORK/stderr")
}

# one_text FILE TEXT: a valid instrument whose one statement's easy read is TEXT.
one_text() {
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); s=d["sections"][0]
del s["easy_read"]; s["elements"]=s["elements"][:1]; s["elements"][0]["easy_read"]=sys.argv[3]
json.dump(d, open(sys.argv[2], "w"))' "$HARD" "$1" "$2"
}

# text_is DESC STATUS FRAGMENT TEXT: an instrument whose one easy read is
# TEXT grades with exit STATUS, saying FRAGMENT (when not "").
text_is() {
	one_text "$WORK/one.json" "$4"
	grade "$WORK/one.json"
	if [ "$status" -ne "$2" ]; then not_ok "$1" "expected exit $2"
	elif [ -n "$3" ] && ! printf '%s' "$out" | grep -qF -- "$3"; then not_ok "$1" "expected: $3"
	else ok "$1"; fi
}

check "style (Debian package diction) is installed: make check installs it" \
	sh -c 'command -v style >/dev/null'

# Every instrument copro loads, as copro shows it.
expect_ok "copro frameworks --json" frameworks --json
ids=$(json_get "$out" '" ".join(f["id"] for f in d)')
files=""
for id in $ids; do
	"$COPRO" framework show "$id" --json >"$WORK/$id.json" || not_ok "framework show $id --json"
	files="$files $WORK/$id.json"
done
# shellcheck disable=SC2086
grade $files
same "every easy-read text copro shows is at grade 5 or below" 0 "$status"
check "... all 35 of them (25 statements, 4 cornerstones, 6 York principles)" \
	sh -c 'printf "%s" "$1" | grep -q "^35 easy-read texts, all at grade 5 or below"' _ "$out"
grade "$ROOT"/frameworks/*.json
same "the bundled files grade the same" "0 35" "$status $(printf '%s' "$out" | cut -d' ' -f1)"

# Negative control: a hard sentence in a valid instrument fails, named.
grade "$HARD"
same "a hard easy-read text fails the check" 1 "$status"
check "... naming its file and path and its grade" sh -c 'printf "%s" "$1" |
	grep -q "easy-read-hard.json: sections\[0\].elements\[1\].easy_read: Flesch-Kincaid grade [0-9.]*, above 5"' _ "$out"
check "... and only it" sh -c 'printf "%s" "$1" | grep -qx "1 of 3 easy-read texts fail"' _ "$out"

# The boundary: grade 5.0 passes, 5.8 fails.
text_is "a text at grade 5.0 passes" 0 "" \
	"We listen to your family with care and we always answer you with thought."
text_is "a text at grade 5.8 fails, saying so" 1 "grade 5.8, above 5" \
	"We listen to your family with care and we always answer your questions."

# Jargon fails at any grade; "send" as an everyday word does not.
text_is "an easy grade with jargon in it fails, naming the words" 1 \
	"jargon (SEND, stakeholder): say it in everyday words" \
	"We ask all stakeholders to help. We talk about SEND."
text_is "\"send\" as an everyday word passes" 0 "" "We send you a letter. We make it easy to read."

# style counts sentences from a capital letter to a full stop: text it
# cannot count fails rather than passing ungraded.
text_is "a text without a closing full stop fails, asking for one" 1 \
	"end the last sentence with a full stop" "We help you"
text_is "a text style finds no sentence in fails, saying why" 1 "style found no sentence" \
	"we help you. we like you."

# One text, as a lead would check their own wording for a round.
grade --text "We say hello to you and your family."
same "--text grades one easy text" "0" "$status"
grade --text "Practitioners facilitate collaborative arrangements."
same "--text fails a hard one" "1" "$status"
check "... saying why" sh -c 'printf "%s" "$1" | grep -q "^Flesch-Kincaid grade [0-9.]*, above 5"' _ "$out"

grade
same "no file is a usage error" 2 "$status"
grade --max
same "--max without a grade is a usage error" 2 "$status"
grade "$WORK/missing.json"
same "a file that cannot be read is an error" 2 "$status"

finish
