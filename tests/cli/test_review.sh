#!/bin/sh
# test_review.sh: plan, do, review from the terminal: reviewing an action,
# "You said, we did" and its notice, the actions list in working order with
# its filters, starting the next cycle, re-confirming carried evidence and
# comparing cycles; and what is refused, leaving the database unchanged.
. "$(dirname "$0")/lib.sh"

two_orgs
"$COPRO" evaluation start 1 four-cornerstones 2026-27 >/dev/null
"$COPRO" evaluation start 2 four-cornerstones 2026-27 >/dev/null
"$COPRO" evidence add 1 --title "Coffee morning notes" --with parents --date 2026-05-01 \
	--evaluation 1 --link 1i.a --link 1i.b >/dev/null
"$COPRO" evidence add 2 --title "Their notes" --with parents --date 2026-05-01 >/dev/null
"$COPRO" statement set 1 1i --status complete >/dev/null
"$COPRO" action add 1 --title "Run a dads' breakfast" --due 2099-01-01 >/dev/null
"$COPRO" action add 2 --title "Their action" >/dev/null

# ---- action review ----------------------------------------------------------

expect_fail "a review needs --what" 2 "--what is required" action review 1 --date 2026-01-10
expect_fail "a review in the future is refused" 1 "in the future" \
	action review 1 --date 2099-12-31 --what "Not yet"
expect_fail "another organisation's evidence is refused" 1 "not in this organisation's library" \
	action review 1 --date 2026-01-10 --what "Came" --evidence 2
expect_fail "an unknown partner group is a usage error" 2 "is not a partner group" \
	action review 1 --date 2026-01-10 --what "Came" --with dads
expect_fail "an unknown action" 1 "no action number 9" action review 9 --date 2026-01-10 --what "x"
expect_out "action review records it" "Recorded review 1 of action 1 (2026-01-10)" \
	action review 1 --date 2026-01-10 --what "Fourteen dads came" --with parents,practitioners \
	--evidence 1 --next-review 2099-02-01 --status in-progress
expect_ok "action reviews 1 --json" action reviews 1 --json
same "the review, its groups and evidence" \
	"[1, '2026-01-10', 'Fourteen dads came', ['parent-carers', 'practitioners'], [1], []]" \
	"$(json_get "$out" '[d[0][k] for k in ("id","reviewed_on","what_happened","with","evidence","readings")]')"
expect_out "action show says the latest review" "Reviews: 1, the latest on 2026-01-10: Fourteen dads came" action show 1
expect_out "the review changed the status and review date" "in-progress" action show 1
same "the review date moved" "  Review: 2099-02-01" "$(printf '%s\n' "$out" | grep '^  Review:')"
expect_out "no reviews says how to add one" "has no reviews yet" action reviews 2

# ---- the actions list: order and filters -------------------------------------

export COPRO_NOW=2026-11-15T10:00:00Z
"$COPRO" action add 1 --title "Late" --due 2026-11-01 >/dev/null
"$COPRO" action add 1 --title "This month" --due 2026-11-30 >/dev/null
"$COPRO" action add 1 --title "From the statement" --due 2027-01-01 --from 1:1i >/dev/null
expect_ok "action list 1 --json" action list 1 --json
same "overdue, then due this month, then by due date" "[3, 4, 5, 1]" "$(json_get "$out" '[a["id"] for a in d]')"
expect_ok "action list 1" action list 1
check "due this month is marked" sh -c "printf '%s' \"\$1\" | grep -q 'DUE THIS MONTH: This month'" - "$out"
expect_ok "action list --source statement" action list 1 --source statement --json
same "only the action from a statement" "[5]" "$(json_get "$out" '[a["id"] for a in d]')"
expect_ok "action list --status in-progress" action list 1 --status in-progress --json
same "only the reviewed one is in progress" "[1]" "$(json_get "$out" '[a["id"] for a in d]')"
expect_fail "an unknown source is a usage error" 2 "statement, audit, measure, plan or none" action list 1 --source elsewhere
unset COPRO_NOW

# ---- "You said, we did" -----------------------------------------------------

expect_fail "publishing needs what was done" 1 "only a record that says what was done" \
	yousaid add 1 --said "Letters are hard to follow" --on 2026-10-01 --publish
expect_fail "done before it was said" 1 "before partners said it" \
	yousaid add 1 --said "Letters" --on 2026-10-01 --did "Rewrote" --did-on 2026-09-01
expect_fail "another organisation's action" 1 "not one of this organisation's actions" \
	yousaid add 1 --said "Letters" --on 2026-10-01 --action 2
expect_fail "--on is required" 2 "--on is required" yousaid add 1 --said "Letters"
expect_out "yousaid add, published" "Added \"You said, we did\" record 1 (published)" \
	yousaid add 1 --said "Letters home are hard to follow" --on 2026-10-01 --with parents \
	--did "We rewrote them with the forum" --did-on 2026-12-01 --action 1 --publish
expect_out "yousaid add, not yet done" "Added \"You said, we did\" record 2" \
	yousaid add 1 --said "The hall is too noisy" --on 2026-10-05 --with cyp
expect_ok "yousaid list 1 --json" yousaid list 1 --json
same "newest first, published or not, linked action" "[(2, False, None), (1, True, 1)]" \
	"$(json_get "$out" '[(y["id"], y["published"], y["action"]) for y in d]')"
expect_ok "yousaid notice 1" yousaid notice 1
same "the notice holds the published pair only" "YOU SAID, WE DID
Riverside Primary School

You said:
Letters home are hard to follow

We did:
We rewrote them with the forum" "$out"
expect_fail "publishing record 2 needs what was done" 1 "only a record that says what was done" \
	yousaid update 2 --publish
expect_out "yousaid update publishes it" "(published)" yousaid update 2 --did "Sound panels went up" --publish
expect_out "the notice now has both" "Sound panels went up" yousaid notice 1
expect_out "an empty list says how to add" "No \"You said, we did\" records yet" yousaid list 2

# ---- the next cycle, confirming, comparing ----------------------------------

expect_fail "the cycle label exists" 1 "already has a four-cornerstones evaluation for cycle 2026-27" \
	evaluation next-cycle 1 2026-27
expect_fail "an unknown evaluation" 1 "no evaluation number 9" evaluation next-cycle 9 2027-28
expect_fail "a measure not of the old cycle" 1 "is not one chosen in cycle 2026-27" \
	evaluation next-cycle 1 2027-28 --measure 4
expect_fail "compare with no previous cycle" 1 "did not start from an earlier cycle" evaluation compare 1
expect_ok "evaluation next-cycle 1 2027-28" evaluation next-cycle 1 2027-28
same "what was carried" "Started evaluation 3 for cycle 2027-28 from evaluation 1.
Carried forward: 2 evidence links (marked to be re-confirmed), 0 own indicators, 0 success measures.
4 open actions stay open: they belong to the organisation, not to one cycle." "$out"
"$COPRO" evidence link 1 3 4i.a 1i.c >/dev/null
expect_ok "evaluation compare 3 --json" evaluation compare 3 --json
same "cornerstone 1 and 4: before and after" "[(2, 3), (0, 1)]" \
	"$(json_get "$out" '[(s["before"]["evidenced"], s["after"]["evidenced"]) for s in d["sections"] if s["key"] in ("1", "4")]')"
same "1i: status before and after, links to confirm" "('complete', 'not-started', 2)" \
	"$(json_get "$out" '[(e["before"]["status"], e["after"]["status"], e["to_confirm"]) for s in d["sections"] for e in s["statements"] if e["key"] == "1i"][0]')"
expect_out "compare in words" "2 more indicators evidenced" evaluation compare 3
expect_fail "confirm on an unknown statement" 1 "no statement" statement confirm 3 9z
expect_fail "confirm evidence not waiting there" 1 "waiting to be re-confirmed" statement confirm 3 2i --evidence 1
expect_out "statement confirm" "Confirmed 2 evidence links carried forward on statement 1i." statement confirm 3 1i
expect_ok "compare after confirming" evaluation compare 3 --json
same "nothing left to confirm" "0" "$(json_get "$out" 'sum(e["to_confirm"] for s in d["sections"] for e in s["statements"])')"
expect_out "help names the commands" "evaluation next-cycle" help evaluation

finish
