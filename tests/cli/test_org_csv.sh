#!/bin/sh
# test_org_csv.sh: `copro org import-csv`: a GIAS extract and the simple
# format, re-imports, dry runs, JSON, and every refusal with FILE:LINE and
# the database left as it was.
. "$(dirname "$0")/lib.sh"

# The messages name files as given: work beside copies of the samples.
cp "$(dirname "$0")/../data/"*.csv "$WORK/"
cd "$WORK" || exit 1

expect_fail "no database yet: refused" 1 "copro init" org import-csv "Example Borough" gias-sample.csv
"$COPRO" init >/dev/null

# ---- a GIAS extract ----------------------------------------------------

expect_ok "import a GIAS extract" org import-csv "Example Borough" gias-sample.csv
same "the counts, with the new area and the closed schools skipped" \
"Read 12 rows from gias-sample.csv (a GIAS extract) for Example Borough.
  a new area \"Example Borough\" (it did not exist before)
  added:     10
  updated:   0
  unchanged: 0
  skipped:   2 (closed establishments: --include-closed imports them)" "$out"
check "nothing on stderr" [ -z "$err" ]
run org list --json
same "ten organisations, all in the area" "10 {'Example Borough'}" "$(json_get "$out" 'len(d), set(o["area"] for o in d)' | tr -d '(),')"
same "a quoted name with a comma and one with quotes" "True True" \
	"$(json_get "$out" '"Oak Lane School, Upper Site" in [o["name"] for o in d], "The \"Meadows\" Nursery School" in [o["name"] for o in d]' | tr -d '(),')"
same "URN, UKPRN, type and the opening date made ISO" "900001 10090001 Community school 1975-09-01" \
	"$(json_get "$out" '" ".join([o for o in d if o["urn"] == "900001"][0][k] for k in ("urn", "ukprn", "type", "opened_on"))')"
check "the LA code is kept" [ "$(db_sql "SELECT la_code FROM organisation WHERE urn = '900001'")" = 990 ]

expect_out "the same file again changes nothing" "unchanged: 10" org import-csv "Example Borough" gias-sample.csv
same "and adds nothing" "  added:     0" "$(printf '%s\n' "$out" | sed -n 2p)"
check "still ten organisations" [ "$(db_sql "SELECT COUNT(*) FROM organisation")" = 10 ]

sed 's/Riverside Academy/Riverside Academy Trust School/' gias-sample.csv >renamed.csv
expect_out "a renamed school is updated, not added" "updated:   1" org import-csv "Example Borough" renamed.csv
check "the name changed on the same organisation" \
	[ "$(db_sql "SELECT id || ' ' || name FROM organisation WHERE urn = '900002'")" = "2 Riverside Academy Trust School" ]

expect_out "--include-closed adds the two closed schools" "added:     2" \
	org import-csv "Example Borough" gias-sample.csv --include-closed
check "with their closing dates" [ "$(db_sql "SELECT closed_on FROM organisation WHERE urn = '900007'")" = 2019-08-31 ]

# ---- dry run and JSON ----------------------------------------------------

before=$(db_dump)
expect_out "--dry-run says what would happen" "Dry run: nothing was written." \
	org import-csv "Care Area" orgs-simple.csv --dry-run
same "the dry run's counts" "  a new area \"Care Area\"
  added:     6" "$(printf '%s\n' "$out" | sed -n 3,4p)"
check "--dry-run wrote nothing" [ "$before" = "$(db_dump)" ]

expect_ok "--json" org import-csv "Care Area" orgs-simple.csv --json
same "--json: the counts" "True False simple True 6 6 0 []" \
	"$(json_get "$out" 'd["imported"], d["dry_run"], d["format"], d["area_created"], d["rows"], d["added"], d["problems_total"], d["problems"]' | tr -d '(),')"
expect_ok "stdin as -" org import-csv "Care Area" - <orgs-simple.csv
same "stdin: the same file is unchanged" "unchanged: 6" "$(printf '%s\n' "$out" | grep -o 'unchanged: 6')"

# ---- refusals: FILE:LINE: message, nothing written --------------------

expect_fail "a GIAS file with bad rows is refused" 1 "gias-bad.csv:5: The name (EstablishmentName) is required" \
	org import-csv "Example Borough" gias-bad.csv
same "every problem, by line, after a quoted line break" \
"gias-bad.csv:5: The name (EstablishmentName) is required: give a value.
gias-bad.csv:6: OpenDate \"31-02-2001\" is not a date that exists: GIAS dates are DD-MM-YYYY, for example 01-09-2015.
gias-bad.csv:7: URN \"90010\" is not valid: a URN is 6 digits, for example 106020.
gias-bad.csv:8: URN 900101 is also on line 2: each establishment should be in the file once; remove one of the rows.
gias-bad.csv:9: LA (code) \"99\" is not valid: a local authority code is 3 digits, for example 372.
gias-bad.csv:9: UKPRN \"20090106\" is not valid: a UKPRN is 8 digits starting with 1, for example 10012345; leave it empty when there is none.
copro org import-csv: nothing was imported: the file has 6 problems; correct them and import the file again." "$err"
same "the counts say nothing was written" "  problems:  6 (nothing was written)" "$(printf '%s\n' "$out" | tail -1)"

expect_fail "--json on a bad file: exit 1" 1 "nothing was imported" org import-csv "Example Borough" gias-bad.csv --json
same "--json lists the problems with their lines, and counts nothing" "False 6 [5, 6, 7, 8, 9, 9] 7 0 0" \
	"$(json_get "$out" '" ".join(str(x) for x in (d["imported"], d["problems_total"], [p["line"] for p in d["problems"]], d["rows"], d["added"], d["skipped"]))')"

expect_fail "an unknown sector" 1 "orgs-bad-sector.csv:3: sector \"retail\" is not known" \
	org import-csv "Care Area" orgs-bad-sector.csv
expect_fail "a file that is not UTF-8" 1 "orgs-latin1.csv:2: this line is not UTF-8 text" \
	org import-csv "Care Area" orgs-latin1.csv
check "it says how to save it" sh -c 'printf "%s" "$1" | grep -qF "CSV UTF-8 (Comma delimited)"' _ "$err"
expect_fail "GIAS columns missing" 1 'gias-missing-column.csv:1: the GIAS extract has no column "EstablishmentStatus (name)"' \
	org import-csv "Example Borough" gias-missing-column.csv
expect_fail "a header in neither format" 1 'orgs-wrong-header.csv:1: the header row is not one copro reads. It has "name", "sector".' \
	org import-csv "Care Area" orgs-wrong-header.csv
: >empty.csv
expect_fail "an empty file" 1 "empty.csv: the file is empty" org import-csv "Care Area" empty.csv
printf 'name,sector,type\r\n' >header.csv
expect_fail "a header and no rows" 1 "header.csv:1: the file has a header row but no organisations" \
	org import-csv "Care Area" header.csv
printf 'name,sector,type\nA,care,\n"B,care,\n' >quote.csv
expect_fail "an unclosed quote" 1 "quote.csv:3: the quoted value that starts on this row has no closing double quote" \
	org import-csv "Care Area" quote.csv
awk 'BEGIN { print "name,sector,type"; for (i = 1; i <= 50001; i++) print "Org " i ",care," }' >many.csv
expect_fail "more than 50,000 rows" 1 "many.csv: the file has more than 50,000 rows" org import-csv "Care Area" many.csv
head -c 20971521 /dev/zero | tr '\0' a >big.csv
expect_fail "more than 20 MB" 1 "big.csv: the file is larger than 20 MB" org import-csv "Care Area" big.csv
rm -f big.csv many.csv
expect_fail "a file that is not there" 1 "cannot read nothere.csv" org import-csv "Care Area" nothere.csv
expect_fail "an empty area name" 1 "The local area is required" org import-csv "" orgs-simple.csv

# ---- usage -----------------------------------------------------------

expect_fail "no file given" 2 "missing argument" org import-csv "Care Area"
expect_fail "an unknown option" 2 "unknown option --closed" org import-csv "Care Area" orgs-simple.csv --closed
expect_out "help shows the usage" "Usage: copro org import-csv AREA FILE [--include-closed] [--dry-run] [--json]" \
	help org import-csv

finish
