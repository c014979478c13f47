#!/bin/sh
# test_framework.sh: `copro framework show` carries each element's easy-read
# text (copro's wording) next to the source's own text, unchanged, and says
# whose wording it is; `framework validate` names the file and the path of
# an easy_read that is wrong.
. "$(dirname "$0")/lib.sh"
FW=$(cd "$(dirname "$0")/../../frameworks" && pwd)
HARD=$(cd "$(dirname "$0")/../data" && pwd)/easy-read-hard.json

# same_as_file DESC ID: the shown JSON (in $out) has the file's easy_read
# texts where the file has them and the source's titles, descriptions and
# promises unchanged beside them.
same_as_file() {
	same "$1" "ok" "$(printf '%s' "$out" | python3 -c '
import json, sys
shown, f = json.load(sys.stdin), json.load(open(sys.argv[1]))
for s1, s2 in zip(shown["sections"], f["sections"], strict=True):
    assert s1.get("easy_read") == s2.get("easy_read"), s1["key"]
    assert (s1["title"], s1["promise"]) == (s2["title"], s2.get("promise")), s1["key"]
    for e1, e2 in zip(s1["elements"], s2["elements"], strict=True):
        assert e1.get("easy_read") == e2.get("easy_read"), e1["key"]
        assert (e1["title"], e1["description"]) == (e2["title"], e2.get("description")), e1["key"]
assert shown["easy_read_note"] == f["easy_read_note"]
print("ok")' "$FW/$2.json" 2>&1)"
}

expect_ok "framework show four-cornerstones --json" framework show four-cornerstones --json
same "all 25 statements carry easy_read as text" 25 \
	"$(json_get "$out" 'sum(isinstance(e.get("easy_read"), str) and e["easy_read"].strip() != "" for s in d["sections"] for e in s["elements"])')"
same "all 4 cornerstones carry easy_read as text" 4 \
	"$(json_get "$out" 'sum(isinstance(s.get("easy_read"), str) for s in d["sections"])')"
same "1i's easy read is copro's" "We make this a happy and safe place for you." \
	"$(json_get "$out" 'd["sections"][0]["elements"][0]["easy_read"].split(" We ")[0]')"
same "1i's source text is beside it, unchanged" \
	"This means welcoming partners as equal members of your community, maintaining positive and trusting relationships, and facilitating easy transitions and inductions responsive to individual needs" \
	"$(json_get "$out" 'd["sections"][0]["elements"][0]["description"]')"
same_as_file "every easy_read is the file's, the source's text unchanged beside it" four-cornerstones
same "the file says the easy-read texts are copro's wording, not the source's" True \
	"$(json_get "$out" '"copro'"'"'s own plain-words wording" in d["easy_read_note"] and "They are not from the Four Cornerstones" in d["easy_read_note"]')"

expect_ok "framework show york-joint-partnership-audit --json" framework show york-joint-partnership-audit --json
same "each of the 6 York principles carries easy_read as text" 6 \
	"$(json_get "$out" 'sum(isinstance(e.get("easy_read"), str) for s in d["sections"] for e in s["elements"])')"
same "principle 6's lost indicator is still a gap, not filled from the easy read" "True None" \
	"$(json_get "$out" '"lost" in d["sections"][5]["elements"][0]["gap"], d["sections"][5]["elements"][0]["description"]')"
same_as_file "York's easy_read texts are the file's, the source's text unchanged" york-joint-partnership-audit

expect_ok "framework show york-strategic-model --json" framework show york-strategic-model --json
same "an instrument without easy-read texts shows no easy_read" False \
	"$(json_get "$out" '"easy_read" in json.dumps(d)')"

# The readable output labels every easy-read text as copro's.
expect_ok "framework show four-cornerstones" framework show four-cornerstones
same "29 easy-read texts are labelled as copro's wording" 29 \
	"$(printf '%s\n' "$out" | grep -c "Easy read (copro's wording): ")"
same "the note on whose wording they are is shown" 1 \
	"$(printf '%s\n' "$out" | grep -cxF "Easy read texts (copro's wording, not the source's):")"
same "no easy-read text is shown without its label" 0 \
	"$(printf '%s\n' "$out" | grep -c "^ *We make this a happy and safe place")"

# copro frameworks counts what each instrument holds, not only elements.
expect_ok "frameworks" frameworks
check "success measures are counted (53 measures, 20 promises), not \"0 elements\"" sh -c \
	'printf "%s\n" "$1" | grep -qF "measures; 4 cornerstones, 53 success measures, 20 promises, 2 worked examples"' _ "$out"
same "no instrument says it has 0 of anything" 0 "$(printf '%s\n' "$out" | grep -c ' 0 ')"
check "the plan counts its reflective questions and aspects" sh -c \
	'printf "%s\n" "$1" | grep -qF "plan; 4 cornerstones, 25 statements, 28 questions, 9 organisational aspects"' _ "$out"
check "the York audit counts its commitments" sh -c \
	'printf "%s\n" "$1" | grep -qF "18 levels, 17 commitments; 5 gaps"' _ "$out"
expect_ok "frameworks --json" frameworks --json
same "the JSON counts measures and promises" "53 20" \
	"$(json_get "$out" '" ".join(str(x) for f in d if f["id"] == "four-cornerstones-success-measures" for x in (f["measures"], f["promises"]))')"

# The headings over promises and commitments are the files' words.
expect_ok "framework show success measures" framework show four-cornerstones-success-measures
same "each cornerstone's promises are headed as the source heads them" 4 \
	"$(printf '%s\n' "$out" | grep -cxF "  This means that we promise to:")"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["terms"]["promises"]="We promise <you>:"; json.dump(d, open(sys.argv[2],"w"))' \
	"$FW/four-cornerstones-success-measures.json" "$WORK/four-cornerstones-success-measures.json"
COPRO_FRAMEWORKS=$WORK run framework show four-cornerstones-success-measures
same "the heading is read from the file, not from copro's code" 4 \
	"$(printf '%s\n' "$out" | grep -cxF "  We promise <you>:")"

# framework validate: file, path and code of a wrong easy_read.
expect_ok "the easy-read negative control is a valid instrument" framework validate "$HARD"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["sections"][0]["elements"][0]["easy_read"]=7; json.dump(d, open(sys.argv[2],"w"))' \
	"$HARD" "$WORK/easy-read-hard.json"
expect_fail "an easy_read that is a number is refused with file and path" 1 \
	"$WORK/easy-read-hard.json: sections[0].elements[0].easy_read: must be text in quotes, not a number [wrong-type]" \
	framework validate "$WORK/easy-read-hard.json"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["sections"][0]["easy_read"]=" "; json.dump(d, open(sys.argv[2],"w"))' \
	"$HARD" "$WORK/easy-read-hard.json"
expect_fail "an empty easy_read is refused with file and path" 1 \
	"$WORK/easy-read-hard.json: sections[0].easy_read: must not be empty" \
	framework validate "$WORK/easy-read-hard.json"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); del d["easy_read_note"]; json.dump(d, open(sys.argv[2],"w"))' \
	"$HARD" "$WORK/easy-read-hard.json"
expect_fail "easy-read texts without the note on whose wording they are are refused" 1 \
	"$WORK/easy-read-hard.json: sections[0].easy_read: an easy-read text needs \"easy_read_note\"" \
	framework validate "$WORK/easy-read-hard.json"
check "... with its code" sh -c 'printf "%s" "$1" | grep -qF "[easy-read-unmarked]"' _ "$err"

# Instruments are read when a command first asks for one (a command that
# asks for none never reads them), with the same checks: a bad file is
# still told by a command that reads them, and a folder that cannot be
# read is still refused by every command that opens the database.
mkdir "$WORK/fw-bad"
cp "$FW"/*.json "$WORK/fw-bad/"
printf '{ not json' >"$WORK/fw-bad/broken.json"
COPRO_FRAMEWORKS=$WORK/fw-bad run framework show four-cornerstones
same "an instrument read late is read whole" 0 "$status"
check "a bad instrument file is still told where instruments are read" sh -c \
	'printf "%s\n" "$1" | grep -qF "broken.json:1:" && printf "%s\n" "$1" | grep -qF "(this instrument was not loaded)"' _ "$err"
expect_ok "init" init
COPRO_FRAMEWORKS=$WORK/fw-bad run org list
same "a command that asks for no instrument reads no instrument file (so tells no bad one)" "0 0" \
	"$status $(printf '%s\n' "$err" | grep -c 'broken.json')"
COPRO_FRAMEWORKS=$WORK/no-such-folder run org list
check "a frameworks folder that cannot be read is refused by a command that reads no instrument" sh -c \
	'[ "$2" -ne 0 ] && printf "%s\n" "$1" | grep -qF "cannot read the frameworks directory $3/no-such-folder"' _ "$err" "$status" "$WORK"

finish
