#!/bin/sh
# test_data.sh: the demo, export and import (byte-identical round trip,
# damaged and foreign files refused with the database unchanged, standard
# input) and the online backup.
. "$(dirname "$0")/lib.sh"

same() {
	if [ "$3" = "$2" ]; then ok "$1"; else not_ok "$1" "expected: $2" "got: $3"; fi
}
# same_file DESC A B: byte-identical files.
same_file() {
	if cmp -s "$2" "$3"; then ok "$1"; else not_ok "$1" "$2 and $3 differ: $(cmp "$2" "$3" 2>&1)"; fi
}

DB2="$WORK/second.db"
DB3="$WORK/third.db"
EXPORT="$WORK/riverside.json"

# ---- demo ---------------------------------------------------------------------

expect_ok "demo loads into a new database" demo
same "demo says what it loaded and what to try" \
	"Loaded the demo: organisation 1, a fictional primary school part-way through
its Four Cornerstones self-evaluation (evaluation 1).

Try:
  copro evaluation show 1
  copro statement show 1 1i
  copro evidence list 1
  copro action list 1" "$out"
run evaluation show 1 --json
same "the demo's progress: statements evidenced, complete, indicators evidenced of all" "15 1 23 131" \
	"$(json_get "$out" '" ".join(str(d[k]) for k in ("statements_evidenced","statements_complete","indicators_evidenced","indicators"))')"
run evidence list 1 --json
same "the demo has 8 evidence items with 23 links" "8 23" "$(json_get "$out" 'str(len(d)) + " " + str(sum(len(e["links"]) for e in d))')"
run action list 1 --json
same "the demo has 3 actions" 3 "$(json_get "$out" 'len(d)')"
expect_fail "demo again refuses: the demo school is there already" 1 \
	'copro demo: an organisation called "Riverside Primary School (demo)" already exists in Demo Borough (number 1)' demo

# More than the demo holds, so the export carries every kind of field:
# identifiers, a URL, a second evaluation, own indicators, an action from an
# evaluation without a statement and one without dates.
"$COPRO" org edit 1 --urn 106020 --ukprn 10012345 --closed 2099-08-31 >/dev/null
"$COPRO" evidence add 1 --title "Governors' minutes" --with practitioners --date 2025-06-01 \
	--url https://example.org/minutes --evaluation 1 --link 3ii.own1 --link 4iii.b >/dev/null
"$COPRO" evaluation start 1 four-cornerstones 2027-28 >/dev/null
"$COPRO" evidence link 9 2 1i.a >/dev/null
"$COPRO" statement set 2 1i --status in-progress --with cyp --strengths "Line one
Line two" >/dev/null
"$COPRO" evaluation status 2 submitted >/dev/null
"$COPRO" action add 1 --title "Plan the next cycle" --from 2 >/dev/null
"$COPRO" action add 1 --title "Someday" --status dropped >/dev/null
"$COPRO" org add --name "Hill Lane Therapy" --sector health >/dev/null

# ---- export -------------------------------------------------------------------------

expect_ok "export to a file" export 1 --output "$EXPORT"
same "export to a file says so on stderr" "Exported organisation 1 to $EXPORT." "$err"
check "export to a file prints nothing on stdout" [ -z "$out" ]
"$COPRO" export 1 >"$WORK/stdout.json"
same_file "export to standard output is the same bytes" "$EXPORT" "$WORK/stdout.json"
same "the export's format, organisation and counts" \
	"copro-export-1 Riverside Primary School (demo) 1 2 1 9 5" \
	"$(json_get "$(cat "$EXPORT")" '" ".join(str(x) for x in (d["format"], d["organisation"]["name"], len(d["framework_versions"]), len(d["evaluations"]), sum(len(e["own_indicators"]) for e in d["evaluations"]), len(d["evidence"]), len(d["actions"])))')"
same "the export's checksum is sha256 and comes last" "sha256 64 checksum" \
	"$(json_get "$(cat "$EXPORT")" '" ".join((d["checksum"].split(":")[0], str(len(d["checksum"].split(":")[1])), list(d.keys())[-1]))')"
same "the export holds no database ids" "False" \
	"$(json_get "$(cat "$EXPORT")" '"id" in d["organisation"] or any("id" in e for e in d["evidence"])')"
expect_fail "export of an organisation that does not exist" 1 \
	"copro export: there is no organisation number 9: \`copro org list\` shows them." export 9
expect_fail "export to a folder that does not exist" 1 \
	"copro export: cannot write $WORK/missing/riverside.json: No such file or directory. Check that its folder exists and is writable." \
	export 1 --output "$WORK/missing/riverside.json"
check "export made no folder" [ ! -e "$WORK/missing" ]
expect_fail "export abc" 2 'copro export: The organisation "abc" is not a number' export abc

# ---- import into a second database: the same bytes back ----------------------------------

"$COPRO" --db "$DB2" init >/dev/null
expect_ok "import into a fresh second database" --db "$DB2" import "$EXPORT"
same "import says what it imported" "Imported $EXPORT as organisation 1." "$out"
"$COPRO" --db "$DB2" export 1 >"$WORK/again.json"
same_file "the second database exports byte-identical output" "$EXPORT" "$WORK/again.json"
run --db "$DB2" evaluation show 1 --json
imported=$(json_get "$out" '" ".join(str(d[k]) for k in ("statements_evidenced","statements_complete","indicators_evidenced","indicators"))')
same "the imported evaluation's progress: the demo's plus 4iii.b and 3ii.own1" "16 1 25 131" "$imported"
run evaluation show 1 --json
same "the original evaluation's progress is the same" "16 1 25 131" \
	"$(json_get "$out" '" ".join(str(d[k]) for k in ("statements_evidenced","statements_complete","indicators_evidenced","indicators"))')"
run --db "$DB2" evaluation list 1 --json
same "the imported evaluations keep their status" "['draft', 'submitted']" "$(json_get "$out" '[e["status"] for e in d]')"
same "the original database was not touched by the import" 2 "$(sqlite3 "$DB" 'SELECT COUNT(*) FROM organisation')"

# Every refusal below must leave the second database as it is.
DB_SAVED=$DB
DB=$DB2
expect_fail "importing the same file again is refused" 1 \
	'copro import: an organisation called "Riverside Primary School (demo)" already exists in Demo Borough (number 1): this database holds it already; import into another database, or rename the existing one first.' \
	--db "$DB2" import "$EXPORT"

head -c 3000 "$EXPORT" >"$WORK/truncated.json"
expect_fail "a truncated export is refused" 1 \
	"copro import: this file is not a copro export: it is not valid JSON (line " \
	--db "$DB2" import "$WORK/truncated.json"
same "the truncated export's message says where the JSON ends" \
	"premature end of input). Give a file made by \`copro export\`." "$(printf '%s\n' "$err" | sed 's/.*: //')"

sed 's/"title": "Morning welcome at the gate"/"title": "Morning welcome at the gatE"/' "$EXPORT" >"$WORK/edited.json"
same "the edited file differs from the export in one byte" 1 "$(cmp -l "$EXPORT" "$WORK/edited.json" | wc -l | tr -d ' ')"
expect_fail "a file with one character changed in a string is refused" 1 \
	"copro import: the export's checksum does not match its content: the file was edited or damaged after export. Export it again from the original database." \
	--db "$DB2" import "$WORK/edited.json"

python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); del d["checksum"]; json.dump(d, open(sys.argv[2], "w"))' \
	"$EXPORT" "$WORK/nosum.json"
expect_fail "an export without its checksum is refused" 1 \
	"copro import: the export has no checksum: it was edited or damaged. Export it again." \
	--db "$DB2" import "$WORK/nosum.json"

printf '{"format": "calendar-2", "events": []}\n' >"$WORK/other.json"
expect_fail "a JSON file of another format is refused" 1 \
	"copro import: this file is not a copro export (it should say \"format\": \"copro-export-1\"): give a file made by \`copro export\`." \
	--db "$DB2" import "$WORK/other.json"
expect_fail "an instrument file is refused as an export" 1 \
	'this file is not a copro export (it should say "format": "copro-export-1")' \
	--db "$DB2" import "${COPRO_FRAMEWORKS:-$(dirname "$0")/../../frameworks}/four-cornerstones.json"
printf '[1, 2, 3]\n' >"$WORK/array.json"
expect_fail "a JSON array is refused" 1 'this file is not a copro export (it should say "format": "copro-export-1")' \
	--db "$DB2" import "$WORK/array.json"

: >"$WORK/empty.json"
expect_fail "an empty file is refused" 1 \
	"copro import: this file is not a copro export: it is empty, so not valid JSON. Give a file made by \`copro export\`." \
	--db "$DB2" import "$WORK/empty.json"
expect_fail "an empty standard input is refused" 1 "copro import: this file is not a copro export: it is empty" --db "$DB2" import - </dev/null
expect_fail "a file that does not exist" 1 \
	"copro import: cannot read $WORK/nothing.json: No such file or directory." --db "$DB2" import "$WORK/nothing.json"
expect_fail "import without a file" 2 "copro import: missing argument." --db "$DB2" import
DB=$DB_SAVED

# import - reads standard input.
"$COPRO" --db "$DB3" init >/dev/null
run --db "$DB3" import - <"$EXPORT"
check "import - exits 0" [ "$status" -eq 0 ]
same "import - says what it imported" "Imported - as organisation 1." "$out"
"$COPRO" --db "$DB3" export 1 >"$WORK/from-stdin.json"
same_file "what import - loaded exports byte-identical output" "$EXPORT" "$WORK/from-stdin.json"

# An import into a database that already holds another organisation gets the
# next number and the same content.
expect_ok "import into the first database's neighbour" --db "$DB3" org add --name "Someone Else" --sector care
"$COPRO" --db "$DB3" org edit 1 --name "Renamed School" >/dev/null
expect_ok "import again after renaming the existing one" --db "$DB3" import "$EXPORT"
same "it is organisation 3" "Imported $EXPORT as organisation 3." "$out"
"$COPRO" --db "$DB3" export 3 >"$WORK/third.json"
same_file "organisation 3 exports byte-identical output" "$EXPORT" "$WORK/third.json"

# ---- backup -----------------------------------------------------------------------

BACKUP="$WORK/backup.db"
expect_ok "backup to a new file" backup "$BACKUP"
same "backup says what it copied where" "Backed up $DB to $BACKUP." "$out"
"$COPRO" --db "$BACKUP" export 1 >"$WORK/from-backup.json"
same_file "the backup's export is byte-identical to the original's" "$EXPORT" "$WORK/from-backup.json"
"$COPRO" --db "$BACKUP" export 2 >"$WORK/backup-2.json"
"$COPRO" export 2 >"$WORK/original-2.json"
same_file "the backup holds the second organisation too" "$WORK/original-2.json" "$WORK/backup-2.json"
same "the backup is in WAL mode too" wal "$(sqlite3 "$BACKUP" 'PRAGMA journal_mode')"
cp "$BACKUP" "$WORK/backup-copy.db"
expect_fail "backup to an existing path is refused" 1 \
	"copro backup: $BACKUP exists already: give a new file name so no backup is overwritten." backup "$BACKUP"
same_file "the existing backup was not touched" "$WORK/backup-copy.db" "$BACKUP"
printf 'keep me\n' >"$WORK/notes.txt"
expect_fail "backup onto any existing file is refused" 1 "exists already" backup "$WORK/notes.txt"
same "the existing file was not touched" "keep me" "$(cat "$WORK/notes.txt")"
expect_fail "backup into a folder that does not exist" 1 \
	"copro backup: cannot create the backup $WORK/missing/b.db: unable to open database file. Check that its folder exists and is writable." \
	backup "$WORK/missing/b.db"
expect_fail "backup without a destination" 2 "copro backup: missing argument." backup

finish
