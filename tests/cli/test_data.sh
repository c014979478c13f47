#!/bin/sh
# test_data.sh: the demo (with its York project and audit, success measures,
# service plan, action review and "You said, we did"), export and import
# (byte-identical round trip, projects and audits with their versions,
# measures, plans and reviews, older copro-export-1 and -2 files, damaged and
# foreign files refused with the database unchanged, standard input) and the
# online backup.
. "$(dirname "$0")/lib.sh"

# same_file DESC A B: byte-identical files.
same_file() {
	if cmp -s "$2" "$3"; then ok "$1"; else not_ok "$1" "$2 and $3 differ: $(cmp "$2" "$3" 2>&1)"; fi
}

DB2=$(db_new second)
DB3=$(db_new third)
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
  copro action list 1
  copro project list 1      (York: a service development project)
  copro audit list 1        (its joint partnership audit, sent to Demo Borough)
  copro measure list 1      (success measures with readings)
  copro plan list 1         (a team plan seeded from the self-evaluation)
  copro yousaid list 1      (\"You said, we did\")" "$out"
run evaluation show 1 --json
same "the demo's progress: statements evidenced, complete, indicators evidenced of all" "15 1 23 131" \
	"$(json_get "$out" '" ".join(str(d[k]) for k in ("statements_evidenced","statements_complete","indicators_evidenced","indicators"))')"
run evidence list 1 --json
same "the demo has 8 evidence items with 23 links" "8 23" "$(json_get "$out" 'str(len(d)) + " " + str(sum(len(e["links"]) for e in d))')"
TODAY=$(date -u +%Y-%m-%d)
run action list 1 --json
same "the demo has 4 actions, one from its service plan" "4 [1]" \
	"$(json_get "$out" 'str(len(d)) + " " + str([a["from"]["plan"] for a in d if a["from"] and "plan" in a["from"]])')"
run measure list 1 --json
same "the demo has 3 success measures over cornerstones 1 and 3, two from the catalogue" "3 ['1', '3', '3'] 2" \
	"$(json_get "$out" '" ".join(str(x) for x in (len(d), sorted(m["cornerstone"] for m in d), sum(1 for m in d if m["catalogue_key"])))')"
run measure show 2 --json
same "a demo measure has a metric with three readings before today, and a link" "1 3 True 1" \
	"$(json_get "$out" '" ".join(str(x) for x in (len(d["metrics"]), len(d["metrics"][0]["readings"]), all(r["date"] < "'"$TODAY"'" for r in d["metrics"][0]["readings"]), len(d["links"])))')"
run plan list 1 --json
same "the demo has one plan, seeded from its self-evaluation" "1 1" \
	"$(json_get "$out" 'str(len(d)) + " " + str(d[0]["seeded_from"])')"
run action reviews 4 --json
same "the plan's action has one review" 1 "$(json_get "$out" 'len(d)')"
run yousaid list 1 --json
same "the demo has two 'You said, we did' records, one published, one tied to action 4" "2 1 [4]" \
	"$(json_get "$out" '" ".join(str(x) for x in (len(d), sum(1 for y in d if y["published"]), [y["action"] for y in d if y["action"]]))')"
run project list 1 --json
same "the demo has one project, on York's strategic model, with 4 of its 12 steps done" \
	"1 york-strategic-model 4 12" \
	"$(json_get "$out" '" ".join(str(x) for x in (len(d), d[0]["model"], d[0]["steps_done"], d[0]["steps_total"]))')"
run project show 1 --json
same "the demo project's people each have a partner group, pupils among them" \
	"['children-and-young-people', 'parent-carers', 'parent-carers', 'practitioners', 'practitioners']" \
	"$(json_get "$out" '[p["partner_group"] for p in d["people"]]')"
same "the demo project answers one check question and links evidence to three steps" "1 3" \
	"$(json_get "$out" 'str(sum(1 for s in d["steps"] for q in s["questions"] if q["answer"])) + " " + str(sum(1 for s in d["steps"] if s["evidence"]))')"
same "the demo project's steps were done on dates before today" "True" \
	"$(json_get "$out" 'all(s["done_on"] < "'"$TODAY"'" for s in d["steps"] if s["done"]) and d["starts_on"] < "'"$TODAY"'" < d["ends_on"]')"
run audit show 1 --json
same "the demo audit: submitted, of project 1, six levels, four people, the suggested outcome" \
	"submitted 1 6 4 good good" \
	"$(json_get "$out" '" ".join(str(x) for x in (d["status"], d["project"]["id"], sum(1 for p in d["principles"] if p["level"]), len(d["people"]), d["outcome"]["key"], d["suggestion"]["outcome"]["key"]))')"
same "the demo audit has notes for every principle, a summary, next steps and a later review date" "True" \
	"$(json_get "$out" 'all(p["notes"] for p in d["principles"]) and bool(d["summary"]) and bool(d["next_steps"]) and d["audit_date"] < "'"$TODAY"'" < d["review_on"]')"
run audit queue "Demo Borough" --json
same "Demo Borough's administrators have the demo audit in their queue" "[1]" "$(json_get "$out" '[a["id"] for a in d]')"
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
# York: the demo audit returned, revised (audit 2) and submitted again, with
# actions 7 and 8 from its next steps; a second project, on the individual
# model, with no end date.
"$COPRO" audit return 1 --comment "Please say what pupils said about principle 4." >/dev/null
"$COPRO" audit revise 1 >/dev/null
"$COPRO" audit principle 2 4 --level excellent --notes "Pupils from the resource base joined." >/dev/null
"$COPRO" audit evidence 2 4 9 >/dev/null
"$COPRO" audit submit 2 >/dev/null
"$COPRO" audit actions 2 >/dev/null
"$COPRO" project add 1 --title "Annual review with a Year 4 pupil" --model individual --start 2026-09-01 >/dev/null
"$COPRO" project evidence 2 1 9 >/dev/null
"$COPRO" org add --name "Hill Lane Therapy" --sector health >/dev/null

# ---- export -------------------------------------------------------------------------

expect_ok "export to a file" export 1 --output "$EXPORT"
same "export to a file says so on stderr" "Exported organisation 1 to $EXPORT." "$err"
check "export to a file prints nothing on stdout" [ -z "$out" ]
"$COPRO" export 1 >"$WORK/stdout.json"
same_file "export to standard output is the same bytes" "$EXPORT" "$WORK/stdout.json"
same "the export's format, organisation and counts (versions, evaluations, own indicators, evidence, projects, audits, actions)" \
	"copro-export-6 Riverside Primary School (demo) 6 2 1 9 2 2 8" \
	"$(json_get "$(cat "$EXPORT")" '" ".join(str(x) for x in (d["format"], d["organisation"]["name"], len(d["framework_versions"]), len(d["evaluations"]), sum(len(e["own_indicators"]) for e in d["evaluations"]), len(d["evidence"]), len(d["projects"]), len(d["audits"]), len(d["actions"])))')"
same "the export's plan-do-review counts (measures, metrics, readings, links, plans, reviews, readings a review took up, you_said)" \
	"3 3 9 1 1 1 1 2" \
	"$(json_get "$(cat "$EXPORT")" '" ".join(str(x) for x in (len(d["measures"]), sum(len(m["metrics"]) for m in d["measures"]), sum(len(t["readings"]) for m in d["measures"] for t in m["metrics"]), sum(len(m["links"]) for m in d["measures"]), len(d["plans"]), sum(len(a["reviews"]) for a in d["actions"]), sum(1 for m in d["measures"] for t in m["metrics"] for r in t["readings"] if r["review"]), len(d["you_said"])))')"
same "the second evaluation was started on its own, so it names no previous one" "[None, None]" \
	"$(json_get "$(cat "$EXPORT")" '[e["previous"] for e in d["evaluations"]]')"
same "the export's audits: versions by ref, the first's history with the area's comment" \
	"[(1, 1, 'returned', 1), (1, 2, 'submitted', 1)] ['draft', 'submitted', 'returned'] Please say what pupils said about principle 4." \
	"$(json_get "$(cat "$EXPORT")" 'str([(a["first"], a["version"], a["status"], a["project"]) for a in d["audits"]]) + " " + str([e["status"] for e in d["audits"][0]["events"]]) + " " + d["audits"][0]["events"][2]["comment"]')"
same "the export's actions from the audit name it by ref" "[{'audit': 2}, {'audit': 2}]" \
	"$(json_get "$(cat "$EXPORT")" '[a["from"] for a in d["actions"] if a["from"] and "audit" in a["from"]]')"
same "the export's checksum is sha256 and comes last" "sha256 64 checksum" \
	"$(json_get "$(cat "$EXPORT")" '" ".join((d["checksum"].split(":")[0], str(len(d["checksum"].split(":")[1])), list(d.keys())[-1]))')"
same "the export holds no database ids" "False" \
	"$(json_get "$(cat "$EXPORT")" '"id" in d["organisation"] or any("id" in e for e in d["evidence"] + d["projects"] + d["audits"] + d["actions"] + d["measures"] + d["plans"] + d["you_said"])')"
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
same "the original database was not touched by the import" 2 "$(db_sql 'SELECT COUNT(*) FROM organisation')"
run --db "$DB2" audit list 1 --json
same "the imported audits keep their versions and statuses" "[(2, 1, 2, 'submitted'), (1, 1, 1, 'returned')]" \
	"$(json_get "$out" '[(a["id"], a["first_id"], a["version"], a["status"]) for a in d]')"
run --db "$DB2" audit queue "Demo Borough" --json
same "the imported second version is in Demo Borough's queue" "[2]" "$(json_get "$out" '[a["id"] for a in d]')"
run --db "$DB2" audit show 1 --json
same "the imported first version keeps who returned it, when and why" \
	"returned Please say what pupils said about principle 4." \
	"$(json_get "$out" 'd["history"][2]["status"] + " " + d["history"][2]["comment"]')"
run --db "$DB2" action show 7 --json
same "an imported action still comes from the audit" "{'audit': 2}" "$(json_get "$out" 'd["from"]')"

# Every refusal below must leave the second database as it is.
DB_SAVED=$DB
DB=$DB2
expect_fail "importing the same file again is refused" 1 \
	'copro import: an organisation called "Riverside Primary School (demo)" already exists in Demo Borough (number 1): this database holds it already; import into another database, or rename the existing one first.' \
	--db "$DB2" import "$EXPORT"

# Cut 30 characters into a long string (the instrument's source title),
# wherever the instruments' text puts it: past 20 characters jansson names
# no token, only the line.
python3 -c 'import sys; t = open(sys.argv[1], "rb").read()
i = t.index(b"\"The Four Cornerstones Approach") + 30
open(sys.argv[2], "wb").write(t[:i])' "$EXPORT" "$WORK/truncated.json"
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
	"copro import: this file is not a copro export (it should say \"format\": \"copro-export-6\"): give a file made by \`copro export\`." \
	--db "$DB2" import "$WORK/other.json"
expect_fail "an instrument file is refused as an export" 1 \
	'this file is not a copro export (it should say "format": "copro-export-6")' \
	--db "$DB2" import "${COPRO_FRAMEWORKS:-$(dirname "$0")/../../frameworks}/four-cornerstones.json"
printf '[1, 2, 3]\n' >"$WORK/array.json"
expect_fail "a JSON array is refused" 1 'this file is not a copro export (it should say "format": "copro-export-6")' \
	--db "$DB2" import "$WORK/array.json"

# A forger who fixes the checksum still meets the record checks.
reseal() {
	python3 -c 'import hashlib,json,sys
d = json.load(open(sys.argv[1])); exec(sys.argv[3]); d.pop("checksum")
text = json.dumps(d, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
d["checksum"] = "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()
json.dump(d, open(sys.argv[2], "w"), indent=2)' "$EXPORT" "$2" "$1"
}
reseal 'd["audits"][1]["first"] = 3' "$WORK/bad-first.json"
expect_fail "an audit version naming a first version the file does not hold is refused" 1 \
	"copro import: the export is damaged: audits[1].first names an audit the file does not hold before it." \
	--db "$DB2" import "$WORK/bad-first.json"
reseal 'd["projects"][0]["evidence"][0]["evidence"] = 10' "$WORK/bad-evidence.json"
expect_fail "a project step linked to evidence the file does not hold is refused" 1 \
	"copro import: the export is damaged: projects[0].evidence[0] names an evidence item the file does not hold." \
	--db "$DB2" import "$WORK/bad-evidence.json"
reseal 'd["measures"][1]["metrics"][0]["readings"][2]["review"]["action"] = 99' "$WORK/bad-review.json"
expect_fail "a reading naming a review the file does not hold is refused" 1 \
	"copro import: the export is damaged: measures[1].metrics[0].readings[2].review names a review of an action the file does not hold." \
	--db "$DB2" import "$WORK/bad-review.json"
reseal 'd["you_said"][1]["action"] = 99' "$WORK/bad-yousaid.json"
expect_fail "a 'You said, we did' naming an action the file does not hold is refused" 1 \
	"copro import: the export is damaged: you_said[1].action names an action the file does not hold." \
	--db "$DB2" import "$WORK/bad-yousaid.json"
reseal 'd["plans"][0]["aspects"][0]["aspect"] = "colour"' "$WORK/bad-aspect.json"
expect_fail "a plan aspect its instrument does not have is refused" 1 \
	'plans[0].aspects[0] names aspect "colour", which its instrument does not have.' \
	--db "$DB2" import "$WORK/bad-aspect.json"
reseal 'd["audits"][0]["principles"][0]["level"] = "brilliant"' "$WORK/bad-level.json"
expect_fail "a level the audit's instrument does not have is refused" 1 \
	'audits[0].principles[0] names level "brilliant", which principle 1 does not have.' \
	--db "$DB2" import "$WORK/bad-level.json"

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

# An export from copro before projects and audits (copro-export-1) still
# imports, and exports again as copro-export-6 with empty lists.
DB4=$(db_new fourth)
"$COPRO" --db "$DB4" init >/dev/null
expect_ok "a copro-export-1 file imports" --db "$DB4" import "$(dirname "$0")/../data/export-v1.json"
"$COPRO" --db "$DB4" export 1 >"$WORK/from-v1.json"
same "it exports again as copro-export-6, with no projects, audits or measures and the same records" \
	"copro-export-6 0 0 0 1 9 4" \
	"$(json_get "$(cat "$WORK/from-v1.json")" '" ".join(str(x) for x in (d["format"], len(d["projects"]), len(d["audits"]), len(d["measures"]), len(d["evaluations"]), len(d["evidence"]), len(d["actions"])))')"

# So does one from copro before measures and plans (copro-export-2).
DB5=$(db_new fifth)
"$COPRO" --db "$DB5" init >/dev/null
expect_ok "a copro-export-2 file imports" --db "$DB5" import "$(dirname "$0")/../data/export-v2.json"
"$COPRO" --db "$DB5" export 1 >"$WORK/from-v2.json"
same "it exports again as copro-export-6, with its project and audit, no measures, plans or 'You said, we did'" \
	"copro-export-6 1 1 0 0 0 3 [1, 2, 3]" \
	"$(json_get "$(cat "$WORK/from-v2.json")" '" ".join(str(x) for x in (d["format"], len(d["projects"]), len(d["audits"]), len(d["measures"]), len(d["plans"]), len(d["you_said"]), len(d["actions"]), [a["ref"] for a in d["actions"]]))')"

# ---- backup -----------------------------------------------------------------------

# copro backup copies SQLite's file; a PostgreSQL database is refused,
# pointing to pg_dump, and nothing is written.
BACKUP="$WORK/backup.db"
case $DB in
postgresql:*)
	expect_fail "backup of a PostgreSQL database points to pg_dump" 1 \
		"copro backup copies SQLite databases only: back up a PostgreSQL database with pg_dump, for example pg_dump --format=custom --file=$BACKUP 'postgresql://" \
		backup "$BACKUP"
	check "no backup file is written" test ! -e "$BACKUP"
	# Its example works as written, and pg_restore puts the dump into a
	# new database that exports the same (docs/deploy.md's restore).
	example=$(printf '%s' "$err" | sed -n "s/.*for example \(pg_dump .*'\) (docs.*/\1/p")
	(PATH="$(dirname "$PSQL"):$PATH" && eval "$example") >"$WORK/pg_dump.out" 2>&1
	same "the example pg_dump command runs as written" "0 " "$? $(cat "$WORK/pg_dump.out")"
	restored=$(db_new restored)
	"$(dirname "$PSQL")/pg_restore" --dbname="$restored" "$BACKUP" >"$WORK/pg_restore.out" 2>&1
	same "pg_restore reads it into a new database" "0 " "$? $(cat "$WORK/pg_restore.out")"
	"$COPRO" --db "$restored" export 1 >"$WORK/from-backup.json"
	same_file "the restored database's export is byte-identical to the original's" "$EXPORT" \
		"$WORK/from-backup.json" ;;
*)
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
	;;
esac
# A PostgreSQL address is refused before any connection (the backup
# unit has no network): a server that cannot be reached is never tried,
# and the password stays out of the message.
expect_fail "backup of a PostgreSQL address is refused before connecting" 1 \
	"copro backup: copro backup copies SQLite databases only: back up a PostgreSQL database with pg_dump, for example pg_dump --format=custom --file=$WORK/never.db 'postgresql://ada@db.invalid/copro' (docs/deploy.md" \
	--db 'postgresql://ada:s3cret@db.invalid/copro' backup "$WORK/never.db"
check "the password is not in it" sh -c '! printf "%s" "$1" | grep -q s3cret' - "$err"
check "and no backup file is written" test ! -e "$WORK/never.db"
# The example keeps what decides how libpq connects (sslmode, its root
# certificate), so that pg_dump connects as copro does; never a password,
# in the URI's user part or as a parameter.
expect_fail "the pg_dump example keeps the address's sslmode and sslrootcert" 1 \
	"pg_dump --format=custom --file=$WORK/never.db 'postgresql://ada@db.invalid:6543/copro?sslmode=require&sslrootcert=/etc/copro/ca%20root.pem' (docs/deploy.md" \
	--db 'postgresql://ada:s3cret@db.invalid:6543/copro?sslmode=require&password=p4ss&sslpassword=k3y&sslrootcert=/etc/copro/ca%20root.pem&application_name=x' \
	backup "$WORK/never.db"
check "and none of its passwords" sh -c '! printf "%s" "$1" | grep -q -e s3cret -e p4ss -e k3y' - "$err"
expect_fail "backup of a PostgreSQL address libpq cannot read says so" 1 \
	"copro backup: the PostgreSQL address is not valid (invalid URI query parameter: \"nosuchoption\")" \
	--db 'postgresql:///copro?nosuchoption=1' backup "$WORK/never.db"
expect_fail "backup without a destination" 2 "copro backup: missing argument." backup

# ---- where an action came from ----------------------------------------------------

expect_out "action show names the audit an action came from" "From: audit 2 (its next steps)" action show 7
expect_out "action show names the evaluation and statement" "From: evaluation 1, statement 1i" action show 1
expect_out "action show of an action with no source says so" "From: not recorded" action show 6
run action show 7 --json
same "action show --json gives the audit" "{'audit': 2}" "$(json_get "$out" 'd["from"]')"
run action list 1 --json
same "action list --json gives the audit too" "[{'audit': 2}, {'audit': 2}]" \
	"$(json_get "$out" '[a["from"] for a in d if a["id"] in (7, 8)]')"
expect_ok "action update --from moves an action from the audit to an evaluation" action update 8 --from 1:1iv
run action show 8 --json
same "the action now comes from the evaluation alone" "{'evaluation': 1, 'statement': '1iv'}" \
	"$(json_get "$out" 'd["from"]')"
expect_fail "action show of an action that does not exist" 1 \
	"copro action show: there is no action number 99: \`copro action list ORG\` shows them." action show 99
expect_fail "action show abc" 2 'copro action show: The action "abc" is not a number' action show abc

# ---- the revision log, with no copro serve to fold it -------------------------------
# A command that changed something folds the log into the counters before
# it exits (cli_close); one that only reads, or was refused, writes nothing.

log_rows() { db_sql 'SELECT COUNT(*) FROM revision_change'; }
# rev ORG: its revision, as the page cache reads it (store/revision.c).
rev() {
	db_sql "SELECT COALESCE((SELECT n FROM org_revision WHERE organisation_id = $1), 0)
		+ (SELECT COUNT(*) FROM revision_change WHERE organisation_id = $1)"
}
same "every command that changed something folded the log before it exited" 0 "$(log_rows)"
check "... into the counters" [ "$(rev 1)" -gt 0 ]
db_sql "UPDATE action_item SET title = title WHERE id = 1"     # logged by the triggers, not folded
logged=$(log_rows)
rev_before=$(rev 1)
check "a change outside copro is in the log" [ "$logged" -gt 0 ]
expect_ok "a command that only reads" org list
same "... leaves the log as it was" "$logged" "$(log_rows)"
expect_fail "a refused change" 1 "no action number 99" action update 99 --title "Nothing"
same "... leaves it too" "$logged" "$(log_rows)"
expect_ok "a command that changes another organisation" org add --name "Folding Test School" --sector education
same "... folds the whole log" 0 "$(log_rows)"
same "... and the revision of the organisation it did not change is what it was" "$rev_before" "$(rev 1)"
check "... the new organisation's change counted" [ "$(rev "$(db_sql "SELECT id FROM organisation WHERE name = 'Folding Test School'")")" -gt 0 ]

finish
