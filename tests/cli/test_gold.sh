#!/bin/sh
# test_gold.sh: `copro gold readiness EVALUATION [--json]`: an evaluation's
# Charter Gold readiness as text (saying it is not an award) and JSON, old
# evidence counted by the area's setting; unknown evaluations and a
# missing number are refused.
. "$(dirname "$0")/lib.sh"

two_orgs
expect_ok "an evaluation" evaluation start 1 four-cornerstones 2026-27
expect_ok "recent evidence on 1i.a" evidence add 1 --title "Forum notes" --date 2026-10-01 --with parents --evaluation 1 \
	--link 1i.a
expect_ok "old evidence on 1i.b" evidence add 1 --title "Old survey" --date 2015-05-01 --with cyp,parents,practitioners --evaluation 1 --link 1i.b

expect_ok "readiness" gold readiness 1
check "... says it is not an award" sh -c 'printf "%s\n" "$1" | grep -q "not an award"' _ "$out"
check "... 1i has 2 examples evidenced, 1 old" sh -c \
	'printf "%s\n" "$1" | grep -q "^  1i  *2 of [0-9]* examples evidenced, 1 old"' _ "$out"

expect_ok "readiness --json" gold readiness 1 --json
same "the JSON counts 2 examples evidenced and 1 old item" "2 1 2015-05-01 True" \
	"$(json_get "$out" '" ".join(str(x) for x in [d["examples_evidenced"], d["old_evidence"], [e for e in d["cornerstones"][0]["statements"][0]["evidence"] if e["old"]][0]["date"], "not an award" in d["note"]])')"

expect_fail "no such evaluation" 1 "" gold readiness 9
run gold readiness
same "the evaluation is required" 2 "$status"
run gold readiness x
same "a number is required" 2 "$status"
finish
