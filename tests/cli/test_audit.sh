#!/bin/sh
# test_audit.sh: York's joint partnership audit from the command line:
# area settings, filling in a draft, the suggestion and its local rule,
# submit / return / revise / accept with history, actions from next steps,
# and what is refused (with the database unchanged).
. "$(dirname "$0")/lib.sh"

"$COPRO" init >/dev/null
"$COPRO" org add --name "Riverside Primary School" --sector education --area York >/dev/null
"$COPRO" org add --name "Hill Lane Therapy" --sector health --area Leeds >/dev/null
"$COPRO" evidence add 1 --title "Parent forum notes" --date 2026-01-20 --with parents >/dev/null
"$COPRO" evidence add 2 --title "Their survey" --date 2026-01-21 --with cyp >/dev/null

# ---- settings ---------------------------------------------------------

expect_out "settings of an area: copro's defaults, said to be local" "copro's defaults (local choices" \
	audit settings York
expect_out "the default scale" "Score: a whole number from 1 to 3" audit settings York
expect_fail "settings of an unknown area" 1 'there is no area called "Yrok"' audit settings Yrok
expect_fail "score-min not below score-max" 1 "must be more than the lowest score" \
	audit settings York --score-min 3 --score-max 3
expect_fail "score-max over 100" 1 "from 1 to 100" audit settings York --score-max 101
expect_fail "an unknown rule" 1 "use lowest-level or most-common-level" audit settings York --rule average
expect_fail "score-min not a number" 2 "is not a whole number" audit settings York --score-min two
same "refused settings saved nothing" "0" "$(db_sql "SELECT COUNT(*) FROM area_setting")"
expect_out "settings change" "Saved the audit settings of Leeds." audit settings Leeds --score-min 0 --score-max 4
run audit settings Leeds --json
same "settings --json" "0 4 lowest-level False" \
	"$(json_get "$out" '" ".join(str(x) for x in [d["score_min"], d["score_max"], d["rule"], d["default"]])')"

# ---- start and fill in ------------------------------------------------

expect_fail "start: a date that does not exist" 1 "date of audit" audit start 1 --date 2026-02-30
expect_fail "start: another organisation's project" 1 "not one of this organisation's projects" \
	audit start 1 --project 5
expect_fail "start: no such organisation" 1 "no organisation number 9" audit start 9
expect_fail "start: not a number" 2 "is not a number" audit start one
expect_out "audit start" "Started audit 1 (version 1, draft)" \
	audit start 1 --date 2026-03-01 --service-area "Short breaks" --description "Weekend clubs"
expect_out "audit list" "    1  1       draft     2026-03-01 -                    Short breaks" audit list 1
expect_out "an organisation with none" "No audits yet. Start one with: copro audit start 2" audit list 2

expect_fail "a level that is not the instrument's" 1 "use room-for-improvement, good or excellent" \
	audit principle 1 1 --level outstanding
expect_fail "a principle that does not exist" 1 "use 1, 2, 3, 4, 5 or 6" audit principle 1 7 --level good
expect_fail "a score outside York's default scale" 1 "whole number from 1 to 3 (this area's scale)" \
	audit principle 1 1 --level good --score 4
expect_fail "principle with nothing to change" 2 "give --level" audit principle 1 1
for p in 1 2 3 5 6; do "$COPRO" audit principle 1 $p --level good --score 2 >/dev/null; done
expect_out "a principle with notes" "Saved principle 4 of audit 1." \
	audit principle 1 4 --level room-for-improvement --score 1 --notes "Same three families each time"

expect_fail "person without a name" 2 "--name is required" audit person 1 --designation SENCO
expect_out "person" "Added Sam Patel to the people completing audit 1." \
	audit person 1 --name "Sam Patel" --designation "SEND lead"
expect_fail "evidence of another organisation" 1 "belongs to another organisation" audit evidence 1 2 2
expect_out "evidence linked" "Linked evidence 1 to principle 2 of audit 1." audit evidence 1 2 1
expect_out "evidence linked twice" "was already linked" audit evidence 1 2 1

# ---- the outcome and the suggestion -----------------------------------

run audit show 1
check "show names the suggestion and says the rule is local" \
	sh -c 'printf "%s" "$1" | grep -qF "Suggested outcome: Requires Improvement, from this area'"'"'s local rule (lowest level), not from York'"'"'s framework"' _ "$out"
check "show gives the level's descriptor from the instrument" \
	sh -c 'printf "%s" "$1" | grep -qF "Same young people, children, parents and carers have been used"' _ "$out"
check "show uses the instrument's field titles" \
	sh -c 'printf "%s" "$1" | grep -qF "Date of audit: 2026-03-01"' _ "$out"
expect_fail "an outcome other than the suggestion needs a reason" 1 \
	"differs from the suggested outcome Requires Improvement (this area's local rule: lowest level)" \
	audit set 1 --outcome good
expect_fail "an unknown outcome" 1 "use requires-improvement, good or outstanding" audit set 1 --outcome excellent
expect_fail "a bad review date" 1 "review date" audit set 1 --review-date 2026-13-01
expect_fail "set with nothing to change" 2 "say what to change" audit set 1
expect_out "outcome with a reason" "Saved audit 1." audit set 1 --outcome good \
	--reason "New parent forum since the audit" --summary "Good progress" \
	--next-steps "- Recruit through the parent carer forum
- Feed back to families within a month" --review-date 2026-09-01 --signed-by "Sam Patel" --signed-on 2026-03-02

run audit show 1 --json
same "show --json: outcome, suggestion, rule, override" \
	"good requires-improvement lowest-level True True" \
	"$(json_get "$out" '" ".join(str(x) for x in [d["outcome"]["key"], d["suggestion"]["outcome"]["key"], d["suggestion"]["rule"], d["suggestion"]["local_rule"], d["overridden"]])')"
same "show --json: principles, levels and evidence" \
	"['good', 'good', 'good', 'room-for-improvement', 'good', 'good'] [1] 1" \
	"$(json_get "$out" 'str([p["level"]["key"] for p in d["principles"]]) + " " + str([e["id"] for e in d["principles"][1]["evidence"]]) + " " + str(d["principles"][3]["score"])')"
same "show --json: nothing missing, people, history" "None Sam Patel ['draft']" \
	"$(json_get "$out" '" ".join(str(x) for x in [d["missing"], d["people"][0]["name"], [h["status"] for h in d["history"]]])')"

# ---- the workflow ------------------------------------------------------

expect_fail "accepting a draft is refused, naming its status" 1 "is draft, so it cannot be accepted" audit accept 1
expect_fail "revising a draft is refused" 1 "is draft, so it cannot be revised" audit revise 1
expect_out "submit" "Submitted audit 1 to the area." audit submit 1
expect_out "the area's queue" "Riverside Primary School" audit queue York
expect_out "the other area's queue is empty" "No audits are waiting for Leeds." audit queue Leeds
expect_fail "a submitted audit is read-only" 1 "is submitted, so it cannot be changed" audit set 1 --summary "x"
expect_fail "no principle edits once submitted" 1 "is submitted" audit principle 1 1 --level excellent
expect_fail "submitting twice is refused" 1 "is submitted, so it cannot be submitted" audit submit 1
expect_fail "return needs a comment" 2 "--comment is required" audit return 1
expect_fail "a blank comment is no comment" 1 "comment is required" audit return 1 --comment "   "
expect_out "return with a comment" "Returned audit 1 to the organisation." \
	audit return 1 --comment "Please link the evidence for principle 4"
expect_fail "accepting a returned audit is refused" 1 "is returned, so it cannot be accepted" audit accept 1
expect_fail "a returned audit is read-only" 1 "is returned, so it cannot be changed" audit person 1 --name X
before_v1=$(db_sql "SELECT * FROM audit WHERE id = 1; SELECT * FROM audit_principle WHERE audit_id = 1 ORDER BY 2; SELECT * FROM audit_person WHERE audit_id = 1; SELECT * FROM audit_evidence WHERE audit_id = 1; SELECT * FROM audit_event WHERE audit_id = 1")
expect_out "revise" "Started audit 2, a new version of audit 1, as a draft." audit revise 1
after_v1=$(db_sql "SELECT * FROM audit WHERE id = 1; SELECT * FROM audit_principle WHERE audit_id = 1 ORDER BY 2; SELECT * FROM audit_person WHERE audit_id = 1; SELECT * FROM audit_evidence WHERE audit_id = 1; SELECT * FROM audit_event WHERE audit_id = 1")
same "the returned version stays exactly as it was" "$before_v1" "$after_v1"
expect_fail "revising the same version twice is refused" 1 "already has a newer version" audit revise 1
run audit show 2 --json
same "the new version: same first_id, version 2, a draft with the copied parts" \
	"1 2 draft good 1 [1]" \
	"$(json_get "$out" '" ".join(str(x) for x in [d["first_id"], d["version"], d["status"], d["outcome"]["key"], len(d["people"]), [e["id"] for e in d["principles"][1]["evidence"]]])')"
run audit show 1 --json
same "the old version keeps its history and the return comment" \
	"['draft', 'submitted', 'returned'] Please link the evidence for principle 4 False" \
	"$(json_get "$out" '" ".join(str(x) for x in [[h["status"] for h in d["history"]], d["history"][2]["comment"], d["latest"]])')"
expect_out "evidence on the new version" "Linked evidence 1 to principle 4 of audit 2." audit evidence 2 4 1
expect_ok "submit version 2" audit submit 2
expect_out "accept" "Accepted audit 2." audit accept 2 --comment "Thank you"
expect_fail "an accepted audit is final" 1 "is accepted, so it cannot be returned: it is final" \
	audit return 2 --comment "again"
expect_out "the list shows both versions, newest first" "    2  2       accepted" audit list 1
run audit list 1 --json
same "list --json" "[(2, 2, 'accepted'), (1, 1, 'returned')]" \
	"$(json_get "$out" '[(a["id"], a["version"], a["status"]) for a in d]')"

# ---- actions from next steps ----------------------------------------------

expect_out "actions from next steps" "Added 2 actions from audit 2." audit actions 2
run action list 1 --json
same "the actions are the next steps, without bullets" \
	"['Recruit through the parent carer forum', 'Feed back to families within a month']" \
	"$(json_get "$out" '[a["title"] for a in d]')"
same "the actions link back to the audit" "2" "$(db_sql "SELECT COUNT(*) FROM action_item WHERE source_audit_id = 2")"
expect_fail "every next step already raised" 1 "already has an action" audit actions 2
expect_out "an action with its own title" "Added 1 action from audit 2." audit actions 2 --title "Share the audit with the forum"

# ---- the other rule ---------------------------------------------------------

expect_ok "switch York to most-common-level" audit settings York --rule most-common-level
run audit show 1 --json
same "the suggestion follows the area's rule" "good most-common-level False" \
	"$(json_get "$out" '" ".join(str(x) for x in [d["suggestion"]["outcome"]["key"], d["suggestion"]["rule"], d["overridden"]])')"
expect_fail "show: no such audit" 1 "there is no audit number 9" audit show 9

finish
