#!/bin/sh
# test_evaluation.sh: starting an evaluation, its progress, statement
# reviews, the submitted lock, and the organisation's own indicators.
. "$(dirname "$0")/lib.sh"

"$COPRO" init >/dev/null
"$COPRO" org add --name "Riverside Primary School" --sector education --area Rotherham >/dev/null
"$COPRO" org add --name "Hill Lane Therapy" --sector health >/dev/null

# ---- start -----------------------------------------------------------

expect_ok "start a four-cornerstones evaluation" evaluation start 1 four-cornerstones 2026-27
same "start says its number and the next step" "Started evaluation 1: four-cornerstones, cycle 2026-27
Next: copro evaluation show 1" "$out"
same "the instrument's text was stored once" 1 "$(db_sql 'SELECT COUNT(*) FROM framework_version')"
expect_fail "the same organisation, instrument and cycle again" 1 \
	"copro evaluation start: Riverside Primary School already has a four-cornerstones evaluation for cycle 2026-27 (number 1): continue that one, or choose another cycle label." \
	evaluation start 1 four-cornerstones 2026-27
expect_ok "another cycle for the same organisation" evaluation start 1 four-cornerstones 2027-28
same "it is evaluation 2" "Started evaluation 2: four-cornerstones, cycle 2027-28" "$(printf '%s\n' "$out" | head -1)"
same "the same instrument version is not stored twice" 1 "$(db_sql 'SELECT COUNT(*) FROM framework_version')"
expect_ok "the same cycle for another organisation" evaluation start 2 four-cornerstones 2026-27
expect_fail "an unknown instrument" 1 \
	"copro evaluation start: there is no instrument \"four-corners\": \`copro frameworks\` lists the ones installed." \
	evaluation start 1 four-corners 2026-27
expect_fail "a rubric instrument" 1 \
	"copro evaluation start: york-joint-partnership-audit is a rubric instrument: self-evaluations use evidence instruments such as four-cornerstones (audits, measures and plans come in later releases)." \
	evaluation start 1 york-joint-partnership-audit 2026-27
expect_fail "a checklist instrument" 1 "york-strategic-model is a checklist instrument" \
	evaluation start 1 york-strategic-model 2026-27
expect_fail "an organisation that does not exist" 1 \
	"copro evaluation start: there is no organisation number 99: \`copro org list\` shows them." \
	evaluation start 99 four-cornerstones 2026-27
expect_fail "a cycle with a newline" 1 "copro evaluation start: The cycle must be a single line" \
	evaluation start 1 four-cornerstones "2026
27"
expect_fail "an empty cycle" 1 "copro evaluation start: The cycle is required: give a value." \
	evaluation start 1 four-cornerstones ""
expect_fail "no cycle" 2 "copro evaluation start: missing argument." evaluation start 1 four-cornerstones
expect_fail "organisation abc" 2 'copro evaluation start: The organisation "abc" is not a number' \
	evaluation start abc four-cornerstones 2026-27

# ---- list ---------------------------------------------------------------

expect_ok "evaluation list --json" evaluation list --json
same "evaluation list: all three, by organisation" "[(1, 1, '2026-27'), (2, 1, '2027-28'), (3, 2, '2026-27')]" \
	"$(json_get "$out" '[(e["id"], e["organisation"], e["cycle"]) for e in d]')"
same "evaluation list --json: its fields" \
	"['id', 'organisation', 'framework', 'framework_hash', 'cycle', 'status', 'created_at', 'updated_at']" \
	"$(json_get "$out" 'list(d[0].keys())')"
same "a new evaluation is a draft with a 64-digit instrument hash" "draft 64" \
	"$(json_get "$out" 'd[0]["status"] + " " + str(len(d[0]["framework_hash"]))')"
expect_ok "evaluation list 2" evaluation list 2
same "evaluation list ORG: that organisation's only" \
	"  No.    Org  Instrument               Cycle      Status
    3      2  four-cornerstones        2026-27    draft" "$out"
expect_fail "evaluation list of an organisation that does not exist" 1 \
	"copro evaluation list: there is no organisation number 7" evaluation list 7
run org show 1 --json
same "org show lists its evaluations" "[(1, 'four-cornerstones', '2026-27', 'draft'), (2, 'four-cornerstones', '2027-28', 'draft')]" \
	"$(json_get "$out" '[(e["id"], e["framework"], e["cycle"], e["status"]) for e in d["evaluations"]]')"

# ---- show: 4 cornerstones, 25 statements, 130 indicators -----------------

expect_ok "evaluation show 1 --json" evaluation show 1 --json
same "show --json: 4 sections" 4 "$(json_get "$out" 'len(d["sections"])')"
same "show --json: 25 statements" "25 25" \
	"$(json_get "$out" 'd["statements"], sum(len(s["statement_list"]) for s in d["sections"])' | tr -d '(),')"
same "show --json: 130 indicators" "130 130" \
	"$(json_get "$out" 'd["indicators"], sum(s["indicators"] for s in d["sections"])' | tr -d '(),')"
same "show --json: statements and indicators per cornerstone" "[('1', 7, 39), ('2', 7, 40), ('3', 7, 31), ('4', 4, 20)]" \
	"$(json_get "$out" '[(s["key"], s["statements"], s["indicators"]) for s in d["sections"]]')"
same "show --json: nothing evidenced, nothing complete, no partner groups" "0 0 0 []" \
	"$(json_get "$out" '" ".join(str(d[k]) for k in ("statements_evidenced","statements_complete","indicators_evidenced","partner_groups"))')"
same "show --json: the evaluation's own fields" "1 1 four-cornerstones 2026-27 draft False Riverside Primary School" \
	"$(json_get "$out" '" ".join(str(d[k]) for k in ("id","organisation","framework","cycle","status","framework_changed","organisation_name"))')"
same "show --json: the first cornerstone's first statement" "1i 9 0 not-started []" \
	"$(json_get "$out" '" ".join(str(d["sections"][0]["statement_list"][0][k]) for k in ("key","indicators","indicators_evidenced","status","partner_groups"))')"
expect_ok "evaluation show 1" evaluation show 1
same "show: the heading" "Evaluation 1: Riverside Primary School, Four Cornerstones Self-Evaluation Tool, cycle 2026-27 (draft)" \
	"$(printf '%s\n' "$out" | head -1)"
same "show: the overall line" "Overall: 0 of 25 statements have evidence, 0 complete; 0 of 130 indicators evidenced." \
	"$(printf '%s\n' "$out" | sed -n 3p)"
same "show: no partner groups yet" "Partner groups who took part: none recorded" "$(printf '%s\n' "$out" | sed -n 4p)"
same "show: the first cornerstone's line" "cornerstone 1: Welcome and Care  [....................] 0/39 indicators" \
	"$(printf '%s\n' "$out" | sed -n 6p)"
expect_fail "evaluation show 99" 1 \
	"copro evaluation show: there is no evaluation number 99: \`copro evaluation list\` shows them." evaluation show 99
expect_fail "evaluation show abc" 2 'copro evaluation show: The evaluation "abc" is not a number' evaluation show abc

# ---- statement set / show ---------------------------------------------------

expect_ok "statement set with strengths, areas, status and partner groups" statement set 1 1i \
	--strengths "Families describe a warm welcome" \
	--areas "Review adjustments with pupils
who use them" --status in-progress --with cyp,parents
same "statement set says what it saved" "Saved statement 1i of evaluation 1." "$out"
expect_ok "statement show 1 1i --json" statement show 1 1i --json
same "statement show --json: the review" \
	"['Families describe a warm welcome', 'Review adjustments with pupils\\nwho use them', 'in-progress', ['children-and-young-people', 'parent-carers'], ['children-and-young-people', 'parent-carers']]" \
	"$(json_get "$out" '[d[k] for k in ("strengths","areas_for_development","status","review_partner_groups","partner_groups")]')"
same "statement show --json: its fields" \
	"['key', 'title', 'indicators', 'indicators_evidenced', 'status', 'partner_groups', 'description', 'strengths', 'areas_for_development', 'review_partner_groups', 'indicator_list']" \
	"$(json_get "$out" 'list(d.keys())')"
same "statement show --json: 9 indicators a to i, none own, none evidenced" "9 abcdefghi False 0" \
	"$(json_get "$out" '" ".join([str(d["indicators"]), "".join(i["key"] for i in d["indicator_list"]), str(any(i["own"] for i in d["indicator_list"])), str(sum(i["evidence"] for i in d["indicator_list"]))])')"
same "statement show --json: the indicator's fields" "['key', 'text', 'own', 'evidence', 'partner_groups', 'evidence_ids']" \
	"$(json_get "$out" 'list(d["indicator_list"][0].keys())')"
same "statement show --json: the title" "Providing a happy and secure environment or context" "$(json_get "$out" 'd["title"]')"

expect_ok "statement set --with all --status complete" statement set 1 1i --status complete --with all
run statement show 1 1i --json
same "a later set changes only what it names" \
	"complete ['children-and-young-people', 'parent-carers', 'practitioners'] Families describe a warm welcome" \
	"$(json_get "$out" 'd["status"] + " " + str(d["review_partner_groups"]) + " " + d["strengths"]')"
expect_ok "statement set --with none clears the partner groups" statement set 1 1i --with none
run statement show 1 1i --json
same "the review now has no partner groups" "[]" "$(json_get "$out" 'd["review_partner_groups"]')"
expect_ok "statement set --strengths \"\" clears the strengths" statement set 1 1i --strengths ""
run statement show 1 1i --json
same "the strengths are empty, the areas kept" "'' 'Review adjustments with pupils\\nwho use them'" \
	"$(json_get "$out" 'repr(d["strengths"]) + " " + repr(d["areas_for_development"])')"
expect_ok "statement set other names for the groups" statement set 1 4iv --with "parent-carers, staff" --status in-progress
run statement show 1 4iv --json
same "parent-carers and staff are parents and practitioners" "['parent-carers', 'practitioners']" \
	"$(json_get "$out" 'd["review_partner_groups"]')"
run evaluation show 1 --json
same "show counts the complete statement and the review's partner groups" "1 ['parent-carers', 'practitioners'] complete in-progress" \
	"$(json_get "$out" '" ".join([str(d["statements_complete"]), str(d["partner_groups"]), d["sections"][0]["statement_list"][0]["status"], d["sections"][3]["statement_list"][3]["status"]])')"
expect_ok "statement show 1 1i" statement show 1 1i
same "statement show: status and partner groups line" "Status: complete    Partner groups: none recorded" \
	"$(printf '%s\n' "$out" | grep '^Status:')"
same "statement show: strengths none recorded" "  (none recorded)" "$(printf '%s\n' "$out" | sed -n '/^Strengths:$/{n;p;}')"

expect_fail "a status that is not known" 1 \
	'copro statement set: status "done" is not known: use not-started, in-progress or complete.' \
	statement set 1 1i --status done
expect_fail "an unknown statement key" 1 \
	"copro statement set: four-cornerstones has no statement \"5i\": \`copro evaluation show 1\` lists them." \
	statement set 1 5i --status complete
expect_fail "statement show of an unknown key" 1 \
	"copro statement show: four-cornerstones has no statement \"1I\": \`copro evaluation show 1\` lists them." \
	statement show 1 1I
expect_fail "an unknown partner group" 1 \
	'copro statement set: --with: "teachers" is not a partner group: use cyp (children and young people), parents (parent carers), practitioners, all or none, separated by commas.' \
	statement set 1 1i --with cyp,teachers
expect_fail "strengths with a control character" 1 "copro statement set: Strengths contains a control character: remove it." \
	statement set 1 1i --strengths "$(printf 'bell\007')"
expect_fail "statement set of an evaluation that does not exist" 1 "there is no evaluation number 42" \
	statement set 42 1i --status complete
expect_fail "statement set with nothing to set" 2 \
	"copro statement set: give at least one of --strengths, --areas, --status, --with." statement set 1 1i
expect_fail "statement set without a statement" 2 "copro statement set: missing argument." statement set 1 --status complete

# ---- status: a submitted evaluation is locked --------------------------------

"$COPRO" evidence add 1 --title "Coffee mornings" --with parents --date 2025-10-01 >/dev/null
expect_fail "an unknown evaluation status" 1 \
	'copro evaluation status: status "final" is not known: use draft, in-review or submitted.' \
	evaluation status 1 final
expect_ok "set the evaluation to submitted" evaluation status 1 submitted
same "status says the new status" "Evaluation 1 is now submitted." "$out"
expect_fail "a submitted evaluation refuses statement set" 1 \
	"copro statement set: evaluation 1 is submitted and can no longer change: set its status back to draft first." \
	statement set 1 1ii --status complete
expect_fail "a submitted evaluation refuses evidence link" 1 \
	"copro evidence link: evaluation 1 is submitted and can no longer change: set its status back to draft first." \
	evidence link 1 1 1i.a
expect_fail "a submitted evaluation refuses evidence add --link" 1 \
	"copro evidence add: evaluation 1 is submitted and can no longer change: set its status back to draft first." \
	evidence add 1 --title "Survey" --with cyp --date 2025-10-02 --evaluation 1 --link 1i.a
expect_fail "a submitted evaluation refuses a new own indicator" 1 \
	"copro indicator add: evaluation 1 is submitted and can no longer change: set its status back to draft first." \
	indicator add 1 1i "A named person phones new families"
expect_ok "the other evaluation is not locked" statement set 2 1ii --status in-progress
expect_ok "set it back to draft" evaluation status 1 draft
expect_ok "a draft evaluation accepts statement set again" statement set 1 1ii --status complete
expect_ok "a draft evaluation accepts evidence link again" evidence link 1 1 1i.a
same "the link was made" "Linked evidence 1 to 1 more indicator (0 already linked)." "$out"
run evaluation list 1 --json
same "evaluation list shows the status" "['draft', 'draft']" "$(json_get "$out" '[e["status"] for e in d]')"

# ---- own indicators -----------------------------------------------------------

expect_ok "indicator add makes own1" indicator add 1 3ii "A named person phones new families in week one"
same "indicator add says its key and how to link it" "Added your own indicator 3ii.own1. Link evidence to it with:
  copro evidence link EVIDENCE 1 3ii.own1" "$out"
run evaluation show 1 --json
same "show now counts 131 indicators" "131 [('1', 39), ('2', 40), ('3', 32), ('4', 20)]" \
	"$(json_get "$out" 'str(d["indicators"]) + " " + str([(s["key"], s["indicators"]) for s in d["sections"]])')"
expect_ok "indicator add again makes own2" indicator add 1 3ii "Families are told who to call"
same "the second is own2" "Added your own indicator 3ii.own2. Link evidence to it with:" "$(printf '%s\n' "$out" | head -1)"
expect_ok "indicator add on another statement starts at own1" indicator add 1 4i "Pupils chair one meeting a term"
same "the other statement's is own1" "Added your own indicator 4i.own1. Link evidence to it with:" "$(printf '%s\n' "$out" | head -1)"
run statement show 1 3ii --json
same "statement show lists the own indicators after the instrument's" "a b c d e own1 own2 | False False False False False True True" \
	"$(json_get "$out" '" ".join(i["key"] for i in d["indicator_list"]) + " | " + " ".join(str(i["own"]) for i in d["indicator_list"])')"
same "the own indicator's text" "A named person phones new families in week one" "$(json_get "$out" 'd["indicator_list"][5]["text"]')"
run evaluation show 1 --json
same "show counts 133 indicators" 133 "$(json_get "$out" 'd["indicators"]')"
expect_ok "evidence can be linked to an own indicator" evidence link 1 1 3ii.own2
run statement show 1 3ii --json
same "the own indicator counts the evidence" "1 [1]" "$(json_get "$out" 'str(d["indicators_evidenced"]) + " " + str(d["indicator_list"][6]["evidence_ids"])')"
expect_fail "indicator add on an unknown statement" 1 \
	"copro indicator add: four-cornerstones has no statement \"3x\": statements are written like 1i or 3iv." \
	indicator add 1 3x "Something"
expect_fail "indicator add with empty text" 1 "copro indicator add: The indicator text is required: give a value." \
	indicator add 1 3ii ""
expect_fail "indicator add on an evaluation that does not exist" 1 "there is no evaluation number 9" \
	indicator add 9 3ii "Something"
expect_fail "indicator add without text" 2 "copro indicator add: missing argument." indicator add 1 3ii

finish
