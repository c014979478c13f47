#!/bin/sh
# test_action.sh: actions: adding them from a statement, the list's order
# (overdue first), updating and clearing dates, and what is refused.
. "$(dirname "$0")/lib.sh"

two_orgs
"$COPRO" evaluation start 1 four-cornerstones 2026-27 >/dev/null
"$COPRO" evaluation start 2 four-cornerstones 2026-27 >/dev/null

# Due dates far in the past and future, so the test does not depend on today.
expect_ok "action add with --from E:1iv and every field" action add 1 --title "Active listening training" \
	--owner "Deputy head" --due 2099-02-14 --review 2099-03-01 --from 1:1iv
same "add says its number" "Added action 1: Active listening training" "$out"
expect_ok "an action due in the past" action add 1 --title "Send the survey results home" --due 2001-01-10
expect_ok "an action with no dates" action add 1 --title "Review the welcome pack" --status in-progress
expect_ok "a done action due in the past" action add 1 --title "Book the hall" --due 2001-01-01 --status done
expect_ok "an action from an evaluation without a statement" action add 1 --title "Plan next cycle" --due 2098-01-01 --from 1

expect_ok "action list 1 --json" action list 1 --json
same "the overdue action comes first, then by status and due date" "[2, 5, 1, 3, 4]" \
	"$(json_get "$out" '[a["id"] for a in d]')"
same "only the open one due in the past is overdue" "[True, False, False, False, False]" \
	"$(json_get "$out" '[a["overdue"] for a in d]')"
same "action list --json: its fields" \
	"['id', 'organisation', 'title', 'owner', 'due_on', 'review_on', 'status', 'overdue', 'from', 'created_at', 'updated_at']" \
	"$(json_get "$out" 'list(d[0].keys())')"
same "action 1 in full" \
	"[1, 1, 'Active listening training', 'Deputy head', '2099-02-14', '2099-03-01', 'open', {'evaluation': 1, 'statement': '1iv'}]" \
	"$(json_get "$out" '[[a[k] for k in ("id","organisation","title","owner","due_on","review_on","status","from")] for a in d if a["id"] == 1][0]')"
same "no dates are null, no owner is empty, no source is null" "[None, None, '', None, 'in-progress']" \
	"$(json_get "$out" '[[a[k] for k in ("due_on","review_on","owner","from","status")] for a in d if a["id"] == 3][0]')"
same "a source without a statement" "{'evaluation': 1, 'statement': None}" \
	"$(json_get "$out" '[a["from"] for a in d if a["id"] == 5][0]')"
expect_ok "action list 1" action list 1
same "action list: the readable form, overdue marked" \
	"  No.  Status      Due        Review     Owner          Action
    2  open        2001-01-10 -                         OVERDUE: Send the survey results home
    5  open        2098-01-01 -                         Plan next cycle
    1  open        2099-02-14 2099-03-01 Deputy head    Active listening training
    3  in-progress -          -                         Review the welcome pack
    4  done        2001-01-01 -                         Book the hall" "$out"
expect_ok "action list 2 is empty" action list 2
same "no actions yet says how to add one" \
	"No actions yet. Add one with: copro action add 2 --title ... --owner ... --due YYYY-MM-DD" "$out"

# ---- update -----------------------------------------------------------

expect_ok "update the status" action update 2 --status done
same "update says the title and status" "Updated action 2: Send the survey results home (done)" "$out"
run action list 1 --json
same "a done action is no longer overdue and goes to the end" "[5, 1, 3, 4, 2] False" \
	"$(json_get "$out" 'str([a["id"] for a in d]) + " " + str(any(a["overdue"] for a in d))')"
expect_ok "update --due \"\" clears the due date" action update 1 --due ""
run action list 1 --json
same "the due date is null, the review date kept" "None 2099-03-01" \
	"$(json_get "$out" '[str(a["due_on"]) + " " + a["review_on"] for a in d if a["id"] == 1][0]')"
expect_ok "update --review \"\" clears the review date" action update 1 --review ""
expect_ok "update the owner, title and due date" action update 3 --owner "SENCO" --title "Rewrite the welcome pack" --due 2001-05-05
run action list 1 --json
same "the updated action is now overdue and first" "3 Rewrite the welcome pack SENCO 2001-05-05 True" \
	"$(json_get "$out" '" ".join(str(d[0][k]) for k in ("id","title","owner","due_on","overdue"))')"
same "the source is kept by an update without --from" "{'evaluation': 1, 'statement': '1iv'}" \
	"$(json_get "$out" '[a["from"] for a in d if a["id"] == 1][0]')"
expect_ok "update --from another statement" action update 1 --from 1:2vii
run action list 1 --json
same "the new source is stored" "{'evaluation': 1, 'statement': '2vii'}" \
	"$(json_get "$out" '[a["from"] for a in d if a["id"] == 1][0]')"
expect_ok "update to dropped" action update 3 --status dropped
run action list 1 --json
same "a dropped action is not overdue" "False" "$(json_get "$out" '[a["overdue"] for a in d if a["id"] == 3][0]')"

# ---- bad input ------------------------------------------------------------------

expect_fail "a due date that does not exist" 1 \
	'copro action add: The due date "2026-02-30" is not a date that exists: write it as YYYY-MM-DD, for example 2026-09-30.' \
	action add 1 --title X --due 2026-02-30
expect_fail "a review date that does not exist" 1 'copro action add: The review date "2026-13-01" is not a date that exists' \
	action add 1 --title X --review 2026-13-01
expect_fail "a due date written with slashes" 1 'The due date "14/02/2027" is not a date that exists' \
	action add 1 --title X --due 14/02/2027
expect_fail "update to a date that does not exist" 1 \
	'copro action update: The due date "2027-02-29" is not a date that exists' action update 1 --due 2027-02-29
expect_fail "an unknown status" 1 \
	'copro action add: status "finished" is not known: use open, in-progress, done or dropped.' \
	action add 1 --title X --status finished
expect_fail "update to an unknown status" 1 \
	'copro action update: status "closed" is not known: use open, in-progress, done or dropped.' \
	action update 1 --status closed
expect_fail "--from another organisation's evaluation" 1 \
	"copro action add: evaluation 2 belongs to another organisation: raise actions from your own evaluations." \
	action add 1 --title X --from 2:1iv
expect_fail "--from another organisation's evaluation, without a statement" 1 \
	"evaluation 2 belongs to another organisation" action add 1 --title X --from 2
expect_fail "update --from another organisation's evaluation" 1 \
	"copro action update: evaluation 2 belongs to another organisation: raise actions from your own evaluations." \
	action update 1 --from 2:1i
expect_fail "--from a statement the instrument does not have" 1 \
	'copro action add: four-cornerstones has no statement "9z".' action add 1 --title X --from 1:9z
expect_fail "--from an evaluation that does not exist" 1 \
	"copro action add: there is no evaluation number 99: \`copro evaluation list\` shows them." \
	action add 1 --title X --from 99:1i
expect_fail "an action for an organisation that does not exist" 1 \
	"copro action add: there is no organisation number 9: \`copro org list\` shows them." action add 9 --title X
expect_fail "an empty title" 1 "copro action add: The action is required: give a value." action add 1 --title ""
expect_fail "a title with a newline" 1 "copro action add: The action must be a single line" action add 1 --title "a
b"
expect_fail "update an action that does not exist" 1 \
	"copro action update: there is no action number 99: \`copro action list ORG\` shows them." \
	action update 99 --status done
expect_fail "action list of an organisation that does not exist" 1 \
	"copro action list: there is no organisation number 9" action list 9

# A wrong command line: exit 2.
expect_fail "no --title" 2 "copro action add: --title is required: say what will be done." action add 1 --owner X
expect_fail "--from that is not a number" 2 \
	'copro action add: The --from evaluation "abc" is not a number: give the number that `list` shows, for example 1.' \
	action add 1 --title X --from abc
expect_fail "--from with the statement first" 2 'The --from evaluation "1iv" is not a number' \
	action add 1 --title X --from 1iv:1
expect_fail "action update abc" 2 'copro action update: The action "abc" is not a number' action update abc --status done
expect_fail "action add without an organisation" 2 "copro action add: missing argument." action add --title X

finish
