#!/bin/sh
# test_plan.sh: team and service plans from the command line: starting one
# seeded from the latest self-evaluation, strengths shown before areas,
# answers and aspect notes, turning an area into an action, and what is
# refused (with the database unchanged).
. "$(dirname "$0")/lib.sh"

two_orgs

expect_fail "--seed-latest with no self-evaluation" 1 "has no self-evaluation to start from" \
	plan start 1 --title "SEND team" --cycle 2026-27 --seed-latest

"$COPRO" evaluation start 1 four-cornerstones 2025-26 >/dev/null
"$COPRO" evaluation start 1 four-cornerstones 2026-27 >/dev/null
"$COPRO" evaluation start 2 four-cornerstones 2026-27 >/dev/null
"$COPRO" statement set 2 1i --strengths "Warm welcome at the gate" --areas "Fathers rarely come
Times suit only some" >/dev/null
"$COPRO" statement set 2 3iv --strengths "Quick replies" >/dev/null
"$COPRO" statement set 1 2i --areas "From the older cycle" >/dev/null
"$COPRO" statement set 3 4i --strengths "Not ours" --areas "Not ours either" >/dev/null

expect_out "plan start --seed-latest copies the latest cycle's statements" \
	"Started plan 1: SEND team (2026-27), from self-evaluation 2 (2026-27): 2 statements copied" \
	plan start 1 --title "SEND team" --cycle 2026-27 --seed-latest
expect_out "plan start without a seed" "Started plan 2: Therapy plan (2026-27)" \
	plan start 2 --title "Therapy plan" --cycle 2026-27

expect_ok "plan show 1 --json" plan show 1 --json
same "seeded from evaluation 2" "2" "$(json_get "$out" 'd["seeded_from"]')"
same "1i copied: strengths and areas" "['Warm welcome at the gate', 'Fathers rarely come\nTimes suit only some']" \
	"$(json_get "$out" '[[s["strengths"], s["areas"]] for c in d["cornerstones"] for s in c["statements"] if s["key"] == "1i"][0]')"
same "nothing from the older cycle or another organisation" "['', '']" \
	"$(json_get "$out" '[[s["strengths"] + s["areas"] for c in d["cornerstones"] for s in c["statements"] if s["key"] == k][0] for k in ("2i", "4i")]')"
same "seven questions per cornerstone, from the instrument" "[7, 7, 7, 7] what does good look like?" \
	"$(json_get "$out" 'str([len(c["questions"]) for c in d["cornerstones"]]) + " " + d["cornerstones"][0]["questions"][1]["text"]')"
same "nine aspects" "9" "$(json_get "$out" 'len(d["aspects"])')"

expect_ok "plan show 1" plan show 1
s_line=$(printf '%s\n' "$out" | grep -n "Warm welcome at the gate" | head -1 | cut -d: -f1)
a_line=$(printf '%s\n' "$out" | grep -n "Fathers rarely come" | head -1 | cut -d: -f1)
check "strengths are shown before areas" test "${s_line:-0}" -gt 0 -a "${a_line:-0}" -gt "${s_line:-0}"
check "the statement whose end was lost is marked" sh -c 'printf "%s" "$1" | grep -qF "3iv Responding promptly and following [GAP IN SOURCE]"' - "$out"

expect_out "plan list 1" "SEND team" plan list 1
expect_ok "plan list 1 --json" plan list 1 --json
same "list: its fields" "[1, 'SEND team', '2026-27', 1, 2]" \
	"$(json_get "$out" '[d[0][k] for k in ("id", "title", "cycle", "organisation", "statements")]')"

# ---- writing in a plan --------------------------------------------------

expect_out "plan statement" "Saved statement 1ii of plan 1" plan statement 1 1ii --strengths "Pupils lead assemblies"
expect_out "plan answer" "Saved the answer to question a of cornerstone 1 in plan 1" plan answer 1 1 a "Families say well"
expect_out "plan aspect" "Saved the note on recruitment in plan 1" plan aspect 1 recruitment "A parent carer sits on panels"
run plan show 1 --json
same "all three are in the plan" "['Pupils lead assemblies', 'Families say well', 'A parent carer sits on panels']" \
	"$(json_get "$out" '[[s["strengths"] for s in d["cornerstones"][0]["statements"] if s["key"] == "1ii"][0], d["cornerstones"][0]["questions"][0]["answer"], [a["note"] for a in d["aspects"] if a["key"] == "recruitment"][0]]')"

expect_fail "a statement of no cornerstone" 1 'the plan has no statement "9z"' plan statement 1 9z --areas x
expect_fail "statement with no text option" 2 "give --strengths TEXT, --areas TEXT or both" plan statement 1 1i
expect_fail "an unknown question" 1 'cornerstone 1 has no question "h": its questions are a, b, c, d, e, f, g.' plan answer 1 1 h x
expect_fail "an unknown cornerstone" 1 'there is no cornerstone "5"' plan answer 1 5 a x
expect_fail "an unknown aspect" 1 'there is no aspect "budget"' plan aspect 1 budget x
expect_fail "an unknown plan" 1 "there is no plan number 9" plan show 9
expect_fail "a plan number that is not a number" 2 "is not a number" plan show x

# ---- areas for development into actions ----------------------------------

expect_out "plan action: the title is the areas' first line" \
	"Added action 1 from plan 1, statement 1i: Fathers rarely come" plan action 1 1i --owner SENCO --due 2099-03-31
expect_out "plan action with a title" "Added action 2 from plan 1, statement 1i: Evening events" \
	plan action 1 1i --title "Evening events"
run plan show 1 --json
same "the plan lists its actions" "[[1, '1i', 'SENCO', '2099-03-31'], [2, '1i', '', None]]" \
	"$(json_get "$out" '[[a["id"], a["statement"], a["owner"], a["due_on"]] for a in d["actions"]]')"
run action show 1 --json
same "the action belongs to the organisation and names the statement" "1 Fathers rarely come" \
	"$(json_get "$out" 'str(d["organisation"]) + " " + d["title"]')"
check "source_plan_id is set" [ "$(db_sql 'SELECT source_plan_id, source_element_key FROM action_item WHERE id = 1')" = "1|1i" ]

expect_fail "no areas for development to turn" 1 "statement 3iv of plan 1 has no areas for development yet" plan action 1 3iv
expect_fail "a bad due date" 1 "due date" plan action 1 1i --due 2099-02-30

# ---- starting: refusals --------------------------------------------------

expect_fail "--title is required" 2 "--title is required" plan start 1 --cycle 2026-27
expect_fail "--cycle is required" 2 "--cycle is required" plan start 1 --title T
expect_fail "--seed and --seed-latest together" 2 "not both" plan start 1 --title T --cycle C --seed 1 --seed-latest
expect_fail "another organisation's evaluation" 1 "organisation 1 has no self-evaluation number 3" \
	plan start 1 --title T --cycle C --seed 3
expect_fail "an unknown organisation" 1 "organisation" plan start 9 --title T --cycle C
expect_out "plan list 2" "Therapy plan" plan list 2

finish
