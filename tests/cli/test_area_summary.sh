#!/bin/sh
# test_area_summary.sh: `copro area summary`, the whole country at a glance:
# the text table (a line per area and the totals, aligned), --json read
# back with Python, --csv with its header and formula guard, --out, and the
# refusals (two formats, unknown options, arguments, no database) with the
# database unchanged; then bench-pagetime --summary timing it. Audits are
# written straight into the tables, as in test_area.sh.
. "$(dirname "$0")/lib.sh"
: "${COPRO_FRAMEWORKS:?set COPRO_FRAMEWORKS to the frameworks directory}"
export COPRO_NOW=2026-06-15T12:00:00Z

PAGETIME="$(dirname "$COPRO")/bench-pagetime"

"$COPRO" init >/dev/null
"$COPRO" org add --name "Riverside Primary School" --sector education --area "York" >/dev/null
"$COPRO" org add --name "Hill Lane Therapy" --sector health --area "York" >/dev/null
"$COPRO" org add --name "Far Away School" --sector education --area "Leeds" >/dev/null
"$COPRO" org add --name "Formula School" --sector education --area "=SUM(A1)" >/dev/null
"$COPRO" evaluation start 1 four-cornerstones 2025-26 >/dev/null
"$COPRO" evaluation start 1 four-cornerstones 2024-25 >/dev/null
"$COPRO" evaluation start 3 four-cornerstones 2025-26 >/dev/null
"$COPRO" action add 2 --title "Late" --due 2026-06-01 >/dev/null
"$COPRO" action add 2 --title "Not yet" --due 2026-07-01 >/dev/null
"$COPRO" action add 3 --title "Finished" --due 2026-01-01 --status done >/dev/null

# York: Riverside's latest accepted audit is good, dated in the window, a
# principle at the lowest level, review overdue; Leeds: an accepted audit
# older than 12 months, outstanding.
db_sql "
UPDATE evaluation SET status = 'submitted' WHERE id = 2;
INSERT INTO framework_version VALUES ('h-audit', 'york-joint-partnership-audit',
  '$(sql_text "$COPRO_FRAMEWORKS/york-joint-partnership-audit.json")', '2026-01-01T00:00:00Z');
INSERT INTO audit (id, organisation_id, framework_hash, first_id, version, status, audit_date,
  outcome, review_on, created_at, updated_at) VALUES
  (1, 1, 'h-audit', 1, 1, 'accepted', '2026-03-01', 'good', '2026-06-01', 't', 't'),
  (2, 1, 'h-audit', 2, 1, 'submitted', '2026-05-01', 'outstanding', NULL, 't', 't'),
  (3, 3, 'h-audit', 3, 1, 'accepted', '2025-01-01', 'outstanding', '2027-01-01', 't', 't');
INSERT INTO audit_principle (audit_id, principle_key, level, updated_at) VALUES
  (1, '1', 'room-for-improvement', 't'), (1, '2', 'good', 't'), (3, '1', 'good', 't');
"

# ---- text -----------------------------------------------------------------
expect_out "a table with a heading naming the window" \
	"Whole-country summary on 15 June 2026" area summary
check "the heading says which audits the window counts" \
	sh -c 'printf "%s\n" "$1" | head -1 | grep -qF "count those dated 15 June 2025 to 15 June 2026."' _ "$out"
same "columns: the instrument's outcome and lowest level titles" \
	"Area       Organisations  Self-evaluated  Draft  In review  Submitted  Audited  In 12 months  Requires Improvement  Good  Outstanding  Room for Improvement  Reviews overdue  Actions overdue" \
	"$(printf '%s\n' "$out" | sed -n 3p)"
same "areas by name, then the totals, numbers aligned under their headings" \
	"=SUM(A1)               1               0      0          0          0        0             0                     0     0            0                     0                0                0
Leeds                  1               1      1          0          0        1             0                     0     0            0                     0                0                0
York                   2               1      1          0          1        1             1                     0     1            0                     1                1                1
All areas              4               2      2          0          1        2             1                     0     1            0                     1                1                1" \
	"$(printf '%s\n' "$out" | sed -n '4,$p')"

# ---- JSON -----------------------------------------------------------------
expect_ok "--json" area summary --json
same "JSON: format, today and window" "copro-summary-1 2026-06-15 2025-06-15 2026-06-15" \
	"$(json_get "$out" '" ".join([d["format"], d["today"], d["window"]["from"], d["window"]["to"]])')"
same "JSON: areas by name" "['=SUM(A1)', 'Leeds', 'York']" "$(json_get "$out" '[a["name"] for a in d["areas"]]')"
same "JSON: York's counts" "2 1 {'draft': 1, 'in-review': 0, 'submitted': 1} 1 1 {'requires-improvement': 0, 'good': 1, 'outstanding': 0} 1 1 1" \
	"$(json_get "$out" '" ".join(str(d["areas"][2][k]) for k in ["organisations", "with_self_evaluation", "self_evaluations", "audited", "audited_in_window", "outcomes", "at_lowest_level", "reviews_overdue", "actions_overdue"])')"
same "JSON: the totals" "4 2 2 1 1" \
	"$(json_get "$out" '" ".join(str(d["totals"][k]) for k in ["organisations", "with_self_evaluation", "audited", "audited_in_window", "actions_overdue"])')"
same "JSON: the lowest level from the instrument" "room-for-improvement Room for Improvement" \
	"$(json_get "$out" 'd["lowest_level"]["key"] + " " + d["lowest_level"]["title"]')"

# ---- CSV ------------------------------------------------------------------
expect_ok "--csv" area summary --csv
same "CSV header" "area_id,area,organisations,with_self_evaluation,self_evaluations_draft,self_evaluations_in_review,self_evaluations_submitted,audited,audited_in_window,outcome_requires-improvement,outcome_good,outcome_outstanding,at_lowest_level,reviews_overdue,actions_overdue" \
	"$(printf '%s\n' "$out" | head -1 | tr -d '\r')"
check "CSV rows end in CRLF" sh -c 'printf "%s" "$1" | head -1 | grep -q "$(printf "\r")\$"' _ "$out"
# The area's id as the database gave it: PostgreSQL's identities skip the
# numbers an insert that found the area already there took.
formula_id=$(db_sql "SELECT id FROM area WHERE name = '=SUM(A1)'")
same "CSV: an area name starting with = is kept as text" "$formula_id,'=SUM(A1),1,0,0,0,0,0,0,0,0,0,0,0,0" \
	"$(printf '%s\n' "$out" | sed -n 2p | tr -d '\r')"
same "CSV: the totals row last" ",All areas,4,2,2,0,1,2,1,0,1,0,1,1,1" \
	"$(printf '%s\n' "$out" | tail -1 | tr -d '\r')"

expect_out "--out writes the file" "Wrote $WORK/summary.csv" area summary --csv --out "$WORK/summary.csv"
same "the file holds the CSV" "5" "$(wc -l <"$WORK/summary.csv" | tr -d ' ')"

# ---- refusals ---------------------------------------------------------------
expect_fail "--json and --csv together" 2 "--json and --csv cannot go together" area summary --json --csv
expect_fail "an unknown option" 2 "unknown option --xml" area summary --xml
expect_fail "an argument" 2 'unexpected argument "York"' area summary York
expect_fail "--out a directory" 2 "is a directory: give a file name" area summary --out "$WORK"
expect_fail "--out where it cannot write" 1 "cannot create $WORK/no/such/dir.txt" \
	area summary --out "$WORK/no/such/dir.txt"
run --db "$WORK/none.db" area summary
if [ "$status" -eq 1 ] && printf '%s' "$err" | grep -qF "copro area summary:"; then ok "no database: exit 1 with a message"
else not_ok "no database: exit 1 with a message"; fi
expect_out "help with an example" "copro area summary --csv --out summary.csv" area summary --help

# ---- bench-pagetime --summary ---------------------------------------------------
if [ ! -x "$PAGETIME" ]; then
	not_ok "bench-pagetime is built beside copro" "missing: $PAGETIME (make $PAGETIME)"
	finish
fi
before=$(db_dump)
"$PAGETIME" --db "$DB" --summary --repeat 3 --warmup 1 --markdown >"$WORK/stdout" 2>"$WORK/stderr"
status=$? out=$(cat "$WORK/stdout") err=$(cat "$WORK/stderr")
if [ "$status" -eq 0 ] && printf '%s\n' "$out" | grep -q '^| whole-country summary | (no path) | 3 areas | - | 4 | [0-9.]* | [0-9.]* | [0-9.]* | [0-9.]* | met |$' &&
	printf '%s\n' "$out" | head -1 | grep -qF "| 500 ms target |"; then
	ok "pagetime --summary --markdown: a row against the 500 ms target, 4 SQL statements"
else
	not_ok "pagetime --summary --markdown: a row against the 500 ms target, 4 SQL statements"
fi
same "pagetime --summary signs nobody in and writes nothing" "$before" "$(db_dump)"
"$PAGETIME" --db "$DB" --summary --repeat 2 >"$WORK/stdout" 2>"$WORK/stderr"
status=$? out=$(cat "$WORK/stdout") err=$(cat "$WORK/stderr")
if [ "$status" -eq 0 ] && printf '%s' "$out" | grep -qF "Whole-country summary (national_summary_load, 3 areas), 2 runs"; then
	ok "pagetime --summary as text"
else
	not_ok "pagetime --summary as text"
fi
"$PAGETIME" --db "$DB" >"$WORK/stdout" 2>"$WORK/stderr"
status=$? out=$(cat "$WORK/stdout") err=$(cat "$WORK/stderr")
if [ "$status" -eq 2 ] && printf '%s' "$err" | grep -qF -- "--paths FILE or --summary"; then
	ok "pagetime with nothing to time names --summary"
else
	not_ok "pagetime with nothing to time names --summary"
fi

finish
