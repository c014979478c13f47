#!/bin/sh
# test_views.sh: rounds of views from the terminal: opening (links printed
# once, never stored in clear), listing and showing, closing and reopening,
# paper forms, results with small groups suppressed (shown at 4, lifted at
# 5), "views differ", comments reviewed and flagged, the agreed view and its
# evidence, settings, the purge; and every refusal, leaving the database
# unchanged.
. "$(dirname "$0")/lib.sh"

two_orgs
"$COPRO" org add --name "Oak Academy" --sector education --area "Rotherham" >/dev/null
"$COPRO" evaluation start 1 four-cornerstones 2026-27 >/dev/null
"$COPRO" evaluation start 3 four-cornerstones 2026-27 >/dev/null
"$COPRO" audit start 1 --date 2026-03-01 >/dev/null

# ---- opening ----------------------------------------------------------------

expect_fail "--groups is required" 2 "--groups is required" views open 1
expect_fail "an unknown group is a usage error" 2 "\"dads\" is not a partner group" \
	views open 1 --groups parents,dads
expect_fail "an unknown evaluation" 1 "no evaluation number 9" views open 9 --groups parents
expect_fail "an unknown statement" 1 "\"9z\" is not a" views open 1 --groups parents --statements 9z
expect_fail "an unknown wording" 1 "wording \"posh\" is not known" \
	views open 1 --groups parents --wording posh
expect_fail "a bad language" 1 "is not a language tag" views open 1 --groups parents --language "x y"
expect_fail "a closing date in the past" 1 "has passed" \
	views open 1 --groups parents --opens 2020-01-01 --closes 2020-02-01
expect_fail "a bad closing date" 1 "closing date" views open 1 --groups parents --closes 2026-02-30
expect_fail "a bad cap" 2 "--cap takes a whole number" views open 1 --groups parents --cap 0
expect_fail "statements are for evaluations" 2 "--statements is for evaluations" \
	views open-audit 1 --groups parents --statements 1
expect_fail "an unnamed other group" 2 "\"other:\" is not a partner group" views open 1 --groups other:
expect_out "open prints one link per group" "/v/" \
	views open 1 --groups young-people,parents,practitioners --statements 1i,2iii \
	--base-url https://copro.example.org/
same "three links" "3" "$(printf '%s\n' "$out" | grep -c 'https://copro.example.org/v/')"
token=$(printf '%s\n' "$out" | sed -n 's|.*Parent carers *https://copro.example.org/v/||p')
same "a token is 43 characters" "43" "${#token}"
same "the token is not stored in clear" "" "$(db_dump | grep -F -- "$token")"
hash=$(printf '%s' "$token" | sha256sum | cut -d' ' -f1)
same "only its hash is stored" "1" "$(db_sql "SELECT COUNT(*) FROM view_link WHERE token_hash = '$hash'")"
expect_out "an audit's round" "Opened round of views 2" views open-audit 1 --groups parents

expect_out "list" "Views on Four Cornerstones" views list 1
expect_ok "list --json" views list 1 --json
same "two rounds" "2" "$(json_get "$out" 'len(d)')"
expect_ok "show --json" views show 1 --json
same "its elements" "1i 2iii" "$(json_get "$out" '" ".join(e["key"] for e in d["elements"])')"
same "no token in show" "" "$(printf '%s' "$out" | grep -F -- "$token")"
expect_fail "show an unknown round" 1 "no round of views number 9" views show 9

# ---- closing, reopening, replacing a link -------------------------------------

expect_out "close" "Closed round of views 1" views close 1
expect_fail "close twice" 1 "closed already" views close 1
expect_out "reopen" "Reopened round of views 1" views reopen 1
expect_fail "reopen an open round" 1 "not closed" views reopen 1
expect_out "replace a link" "New link 2" views link 1 2
expect_fail "replace another round's link" 1 "round 2 has no link number 1" views link 2 1
newtoken=$(printf '%s\n' "$out" | sed -n 's|^  /v/||p')
same "the old hash is gone" "0" "$(db_sql "SELECT COUNT(*) FROM view_link WHERE token_hash = '$hash'")"

# ---- changing a round, adapting easy read, bad numbers -----------------------------

expect_out "set a closing date" "Changed round of views 1" views set 1 --closes 2099-06-30
same "British English gives no warning" "" "$err"
expect_fail "set needs something to change" 2 "say what to change" views set 1
expect_fail "set a closing date before opening" 1 "before the opening date" views set 1 --closes 2000-01-01
expect_fail "set an unknown round" 1 "no round of views number 9" views set 9 --title "x"
expect_out "adapt easy read" "uses your easy-read text" views easy-read 1 1i "We make you welcome."
same "kept for the round" "We make you welcome." "$(db_sql "SELECT easy_read FROM view_round_element WHERE round_id = 1 AND element_key = '1i'")"
expect_fail "adapt a statement not asked" 1 "does not ask about" views easy-read 1 4i "Hello."
expect_fail "adapt with neither text nor --reset" 2 "or --reset" views easy-read 1 1i
expect_out "reset easy read" "copro's easy-read text again" views easy-read 1 1i --reset
expect_fail "list of an unknown organisation" 1 "no organisation" views list 99
expect_fail "a round that is not a number" 2 "The round" views show abc
expect_fail "close an unknown round" 1 "no round of views number 9" views close 9
expect_fail "results of an unknown round" 1 "no round of views number 9" views results 9
expect_fail "comments of an unknown round" 1 "no round of views number 9" views comments 9
expect_fail "settings of an unknown organisation" 1 "no organisation" views settings 99
expect_fail "purge takes no arguments" 2 "unexpected argument" views purge 1

# ---- paper forms and results --------------------------------------------------

paper() { printf "$2" | "$COPRO" views paper 1 --group "$1" --answers - >/dev/null; }
for i in 1 2 3 4; do paper parents '1i 2 | Friendly office\n2iii 1\n'; done
for i in 1 2 3 4 5; do paper practitioners '1i 4\n2iii 2\n'; done
expect_fail "paper: an answer off the scale" 1 "is not an answer" \
	views paper 1 --group parents --answers /dev/stdin <<EOF
1i 7
EOF
expect_fail "paper: a statement the round does not ask" 1 "does not ask about" \
	views paper 1 --group parents --answers - <<EOF
4i 3
EOF
expect_fail "paper: a group without a link" 1 "no link for other:Governors" \
	views paper 1 --group other:Governors --answers - <<EOF
1i 3
EOF
expect_fail "paper: both options needed" 2 "--group and --answers are both required" views paper 1 --group parents
expect_fail "paper: an empty form" 1 "no answers" views paper 1 --group parents --answers /dev/null
expect_ok "results with 4 parent carers" views results 1 --json
same "4 answers are suppressed" "True None" \
	"$(json_get "$out" 'str(d["elements"][0]["groups"][1]["suppressed"]) + " " + str(d["elements"][0]["groups"][1]["spread"])')"
same "practitioners are shown" "5" "$(json_get "$out" 'd["elements"][0]["groups"][2]["spread"]["Really well"]')"
same "no difference with a suppressed group" "False" "$(json_get "$out" 'd["elements"][0]["views_differ"]')"
expect_out "the words" "fewer than 5 answers" views results 1
expect_ok "unsuppressed for leads" views results 1 --unsuppressed --json
same "the lead sees 4" "4" "$(json_get "$out" 'd["elements"][0]["groups"][1]["spread"]["Not very well"]')"
paper parents '1i 2\n2iii 1\n'
expect_ok "results with 5 parent carers" views results 1 --json
same "5 answers lift it" "False 5" \
	"$(json_get "$out" 'str(d["elements"][0]["groups"][1]["suppressed"]) + " " + str(d["elements"][0]["groups"][1]["spread"]["Not very well"])')"
same "two steps apart: views differ" "True" "$(json_get "$out" 'd["elements"][0]["views_differ"]')"
same "one step apart: they do not" "False" "$(json_get "$out" 'd["elements"][1]["views_differ"]')"
expect_out "says views differ" "Views differ: Parent carers and Practitioners" views results 1
expect_ok "results as CSV" views results 1 --csv
same "a CSV header and a row per statement and group" "7" "$(printf '%s\n' "$out" | wc -l | tr -d ' ')"
same "the header" "statement,statement_title,group,group_title,suppressed,responses,answers,Really well,Quite well,Not very well,Not at all,I don't know,median,views_differ,agreed_view" \
	"$(printf '%s\n' "$out" | head -1 | tr -d '\r')"
expect_fail "--json and --csv" 2 "not both" views results 1 --json --csv
"$COPRO" views results 1 --xlsx >"$WORK/results.xlsx"
check "results as an Excel workbook" python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); s = z.read("xl/worksheets/sheet1.xml").decode(); sys.exit(0 if "Really well" in s and "Parent carers" in s else 1)' "$WORK/results.xlsx"
expect_out "area threshold" "from 6 answers" views area Rotherham --min-group 6
expect_ok "the area's picture, before any views" views area Rotherham --json
same "no organisation gave views yet" "0" "$(json_get "$out" 'len(d["organisations"])')"
"$COPRO" views open 2 --groups parents,other:Governors >/dev/null
printf '1i 3\n' | "$COPRO" views paper 3 --group other:Governors --answers - >/dev/null
printf '1i 2\n' | "$COPRO" views paper 3 --group parents --answers - >/dev/null
expect_ok "the area's picture" views area Rotherham --json
same "Oak Academy's parent carers and governors gave 2 answers" "Oak Academy 2 ['parent-carers'] True" \
	"$(json_get "$out" '" ".join(str(x) for x in (d["organisations"][0]["name"], d["organisations"][0]["answers"], d["organisations"][0]["groups"], d["organisations"][0]["other_groups"]))')"
expect_out "in words" "Oak Academy" views area Rotherham
expect_fail "a bad threshold" 2 "--min-group takes a whole number" views area Rotherham --min-group 0
expect_fail "an unknown area" 1 "no area called" views area Nowhere

# ---- comments -------------------------------------------------------------------

expect_out "comments wait for review" "to review" views comments 1
expect_ok "results hide unreviewed comments" views results 1 --json
same "no comments yet" "0" "$(json_get "$out" 'len(d["elements"][0]["groups"][1]["comments"])')"
expect_out "review one" "Marked the comment reviewed" views review 1 1 1i
expect_fail "review it twice" 1 "reviewed already" views review 1 1 1i
expect_fail "review a comment that is not there" 1 "no comment of response 1 on 2iii" views review 1 1 2iii
expect_out "review another" "reviewed" views review 1 2 1i
expect_out "flag one" "hidden from results" views flag 1 2 1i
expect_fail "flag twice" 1 "flagged already" views flag 1 2 1i
expect_ok "results show one reviewed comment" views results 1 --json
same "one comment shows" "1" "$(json_get "$out" 'len(d["elements"][0]["groups"][1]["comments"])')"
expect_fail "a flagged comment cannot become You said" 1 "flagged for safeguarding" views yousaid 1 2 1i
expect_out "unflag" "Took the flag off" views flag 1 2 1i --unflag
expect_fail "an answer with no better comment" 1 "has no \"What could be better?\" comment" views yousaid 1 1 1i --better
expect_fail "an unreviewed comment" 1 "review that comment first" views yousaid 1 3 1i
expect_out "a comment becomes You said" "Made \"You said, we did\" record 1" views yousaid 1 1 1i
same "what partners said" "Friendly office|2" "$(db_sql "SELECT said, with_parents + 1 FROM you_said WHERE id = 1")"
same "it remembers the round" "1" "$(db_sql "SELECT round_id FROM view_you_said WHERE you_said_id = 1")"

# ---- agreeing ------------------------------------------------------------------------

expect_fail "agree needs --agreed" 2 "--agreed is required" views agree 1 1i --groups parents
expect_fail "agree needs --groups" 2 "--groups is required" views agree 1 1i --agreed "Yes"
expect_fail "agree on a statement not asked" 1 "does not ask about" \
	views agree 1 4i --agreed "Yes" --groups parents
expect_fail "agree with empty words" 1 "What was agreed" views agree 1 1i --agreed " " --groups parents
expect_out "agree" "evidence item 1" \
	views agree 1 1i --agreed "Welcoming, less so for dads" --resolved "Met both groups" --groups all
expect_ok "the evidence item" evidence list 1 --json
same "its title" "Views of parent carers (5), practitioners (5), $(date +'%B %Y'): 10 answers" "$(json_get "$out" 'd[0]["title"]')"
same "linked to 1i's indicators" "$(db_sql "SELECT COUNT(*) FROM evidence_link WHERE evidence_id = 1")" \
	"$(db_sql "SELECT COUNT(*) FROM evidence_link WHERE evidence_id = 1 AND element_key = '1i'")"
check "some links" [ "$(db_sql "SELECT COUNT(*) FROM evidence_link WHERE evidence_id = 1")" -gt 0 ]

# ---- settings and retention ------------------------------------------------------------

expect_fail "retention out of range" 2 "--retention-months takes a whole number from 1 to 120" \
	views settings 1 --retention-months 121
expect_out "settings" "Saved the partner voice settings" \
	views settings 1 --safeguarding-contact "Mrs Khan, safeguarding lead" --retention-months 1
expect_ok "settings --json" views settings 1 --json
same "contact kept" "Mrs Khan, safeguarding lead" "$(json_get "$out" 'd["safeguarding_contact"]')"
expect_out "nothing old yet" "free text of 0 answers" views purge
COPRO_NOW=2099-01-01T00:00:00Z run views purge
same "retention deletes" "Deleted the free text of 4 answers past its organisation's retention period." "$out"
same "no free text left" "0" "$(db_sql "SELECT COUNT(*) FROM view_answer WHERE good IS NOT NULL")"
same "the activity log says so" "1" \
	"$(db_sql "SELECT COUNT(*) FROM activity WHERE what LIKE 'deleted the free text of 4 answers%'")"
expect_out "help names the commands" "views results" help

# A server left running deletes old free text once a day (COPRO_PURGE_EVERY
# makes the day a second): an answer aged past the retention period while it
# runs loses its text without a restart.
paper parents '1i 3 | Kind staff\n'
COPRO_PURGE_EVERY=1 serve_start
db_sql "UPDATE view_response SET submitted_at = '2000-01-01T00:00:00Z' WHERE id = (SELECT MAX(id) FROM view_response)"
i=0
while [ "$(db_sql "SELECT COUNT(*) FROM view_answer WHERE good IS NOT NULL")" != 0 ] && [ $i -lt 100 ]; do
	sleep 0.1; i=$((i + 1))
done
same "a running server deletes old free text" "0" "$(db_sql "SELECT COUNT(*) FROM view_answer WHERE good IS NOT NULL")"
kill "$pid"; wait "$pid" 2>/dev/null
same "and says so" "1" "$(grep -c 'Deleted the free text of 1 answer past the retention period' "$WORK/serve.log")"

# ---- languages copro has no words for ----------------------------------------------

expect_out "a language with no translation still opens" "Opened round of views" \
	views open 2 --groups parents --language pl
case $err in
*'no translation for "pl" yet, so partners will read British English'*) ok "a language with no translation is warned of" ;;
*) not_ok "a language with no translation is warned of" "expected the warning in stderr" ;;
esac
expect_out "a region of a language copro has" "Changed round of views 1" views set 1 --language en-US
same "a region of a language copro has is not warned of" "" "$err"

finish
