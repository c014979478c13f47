#!/bin/sh
# test_project.sh: service development projects from the terminal: adding
# one on either York model, people, steps (done, date, note), check
# question answers, evidence links, the list and show shapes, and what is
# refused (with the database left as it was).
. "$(dirname "$0")/lib.sh"

today=$(date -u +%Y-%m-%d)
tomorrow=$(python3 -c 'import datetime; print(datetime.datetime.now(datetime.timezone.utc).date() + datetime.timedelta(days=1))')

two_orgs
"$COPRO" evidence add 1 --title "Coffee morning notes" --with parents --date 2025-10-15 >/dev/null
"$COPRO" evidence add 1 --title "Survey results" --with cyp,parents --date 2025-09-01 >/dev/null
"$COPRO" evidence add 2 --title "Their notes" --with parents --date 2025-10-15 >/dev/null

expect_ok "project list of an organisation with none" project list 1
same "no projects yet says how to add one" "No projects yet. Add one with:
  copro project add 1 --title TITLE --model strategic --start YYYY-MM-DD" "$out"

# ---- adding -------------------------------------------------------------

expect_ok "project add on the strategic model with every field" project add 1 --title "Short breaks leaflet" \
	--model strategic --start 2025-09-01 --end 2026-03-31 --service-area "Short breaks" \
	--description "Rewrite it with families"
same "add says the number, model and steps" "Added project 1: Short breaks leaflet (Model of Strategic Joint Partnership, 12 steps)
Next: copro project person 1 --name NAME --role ROLE --group parent-carers
      copro project show 1" "$out"
expect_out "project add on the individual model by its id" "Added project 2: Annual review (Individual joint partnership working, 6 steps)" \
	project add 1 --title "Annual review" --model york-individual-model --start 2025-10-01
expect_ok "another organisation's project" project add 2 --title "Clinic letters" --model individual --start 2025-09-01

expect_out "person with name, role and group" "Added person 1 to project 1: Sam Patel, Parent carer forum (parent-carers)" \
	project person 1 --name "Sam Patel" --role "Parent carer forum" --group parent-carers
expect_out "person with a short group word and no name" "Added person 2 to project 1: (no name), Pupil (children-and-young-people)" \
	project person 1 --role Pupil --group cyp

# ---- steps, answers, evidence ---------------------------------------------

expect_out "step done with a date and note" "Step 1 of project 1 is done, on 2025-09-10." \
	project step 1 1 --done yes --date 2025-09-10 --note "Coffee morning with 8 parents"
expect_out "step done today" "Step 5 of project 1 is done, on $today." project step 1 5 --done yes --date "$today"
expect_out "step not done with a note" "Step 3 of project 1 is not done." project step 1 3 --done no --note "Booked for May"
expect_out "answer a question" "Answered question a of step 1 in project 1: partly." \
	project answer 1 1 a partly --note "Not at every stage"
expect_ok "answer step 11's second question" project answer 1 11 b yes
expect_out "link evidence" "Linked evidence 1 to step 1 of project 1." project evidence 1 1 1
expect_out "link it again" "Evidence 1 was linked to step 1 of project 1 already." project evidence 1 1 1
expect_ok "link another item" project evidence 1 1 2
expect_out "unlink" "Unlinked evidence 2 from step 1 of project 1." project evidence 1 1 2 --unlink
expect_out "unlink again" "Evidence 2 was not linked to step 1 of project 1: nothing to unlink." project evidence 1 1 2 --unlink

# ---- list and show --------------------------------------------------------

expect_ok "project list 1 --json" project list 1 --json
same "list --json: its fields" \
	"['id', 'organisation', 'title', 'model', 'model_title', 'service_area', 'description', 'starts_on', 'ends_on', 'steps_done', 'steps_total', 'created_at', 'updated_at']" \
	"$(json_get "$out" 'list(d[0].keys())')"
same "latest start first, with steps done of total" "[[2, 'york-individual-model', 0, 6, None], [1, 'york-strategic-model', 2, 12, '2026-03-31']]" \
	"$(json_get "$out" '[[p[k] for k in ("id","model","steps_done","steps_total","ends_on")] for p in d]')"
expect_ok "project list 1" project list 1
same "project list: the readable form" "  No.  Start      End        Steps  Model      Title
    2  2025-10-01 -          0/6    individual Annual review
    1  2025-09-01 2026-03-31 2/12   strategic  Short breaks leaflet" "$out"

expect_ok "project show 1 --json" project show 1 --json
same "show --json: people" "[[1, 'Sam Patel', 'Parent carer forum', 'parent-carers'], [2, '', 'Pupil', 'children-and-young-people']]" \
	"$(json_get "$out" '[[p[k] for k in ("position","name","role","partner_group")] for p in d["people"]]')"
same "show --json: step 1 in full" "[True, '2025-09-10', 'Coffee morning with 8 parents', 'partly', 'Not at every stage', [1]]" \
	"$(json_get "$out" '[d["steps"][0][k] for k in ("done","done_on","note")] + [d["steps"][0]["questions"][0][k] for k in ("answer","note")] + [[e["id"] for e in d["steps"][0]["evidence"]]]')"
same "show --json: 12 steps, a gap marked, an unanswered question is null" "12 True None yes" \
	"$(json_get "$out" '" ".join(str(x) for x in [len(d["steps"]), "gap" in d["steps"][1], d["steps"][10]["questions"][0]["answer"], d["steps"][10]["questions"][1]["answer"]])')"
same "show --json: step 3 not done, with its note" "False None Booked for May" \
	"$(json_get "$out" '" ".join(str(d["steps"][2][k]) for k in ("done","done_on","note"))')"
same "show --json: the organisation and model version" "Riverside Primary School False 64" \
	"$(json_get "$out" 'd["organisation_name"] + " " + str(d["framework_changed"]) + " " + str(len(d["framework_hash"]))')"
expect_out "project show 1 lists a done step" "  [x] 1   2025-09-10 Where possible, hold an initial consultation" project show 1
check "project show 1 shows the answer and note" sh -c 'printf "%s" "$1" | grep -qF "answer: partly - Not at every stage"' _ "$out"
check "project show 1 shows the linked evidence" sh -c 'printf "%s" "$1" | grep -qF "evidence 1: Coffee morning notes (2025-10-15)"' _ "$out"
check "project show 1 marks gaps" sh -c 'printf "%s" "$1" | grep -qF "[GAP IN SOURCE] The wording of step 2 was lost"' _ "$out"
check "project show 1 lists people" sh -c 'printf "%s" "$1" | grep -qF "2. (no name), Pupil (children-and-young-people)"' _ "$out"

expect_ok "done again without --date keeps the date" project step 1 1 --done yes
run project show 1 --json
same "the date is kept" "2025-09-10" "$(json_get "$out" 'd["steps"][0]["done_on"]')"
expect_ok "--done no clears the date" project step 1 1 --done no
run project show 1 --json
same "not done and no date" "False None" "$(json_get "$out" 'str(d["steps"][0]["done"]) + " " + str(d["steps"][0]["done_on"])')"

# ---- refused: the database does not change ------------------------------------

expect_fail "another model" 1 \
	'copro project add: "tactical" is not a model for a project: use strategic (for developing a service) or individual (for an individual piece of work).' \
	project add 1 --title X --model tactical --start 2025-09-01
expect_fail "an instrument that is not a model" 1 \
	"copro project add: four-cornerstones is an evidence instrument, not a model to work through" \
	project add 1 --title X --model four-cornerstones --start 2025-09-01
expect_fail "a start date that does not exist" 1 'The start date "2025-02-30" is not a date that exists' \
	project add 1 --title X --model strategic --start 2025-02-30
expect_fail "an end before the start" 1 \
	"copro project add: the end date 2025-08-01 is before the start date 2025-09-01: give an end date on or after the start." \
	project add 1 --title X --model strategic --start 2025-09-01 --end 2025-08-01
expect_fail "an empty title" 1 "copro project add: The title is required" \
	project add 1 --title "" --model strategic --start 2025-09-01
expect_fail "an organisation that does not exist" 1 "there is no organisation number 9" \
	project add 9 --title X --model strategic --start 2025-09-01
expect_fail "a person with two groups" 1 "is not one group: use children-and-young-people, parent-carers or practitioners." \
	project person 1 --name Jo --group cyp,parents
expect_fail "a person for a project that does not exist" 1 \
	"copro project person: there is no project number 9: \`copro project list ORG\` shows them." \
	project person 9 --group parents
expect_fail "a step the model does not have" 1 \
	'copro project step: project 2 follows Individual joint partnership working, which has no step "7"' \
	project step 2 7 --done yes
expect_fail "a date done in the future" 1 "is in the future: give the day the step was done (today or before)." \
	project step 1 2 --done yes --date "$tomorrow"
expect_fail "a date for a step not done" 1 "a step that is not done has no date done" \
	project step 1 2 --done no --date 2025-09-10
expect_fail "a date done that does not exist" 1 'The date done "2025-09-31" is not a date that exists' \
	project step 1 2 --done yes --date 2025-09-31
expect_fail "an unknown answer" 1 'the answer "maybe" to question a is not known: use yes, partly or no.' \
	project answer 1 1 a maybe
expect_fail "a question the step does not have" 1 'step 11 has no check question "c": its questions are a, b.' \
	project answer 1 11 c yes
expect_fail "a step with no check questions" 1 "step 2 of Model of Strategic Joint Partnership has no check questions to answer." \
	project answer 1 2 a yes
expect_fail "another organisation's evidence" 1 \
	"copro project evidence: evidence 3 belongs to another organisation: link evidence from the project's own organisation." \
	project evidence 1 1 3
expect_fail "evidence that does not exist" 1 "there is no evidence number 99" project evidence 1 1 99
expect_fail "show a project that does not exist" 1 "there is no project number 9" project show 9
expect_fail "list of an organisation that does not exist" 1 "there is no organisation number 9" project list 9

# A wrong command line: exit 2.
expect_fail "no --model" 2 "copro project add: --model is required" project add 1 --title X --start 2025-09-01
expect_fail "no --start" 2 "copro project add: --start is required" project add 1 --title X --model strategic
expect_fail "no --title" 2 "copro project add: --title is required" project add 1 --model strategic --start 2025-09-01
expect_fail "no --group" 2 "copro project person: --group is required" project person 1 --name Jo
expect_fail "no --done" 2 "copro project step: --done is required: yes or no." project step 1 1 --note X
expect_fail "--done maybe" 2 'copro project step: --done "maybe" is not yes or no.' project step 1 1 --done maybe
expect_fail "a project that is not a number" 2 'The project "abc" is not a number' project show abc
expect_fail "evidence that is not a number" 2 'The evidence "x" is not a number' project evidence 1 1 x
expect_fail "answer without its value" 2 "copro project answer: missing argument." project answer 1 1 a
expect_ok "project add --help" project add --help
check "help has an example" sh -c 'printf "%s" "$1" | grep -qF "copro project add 1 --title"' _ "$out"

finish
