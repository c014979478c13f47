#!/bin/sh
# test_search.sh: `copro search ORG WORDS`: an organisation's records by
# their words, as text and JSON; awkward words are plain words; another
# organisation's records never come back; refused queries exit non-zero.
. "$(dirname "$0")/lib.sh"

two_orgs
expect_ok "evidence in one" evidence add 1 --title "Parent forum newsletter" --date 2026-10-01 --with parents \
	--description "Café meetings (NEAR the gate)"
expect_ok "evidence in two" evidence add 2 --title "Parent forum newsletter" --date 2026-10-01 --with none
expect_ok "an action in one" action add 1 --title "Ask the forum about newsletters" --owner "Office"

expect_ok "search finds both kinds" search 1 news forum
check "... evidence and action, with their numbers" sh -c \
	'printf "%s\n" "$1" | grep -q "^Evidence  *1  Parent forum newsletter" &&
	 printf "%s\n" "$1" | grep -q "^Action  *1  Ask the forum about newsletters"' _ "$out"
same "... 2 results" "2 results:" "$(printf '%s\n' "$out" | head -1)"

expect_ok "search --json" search 1 parent forum --json
same "the JSON lists organisation 1's evidence only" "1 evidence 1" \
	"$(json_get "$out" '" ".join(str(x) for x in [d["total"], d["results"][0]["kind"], d["results"][0]["id"]])')"
expect_ok "search two" search 2 parent --json
same "organisation 2 finds its own record" "1 2" \
	"$(json_get "$out" '" ".join(str(x) for x in [d["total"], d["results"][0]["id"]])')"
expect_ok "the other organisation's token is a word like any other" search 1 o2 --json
same "... and finds nothing" 0 "$(json_get "$out" 'd["total"]')"

expect_ok "quotes and operators are words" search 1 '"parent' 'NEAR(forum'
same "... no error, the record found" "1 result:" "$(printf '%s\n' "$out" | head -1)"
expect_ok "accents fold" search 1 cafe
same "... cafe finds Café" "1 result:" "$(printf '%s\n' "$out" | head -1)"
expect_ok "nothing matches" search 1 zebra
same "... says so" "Nothing matches those words." "$out"

expect_fail "no words" 1 "Enter a word to search for" search 1 '""'
expect_fail "too long" 1 "200 characters or fewer" search 1 "$(printf 'x%.0s' $(seq 1 201))"
expect_fail "no organisation" 1 "" search 9 parent
run search 1
same "words are required" 2 "$status"

finish
