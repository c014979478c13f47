#!/bin/sh
# test_evidence.sh: the evidence library: adding items with their first
# links, linking and unlinking across cornerstones (all or nothing), listing
# by indicator, and the progress counts that links make.
. "$(dirname "$0")/lib.sh"

today=$(date -u +%Y-%m-%d)
tomorrow=$(python3 -c 'import datetime; print(datetime.datetime.now(datetime.timezone.utc).date() + datetime.timedelta(days=1))')

two_orgs
"$COPRO" evaluation start 1 four-cornerstones 2026-27 >/dev/null
"$COPRO" evaluation start 2 four-cornerstones 2026-27 >/dev/null

# ---- add with links across cornerstones -------------------------------------

expect_ok "evidence add with --with, --date, --url, --evaluation and three --link" \
	evidence add 1 --title "Parent carer coffee mornings" --description "Monthly, with the Parent Carer Forum" \
	--with parents,practitioners --date 2025-10-15 --url https://example.org/coffee \
	--evaluation 1 --link 1iii.a --link 4i.b --link 2ii.c
same "add says the number and how many links" "Added evidence 1: Parent carer coffee mornings
Linked to 3 indicators." "$out"
expect_ok "evidence show 1 --json" evidence show 1 --json
same "show --json: its fields" \
	"['id', 'organisation', 'title', 'description', 'date', 'url', 'partner_groups', 'created_at', 'updated_at', 'links']" \
	"$(json_get "$out" 'list(d.keys())')"
same "show --json: the values given" \
	"[1, 1, 'Parent carer coffee mornings', 'Monthly, with the Parent Carer Forum', '2025-10-15', 'https://example.org/coffee', ['parent-carers', 'practitioners']]" \
	"$(json_get "$out" '[d[k] for k in ("id","organisation","title","description","date","url","partner_groups")]')"
same "show --json: the links, by statement" "[(1, '1iii', 'a'), (1, '2ii', 'c'), (1, '4i', 'b')]" \
	"$(json_get "$out" '[(l["evaluation"], l["statement"], l["indicator"]) for l in d["links"]]')"
expect_ok "evidence show 1" evidence show 1
same "show: the readable form" "Evidence 1: Parent carer coffee mornings
  Date: 2025-10-15
  Partner groups: parent carers, practitioners
  Link: https://example.org/coffee
  Monthly, with the Parent Carer Forum
  Counts for 3 indicators:
    evaluation 1  1iii.a
    evaluation 1  2ii.c
    evaluation 1  4i.b" "$out"

expect_ok "evidence add without links or a date" evidence add 1 --title "Pupil voice survey" --with cyp
same "add without links says how to link" "Added evidence 2: Pupil voice survey
Link it to indicators with: copro evidence link 2 EVALUATION 1i.a 2iii.b" "$out"
run evidence show 2 --json
same "the date defaults to today, the url is null, no links" "$today None []" \
	"$(json_get "$out" '" ".join(str(d[k]) for k in ("date","url","links"))')"
expect_ok "an http:// link is accepted" evidence add 1 --title "Old page" --with none --date 2025-01-01 --url http://example.org/old
expect_ok "today is not in the future" evidence add 1 --title "Today" --with staff --date "$today"
run evidence show 4 --json
same "staff means practitioners" "['practitioners']" "$(json_get "$out" 'd["partner_groups"]')"

# ---- link / unlink ---------------------------------------------------------

expect_ok "evidence link to two indicators" evidence link 2 1 1iii.a 1i.a
same "link counts the new links" "Linked evidence 2 to 2 more indicators (0 already linked)." "$out"
expect_ok "evidence link again with one already linked" evidence link 2 1 1i.a 1i.b
same "link counts what was already linked" "Linked evidence 2 to 1 more indicator (1 already linked)." "$out"
expect_ok "evidence unlink one" evidence unlink 2 1 1i.b
same "unlink counts the removed links" "Removed 1 link from evidence 2." "$out"
expect_ok "evidence unlink what is not linked" evidence unlink 2 1 1i.b
same "unlink of nothing removes 0" "Removed 0 links from evidence 2." "$out"
run evidence show 2 --json
same "evidence 2 is linked to 1i.a and 1iii.a" "[(1, '1i', 'a'), (1, '1iii', 'a')]" \
	"$(json_get "$out" '[(l["evaluation"], l["statement"], l["indicator"]) for l in d["links"]]')"

# ---- list -------------------------------------------------------------------

expect_ok "evidence list --indicator 1:1i.a --json" evidence list 1 --indicator 1:1i.a --json
same "only evidence 2 is linked to 1i.a" "[2]" "$(json_get "$out" '[e["id"] for e in d]')"
same "the listed item carries its links" 2 "$(json_get "$out" 'len(d[0]["links"])')"
expect_ok "evidence list --indicator 1:1iii.a --json" evidence list 1 --indicator 1:1iii.a --json
same "evidence 1 and 2 are linked to 1iii.a" "[1, 2]" "$(json_get "$out" '[e["id"] for e in d]')"
expect_ok "evidence list --indicator 1:4i.c" evidence list 1 --indicator 1:4i.c
same "no evidence is linked to 4i.c" "No evidence is linked to 1:4i.c yet." "$out"
expect_ok "evidence list 1" evidence list 1
same "list: every item with its date and link count" "  No.  Date       Links  Title
    1  2025-10-15     3  Parent carer coffee mornings
    2  $today     2  Pupil voice survey
    3  2025-01-01     0  Old page
    4  $today     0  Today" "$out"
expect_ok "evidence list 2 is empty" evidence list 2
same "an organisation with no evidence" "No evidence yet. Add some with: copro evidence add ORG --title ... --with ..." "$out"
expect_fail "--indicator without the evaluation" 2 \
	"copro evidence list: --indicator takes EVALUATION:STATEMENT.INDICATOR, for example 1:1i.a." \
	evidence list 1 --indicator 1i.a
expect_fail "--indicator without the indicator" 2 \
	'copro evidence list: "1i" is not an indicator: write the statement and the indicator with a dot between, for example 1i.a or 2iii.own1.' \
	evidence list 1 --indicator 1:1i
expect_fail "evidence list of an organisation that does not exist" 1 "copro evidence list: there is no organisation number 9" \
	evidence list 9

# ---- progress counts after links ----------------------------------------------
# Links now: evidence 1 (parents, practitioners) on 1iii.a, 2ii.c, 4i.b;
# evidence 2 (cyp) on 1i.a, 1iii.a.

expect_ok "evaluation show 1 --json" evaluation show 1 --json
same "overall: 4 statements and 4 indicators evidenced" "4 4 0" \
	"$(json_get "$out" '" ".join(str(d[k]) for k in ("statements_evidenced","indicators_evidenced","statements_complete"))')"
same "overall: all three partner groups" "['children-and-young-people', 'parent-carers', 'practitioners']" \
	"$(json_get "$out" 'd["partner_groups"]')"
same "per cornerstone: statements evidenced, indicators evidenced" "[('1', 2, 2), ('2', 1, 1), ('3', 0, 0), ('4', 1, 1)]" \
	"$(json_get "$out" '[(s["key"], s["statements_evidenced"], s["indicators_evidenced"]) for s in d["sections"]]')"
same "per cornerstone: partner groups" \
	"[['children-and-young-people', 'parent-carers', 'practitioners'], ['parent-carers', 'practitioners'], [], ['parent-carers', 'practitioners']]" \
	"$(json_get "$out" '[s["partner_groups"] for s in d["sections"]]')"
same "statements 1i and 1iii: one indicator each, with their groups" \
	"[('1i', 1, ['children-and-young-people']), ('1iii', 1, ['children-and-young-people', 'parent-carers', 'practitioners'])]" \
	"$(json_get "$out" '[(e["key"], e["indicators_evidenced"], e["partner_groups"]) for e in d["sections"][0]["statement_list"] if e["indicators_evidenced"]]')"
expect_ok "statement show 1 1iii --json" statement show 1 1iii --json
same "1iii.a counts two evidence items" "2 [1, 2]" \
	"$(json_get "$out" 'str(d["indicator_list"][0]["evidence"]) + " " + str(d["indicator_list"][0]["evidence_ids"])')"
expect_ok "statement show 1 1iii" statement show 1 1iii
same "statement show lists the linked evidence under its indicator" \
	"      evidence 1: Parent carer coffee mornings (2025-10-15)
      evidence 2: Pupil voice survey ($today)" "$(printf '%s\n' "$out" | grep '^      evidence ')"
same "statement show counts indicators with evidence" "Indicators (1 of 6 with evidence):" "$(printf '%s\n' "$out" | grep '^Indicators')"
expect_ok "evaluation show 1" evaluation show 1
same "show: the overall line" "Overall: 4 of 25 statements have evidence, 0 complete; 4 of 130 indicators evidenced." \
	"$(printf '%s\n' "$out" | grep '^Overall:')"
same "show: the partner groups line" "Partner groups who took part: children and young people, parent carers, practitioners" \
	"$(printf '%s\n' "$out" | grep '^Partner groups')"
same "show: each cornerstone's bar and count" "cornerstone 1: Welcome and Care  [#...................] 2/39 indicators
cornerstone 2: Value and Include  [....................] 1/40 indicators
cornerstone 3: Communicate  [....................] 0/31 indicators
cornerstone 4: Work in Partnership  [#...................] 1/20 indicators" \
	"$(printf '%s\n' "$out" | grep '^cornerstone')"

expect_ok "unlink 4i.b" evidence unlink 1 1 4i.b
run evaluation show 1 --json
same "after the unlink: 3 statements, 3 indicators, cornerstone 4 has none" "3 3 0 []" \
	"$(json_get "$out" '" ".join(str(x) for x in (d["statements_evidenced"], d["indicators_evidenced"], d["sections"][3]["indicators_evidenced"], d["sections"][3]["partner_groups"]))')"
run evaluation show 2 --json
same "the other organisation's evaluation has nothing" "0 []" \
	"$(json_get "$out" 'str(d["indicators_evidenced"]) + " " + str(d["partner_groups"])')"

# ---- bad input: exit 1, nothing added or linked ---------------------------------

expect_fail "a date that does not exist" 1 \
	'copro evidence add: The evidence date "2026-02-30" is not a date that exists: write it as YYYY-MM-DD, for example 2026-09-30.' \
	evidence add 1 --title X --with all --date 2026-02-30
expect_fail "a date in the future" 1 \
	"copro evidence add: the evidence date $tomorrow is in the future: evidence records what has happened, so give a date up to $today." \
	evidence add 1 --title X --with all --date "$tomorrow"
expect_fail "a javascript: URL" 1 \
	'copro evidence add: The link must start with https:// or http:// (got "javascript:alert(1)").' \
	evidence add 1 --title X --with all --url "javascript:alert(1)"
expect_fail "a URL with a space" 1 "copro evidence add: The link must not contain spaces: encode them as %20." \
	evidence add 1 --title X --with all --url "https://example.org/a b"
expect_fail "an unknown partner group" 1 \
	'copro evidence add: --with: "teachers" is not a partner group: use cyp (children and young people), parents (parent carers), practitioners, all or none, separated by commas.' \
	evidence add 1 --title X --with cyp,teachers
expect_fail "an empty title" 1 "copro evidence add: The evidence title is required: give a value." \
	evidence add 1 --title "" --with all
expect_fail "an unknown indicator among good ones, with add: nothing added" 1 \
	'copro evidence add: statement 1i has no indicator "z": its indicators are 1i.a to 1i.i (and any the organisation added).' \
	evidence add 1 --title "Survey" --with all --date 2025-10-01 --evaluation 1 --link 1i.a --link 1i.z --link 2i.a
expect_fail "an unknown indicator among good ones, with link: nothing linked" 1 \
	'copro evidence link: statement 1i has no indicator "z": its indicators are 1i.a to 1i.i (and any the organisation added).' \
	evidence link 3 1 1ii.a 1i.z 2i.a
run evidence show 3 --json
same "evidence 3 still has no links" "[]" "$(json_get "$out" 'd["links"]')"
expect_fail "an unknown statement in a ref" 1 \
	'copro evidence link: four-cornerstones has no statement "9z": statements are written like 1i or 3iv.' \
	evidence link 3 1 1ii.a 9z.a
expect_fail "a malformed ref" 1 \
	'copro evidence link: "1i" is not an indicator: write the statement and the indicator with a dot between, for example 1i.a or 2iii.own1.' \
	evidence link 3 1 1ii.a 1i
expect_fail "a malformed ref with two dots" 1 '"1i.a.b" is not an indicator' evidence link 3 1 1i.a.b
expect_fail "a malformed ref with add --link" 1 '"1i" is not an indicator' \
	evidence add 1 --title X --with all --date 2025-10-01 --evaluation 1 --link 1i
expect_fail "evidence of A linked to an evaluation of B" 1 \
	"copro evidence link: evidence 1 belongs to another organisation than evaluation 2: link evidence only within its own organisation." \
	evidence link 1 2 1i.a
expect_fail "new evidence of A linked to an evaluation of B" 1 \
	"copro evidence add: evaluation 2 belongs to another organisation than organisation 1: link evidence only within its own organisation." \
	evidence add 1 --title X --with all --date 2025-10-01 --evaluation 2 --link 1i.a
expect_fail "new evidence of B linked to an evaluation of A" 1 \
	"copro evidence add: evaluation 1 belongs to another organisation than organisation 2: link evidence only within its own organisation." \
	evidence add 2 --title X --with all --date 2025-10-01 --evaluation 1 --link 1i.a
expect_fail "evidence of an organisation that does not exist" 1 \
	"copro evidence add: there is no organisation number 9: \`copro org list\` shows them." \
	evidence add 9 --title X --with all
expect_fail "link to an evaluation that does not exist" 1 \
	"copro evidence link: there is no evaluation number 9: \`copro evaluation list\` shows them." \
	evidence link 1 9 1i.a
expect_fail "link evidence that does not exist" 1 \
	"copro evidence link: there is no evidence number 99: \`copro evidence list ORG\` shows them." \
	evidence link 99 1 1i.a
expect_fail "evidence show 99" 1 "copro evidence show: there is no evidence number 99" evidence show 99

# A wrong command line: exit 2.
expect_fail "--link without --evaluation" 2 \
	"copro evidence add: --link needs --evaluation EVALUATION to say which evaluation the indicators belong to." \
	evidence add 1 --title X --with all --link 1i.a
expect_fail "no --with" 2 \
	"copro evidence add: --with is required: say which partner groups took part (cyp, parents, practitioners, all or none)." \
	evidence add 1 --title X
expect_fail "no --title" 2 "copro evidence add: --title is required." evidence add 1 --with all
expect_fail "--evaluation abc" 2 'copro evidence add: The evaluation "abc" is not a number' \
	evidence add 1 --title X --with all --evaluation abc --link 1i.a
expect_fail "link with no refs" 2 "copro evidence link: missing argument." evidence link 1 1
expect_fail "evidence show abc" 2 'copro evidence show: The evidence "abc" is not a number' evidence show abc

# ---- edit ------------------------------------------------------------------------

expect_ok "evidence edit the date and clear the url" evidence edit 1 --date 2025-10-16 --url ""
same "edit says what it updated" "Updated evidence 1: Parent carer coffee mornings" "$out"
run evidence show 1 --json
same "the date changed, the url is null, the links kept" "2025-10-16 None 2" \
	"$(json_get "$out" '" ".join(str(x) for x in (d["date"], d["url"], len(d["links"])))')"
expect_ok "evidence edit the partner groups" evidence edit 1 --with all
run evaluation show 1 --json
same "the new partner groups count in the progress" "['children-and-young-people', 'parent-carers', 'practitioners']" \
	"$(json_get "$out" 'd["sections"][1]["partner_groups"]')"
expect_fail "evidence edit to a future date" 1 "copro evidence edit: the evidence date $tomorrow is in the future" \
	evidence edit 1 --date "$tomorrow"
expect_fail "evidence edit to a javascript: URL" 1 "copro evidence edit: The link must start with https:// or http://" \
	evidence edit 1 --url "javascript:void(0)"
expect_fail "evidence edit of evidence that does not exist" 1 "copro evidence edit: there is no evidence number 99" \
	evidence edit 99 --title X

finish
