#!/bin/sh
# test_area.sh: an area's exports (CSV, Excel, JSON) and API tokens from the
# command line: what each format holds (this area only, no drafts, the
# formula guard), where files go, and every refusal with the database
# unchanged. Audits and projects are written straight into the tables so
# that this test does not depend on the audit and project commands.
. "$(dirname "$0")/lib.sh"
: "${COPRO_FRAMEWORKS:?set COPRO_FRAMEWORKS to the frameworks directory}"

"$COPRO" init >/dev/null
"$COPRO" org add --name "Riverside Primary School" --sector education --area "York" --urn 121000 >/dev/null
"$COPRO" org add --name "Hill Lane Therapy" --sector health --area "York" >/dev/null
"$COPRO" org add --name "Far Away School" --sector education --area "Leeds" >/dev/null

# The instruments' texts under made-up hashes: the export must count a
# project's steps from the stored version, as the installed file differs.
db_sql "
INSERT INTO framework_version VALUES ('h-audit', 'york-joint-partnership-audit',
  '$(sql_text "$COPRO_FRAMEWORKS/york-joint-partnership-audit.json")', '2026-01-01T00:00:00Z');
INSERT INTO framework_version VALUES ('h-model', 'york-strategic-model',
  '$(sql_text "$COPRO_FRAMEWORKS/york-strategic-model.json")', '2026-01-01T00:00:00Z');
INSERT INTO project (id, organisation_id, framework_id, framework_hash, title, service_area,
  starts_on, ends_on, created_at, updated_at) VALUES
  (1, 1, 'york-strategic-model', 'h-model', '=HYPERLINK(\"http://x\")', 'Short breaks',
   '2026-09-01', NULL, 't', 't'),
  (2, 3, 'york-strategic-model', 'h-model', 'Leeds project', '', NULL, NULL, 't', 't');
INSERT INTO project_step (project_id, step_key, done, updated_at) VALUES
  (1, '1', 1, 't'), (1, '2', 1, 't'), (1, '3', 0, 't');
INSERT INTO audit (id, organisation_id, framework_hash, first_id, version, status, audit_date,
  outcome, outcome_reason, summary, next_steps, signed_by, submitted_at, decided_at,
  created_at, updated_at) VALUES
  (1, 1, 'h-audit', 1, 1, 'returned', '2026-10-01', NULL, 'Needs more evidence',
   'First, \"quoted\" summary', 'Line one
Line two', 'A Head', '2026-10-02T09:00:00Z', '2026-10-05T09:00:00Z', 't', 't'),
  (2, 1, 'h-audit', 1, 2, 'accepted', '2026-11-01', 'good', 'Clear evidence',
   'Second summary', '-next', 'A Head', '2026-11-02T09:00:00Z', '2026-11-09T09:00:00Z', 't', 't'),
  (3, 2, 'h-audit', 3, 1, 'draft', NULL, NULL, '', 'DRAFT-SECRET', '', '', NULL, NULL, 't', 't'),
  (4, 3, 'h-audit', 4, 1, 'submitted', '2026-10-01', NULL, '', 'LEEDS-SECRET', '', '',
   '2026-10-02T09:00:00Z', NULL, 't', 't');
INSERT INTO audit_principle (audit_id, principle_key, level, score, notes, updated_at) VALUES
  (1, '1', 'room-for-improvement', 1, 'n1', 't'), (2, '1', 'good', 2, 'n2', 't'),
  (2, '2', 'excellent', NULL, '', 't'), (3, '1', 'good', 2, 'DRAFT-SECRET', 't'),
  (4, '1', 'good', 2, 'LEEDS-SECRET', 't');
"

# ---- CSV ------------------------------------------------------------------
expect_ok "csv audits to stdout" area export York --format csv --table audits
printf '%s' "$out" >"$WORK/audits.csv"
same "header row" "id,first_id,version,latest,accepted,organisation_id,organisation_name,project_id,status,service_area,description,audit_date,outcome,outcome_title,outcome_reason,review_on,submitted_at,decided_at,summary,next_steps,signed_by,signed_on" \
	"$(head -1 "$WORK/audits.csv" | tr -d '\r')"
check "rows end in CRLF" grep -q "$(printf 'signed_on\r')" "$WORK/audits.csv"
audit_rows() {
	python3 -c "import csv,sys; rows=list(csv.DictReader(open(sys.argv[1], newline=''))); print($2)" "$WORK/audits.csv"
}
same "both versions of the York audit, not the draft, not Leeds" "['1', '2']" "$(audit_rows x '[r["id"] for r in rows]')"
same "latest and accepted columns" "[('false', 'false'), ('true', 'true')]" \
	"$(audit_rows x '[(r["latest"], r["accepted"]) for r in rows]')"
same "outcome key and the instrument's title" "('good', 'Good')" \
	"$(audit_rows x '(rows[1]["outcome"], rows[1]["outcome_title"])')"
same "quotes and newlines survive the round trip" "['First, \"quoted\" summary', 'Line one\nLine two']" \
	"$(audit_rows x '[rows[0]["summary"], rows[0]["next_steps"]]')"
same "a value starting with - is guarded" "'-next" "$(audit_rows x 'rows[1]["next_steps"]')"
case "$out" in *DRAFT-SECRET*|*LEEDS-SECRET*) not_ok "no draft and no other area's audit in the CSV";;
	*) ok "no draft and no other area's audit in the CSV";; esac

expect_ok "csv of every table into a directory" area export York --format csv --out "$WORK"
same "it names the five files" "5" "$(printf '%s\n' "$out" | grep -c '^Wrote ')"
same "evaluations: a row per organisation and cornerstone, none started" \
	"['Hill Lane Therapy|1|', 'Hill Lane Therapy|2|', 'Hill Lane Therapy|3|', 'Hill Lane Therapy|4|', 'Riverside Primary School|1|', 'Riverside Primary School|2|', 'Riverside Primary School|3|', 'Riverside Primary School|4|']" \
	"$(python3 -c "import csv; print(['|'.join(r[k] for k in ('organisation_name','cornerstone','evaluation_id')) for r in csv.DictReader(open('$WORK/evaluations.csv', newline=''))])")"
check "organisations.csv is there" test -s "$WORK/organisations.csv"
same "levels: York's submitted versions only, with titles" \
	"[['1', '1', 'room-for-improvement', 'Room for Improvement', '1'], ['2', '1', 'good', 'Good', '2'], ['2', '2', 'excellent', 'Excellent', '']]" \
	"$(python3 -c "import csv; print([[r[k] for k in ('audit_id','principle','level','level_title','score')] for r in csv.DictReader(open('$WORK/levels.csv', newline=''))])")"
same "projects: the formula is guarded and steps counted from the stored model" \
	"1|'=HYPERLINK(\"http://x\")|2|12" \
	"$(python3 -c "import csv; print('|'.join(r[k] for r in csv.DictReader(open('$WORK/projects.csv', newline='')) for k in ('id','title','steps_done','steps_total')))")"
same "organisations: this area's, by name" "['Hill Lane Therapy', 'Riverside Primary School']" \
	"$(python3 -c "import csv; print([r['name'] for r in csv.DictReader(open('$WORK/organisations.csv', newline=''))])")"
expect_ok "csv of one table into a directory" area export York --format csv --table projects --out "$WORK/"
same "it is named for the table" "Wrote $WORK/projects.csv" "$out"

# ---- Excel ----------------------------------------------------------------
expect_ok "xlsx" area export York --format xlsx --out "$WORK/york.xlsx"
same "the workbook starts as a zip" "PK" "$(head -c 2 "$WORK/york.xlsx")"
same "a sheet per table" "['organisations', 'audits', 'levels', 'projects', 'evaluations']" \
	"$(python3 -c "
import re, zipfile
z = zipfile.ZipFile('$WORK/york.xlsx')
print(re.findall(r'<sheet name=\"([^\"]+)\"', z.read('xl/workbook.xml').decode()))")"
check "the audits sheet holds the accepted version's summary" python3 -c "
import zipfile, sys
z = zipfile.ZipFile('$WORK/york.xlsx')
s = z.read('xl/worksheets/sheet2.xml').decode()
sys.exit(0 if 'Second summary' in s and 'DRAFT-SECRET' not in s and 'LEEDS-SECRET' not in s else 1)"
expect_ok "xlsx into a directory" area export York --format xlsx --out "$WORK"
same "it is area.xlsx" "Wrote $WORK/area.xlsx" "$out"

# ---- JSON -----------------------------------------------------------------
expect_ok "json of every table" area export York --format json
same "the format marker and the area" "('copro-api-1', 'York')" "$(json_get "$out" '(d["format"], d["area"]["name"])')"
same "organisations, audits with their levels, projects, self-evaluations" \
	"(['area', 'audits', 'evaluations', 'format', 'generated_at', 'organisations', 'projects'], [1, 2], [['1'], ['1', '2']])" \
	"$(json_get "$out" '(sorted(d), [a["id"] for a in d["audits"]], [[l["principle"] for l in a["levels"]] for a in d["audits"]])')"
same "null for no score, booleans for flags" "(None, True, False)" \
	"$(json_get "$out" '(d["audits"][1]["levels"][1]["score"], d["audits"][1]["latest"], d["audits"][0]["accepted"])')"
expect_ok "json of the levels table to a file" area export York --format json --table levels --out "$WORK/levels.json"
same "a flat levels list" "3" "$(python3 -c "import json; print(len(json.load(open('$WORK/levels.json'))['levels']))")"

# ---- refusals -------------------------------------------------------------
expect_fail "an unknown area" 1 'there is no area "Nowhere"' area export Nowhere --format csv --table audits
same "the area is not created" "2" "$(db_sql 'SELECT COUNT(*) FROM area')"
expect_fail "no --format" 2 "--format is required" area export York --table audits
expect_fail "an unknown format" 2 '--format "pdf" is not known' area export York --format pdf
expect_fail "an unknown table" 2 '--table "people" is not known' area export York --format csv --table people
expect_fail "csv of all tables to one file" 2 "a CSV file holds one table" area export York --format csv --out "$WORK/x.csv"
expect_fail "xlsx of one table" 2 "always holds every table" area export York --format xlsx --table audits --out "$WORK/x.xlsx"
expect_fail "xlsx to standard output" 2 "--out PATH is required for xlsx" area export York --format xlsx
expect_fail "a directory that does not exist" 1 "cannot create $WORK/no/such.csv" \
	area export York --format csv --table audits --out "$WORK/no/such.csv"
check "no half-written file is left" test ! -e "$WORK/no/such.csv"

# ---- tokens ---------------------------------------------------------------
expect_ok "token add" area token add York --name "Area dashboard"
token=$(printf '%s\n' "$out" | sed -n 's/^Token: //p')
same "the secret is 64 hex digits" "64" "$(printf '%s' "$token" | tr -cd '0-9a-f' | wc -c | tr -d ' ')"
check "only its hash is stored" test "$(db_sql "SELECT COUNT(*) FROM api_token WHERE token_hash = '$token'")" = 0
check "the activity log names it, without the secret" test \
	"$(db_sql "SELECT COUNT(*) FROM activity WHERE what = 'created API token 1: Area dashboard' AND what NOT LIKE '%$token%'")" = 1
expect_ok "token list" area token list York
case "$out" in *"$token"*) not_ok "the list never shows the secret";; *) ok "the list never shows the secret";; esac
check "the list shows the name" printf '%s' "$out" | grep -q "Area dashboard"
expect_ok "token list --json" area token list York --json
same "its fields" "['id', 'name', 'created_at', 'last_used_at', 'revoked_at']" "$(json_get "$out" 'list(d[0].keys())')"
expect_ok "another area's token" area token add Leeds --name "Leeds board"
expect_fail "revoking another area's token" 1 "this area has no live API token 2" area token revoke York 2
expect_out "token revoke" "Revoked API token 1 (Area dashboard)" area token revoke York 1
same "it is marked revoked" "1" "$(db_sql 'SELECT COUNT(*) FROM api_token WHERE id = 1 AND revoked_at IS NOT NULL')"
expect_fail "revoking it again" 1 "no live API token 1" area token revoke York 1
expect_fail "token add without --name" 2 "--name is required" area token add York
expect_fail "a blank name" 1 "name" area token add York --name ""
expect_fail "an unknown verb" 2 '"delete" is not something to do with tokens' area token delete York
expect_fail "revoke without an id" 2 "give the area and the token's number" area token revoke York
expect_fail "a token id that is not a number" 2 "is not a number" area token revoke York two
expect_fail "--json with add" 2 "--json is for list only" area token add York --name x --json
expect_fail "tokens of an unknown area" 1 'there is no area "Nowhere"' area token list Nowhere
expect_out "help" "copro area token add AREA --name NAME" area token --help

finish
