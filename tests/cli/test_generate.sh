#!/bin/sh
# test_generate.sh: the benchmarks' dataset generator (bench-generate): a
# tiny dataset's counts and shapes, keys that all come from the installed
# instruments, the real schema, the same seed giving the same rows and
# another seed other rows, the heavy organisation, and refusals of bad
# options; then bench-pagetime timing that dataset's pages.
. "$(dirname "$0")/lib.sh"

GEN="$(dirname "$COPRO")/bench-generate"
PAGETIME="$(dirname "$COPRO")/bench-pagetime"
FW="$COPRO_FRAMEWORKS"

q() { sqlite3 "$1" "$2"; }

# The rows, without the two columns that hold the time of generation.
content() {
	sqlite3 "$1" .dump | grep -v -e '^INSERT INTO schema_migration' -e '^INSERT INTO framework_version'
	sqlite3 "$1" "SELECT framework_id, hash FROM framework_version ORDER BY hash"
}

if [ ! -x "$GEN" ]; then
	status=1 out="" err=""
	not_ok "bench-generate is built beside copro" "missing: $GEN (make $GEN)"
	finish
fi

A="$WORK/a.db"
runp "$GEN" --db "$A" --orgs 40 --areas 2 --seed 7
if [ "$status" -eq 0 ] && printf '%s' "$out" | grep -qF "40 organisations in 2 areas"; then
	ok "generates 40 organisations in 2 areas"
else
	not_ok "generates 40 organisations in 2 areas" "expected exit 0 and a summary"
fi
same "organisations" 40 "$(q "$A" "SELECT COUNT(*) FROM organisation")"
same "areas, none empty" "2 2" "$(q "$A" "SELECT COUNT(*), (SELECT COUNT(DISTINCT area_id) FROM organisation) FROM area" | tr '|' ' ')"
same "the sector mix is mostly education" 1 \
	"$(q "$A" "SELECT SUM(sector = 'education') * 2 > COUNT(*) FROM organisation")"
same "schools have URNs, unique" 1 \
	"$(q "$A" "SELECT COUNT(urn) = COUNT(DISTINCT urn) AND COUNT(urn) > 0 FROM organisation WHERE sector = 'education'")"
same "one to three evaluations per organisation, every organisation has one" "1 3 40" \
	"$(q "$A" "SELECT MIN(n), MAX(n), COUNT(*) FROM (SELECT COUNT(*) n FROM evaluation GROUP BY organisation_id)" | tr '|' ' ')"
same "cycles are the three school years" "2024-25 2025-26 2026-27" \
	"$(q "$A" "SELECT DISTINCT cycle FROM evaluation ORDER BY cycle" | tr '\n' ' ' | sed 's/ $//')"
range=$(q "$A" "SELECT MIN(n) >= 20 AND MAX(n) <= 60 FROM (SELECT COUNT(DISTINCT evidence_id) n FROM evidence_link GROUP BY evaluation_id)")
same "20 to 60 evidence items per evaluation" 1 "$range"
same "every evidence item linked to 1 to 5 indicators" "1 5" \
	"$(q "$A" "SELECT MIN(n), MAX(n) FROM (SELECT COUNT(l.evidence_id) n FROM evidence e LEFT JOIN evidence_link l ON l.evidence_id = e.id GROUP BY e.id)" | tr '|' ' ')"
same "statement reviews, actions, projects, audits and users exist" 1 \
	"$(q "$A" "SELECT (SELECT COUNT(*) FROM statement_review) > 0 AND (SELECT COUNT(*) FROM action_item) > 0
		AND (SELECT COUNT(*) FROM project) > 0 AND (SELECT COUNT(*) FROM audit) > 0
		AND (SELECT COUNT(*) FROM project_step) > 0 AND (SELECT COUNT(*) FROM audit_event) > 0")"
same "every organisation has a lead, every area an administrator" "40 2" \
	"$(q "$A" "SELECT COUNT(DISTINCT organisation_id) FROM membership WHERE role = 'lead'; SELECT COUNT(DISTINCT area_id) FROM membership WHERE role = 'area-admin'" | tr '\n' ' ' | sed 's/ $//')"
same "every audit past draft has a level for each of the six principles" 1 \
	"$(q "$A" "SELECT COUNT(*) = 0 FROM audit a WHERE a.status <> 'draft' AND (SELECT COUNT(level) FROM audit_principle p WHERE p.audit_id = a.id) <> 6")"
same "revised audits share first_id, one version after another" 1 \
	"$(q "$A" "SELECT COUNT(*) = 0 FROM audit a WHERE a.version > 1 AND NOT EXISTS (SELECT 1 FROM audit b WHERE b.id = a.first_id AND b.version = a.version - 1 AND b.status = 'returned')")"
same "no broken references, a sound file, WAL as copro uses it" "ok wal" \
	"$(q "$A" "PRAGMA foreign_key_check"; q "$A" "PRAGMA integrity_check" | tr '\n' ' '; q "$A" "PRAGMA journal_mode")" 2>/dev/null
same "the instruments' texts are kept" "four-cornerstones york-joint-partnership-audit york-strategic-model" \
	"$(q "$A" "SELECT framework_id FROM framework_version ORDER BY framework_id" | tr '\n' ' ' | sed 's/ $//')"

# The schema is copro's own: the same as `copro init` makes.
"$COPRO" init >/dev/null 2>&1
same "the schema is the one copro init makes" "$(sqlite3 "$DB" .schema)" "$(sqlite3 "$A" .schema)"

# --schema-only: copro's schema and no rows (bench/pg-load fills it).
S="$WORK/s.db"
runp "$GEN" --schema-only --db "$S"
same "--schema-only makes the schema copro init makes" "$(sqlite3 "$DB" .schema)" "$(sqlite3 "$S" .schema 2>&1)"
same "--schema-only writes no rows" "0 0 0" "$(q "$S" "SELECT (SELECT COUNT(*) FROM organisation), (SELECT COUNT(*) FROM area), (SELECT COUNT(*) FROM app_user)" 2>&1 | tr '|' ' ')"

# Every key the rows use comes from the installed instruments.
keys_ok=$(python3 - "$FW" "$A" <<'EOF'
import json, sqlite3, sys
fw, db = sys.argv[1], sqlite3.connect(sys.argv[2])
def load(name):
    return json.load(open(f"{fw}/{name}.json"))
fc, model, audit = load("four-cornerstones"), load("york-strategic-model"), load("york-joint-partnership-audit")
indicators = {(e["key"], i["key"]) for s in fc["sections"] for e in s["elements"] for i in e["indicators"]}
elements = {e["key"] for s in fc["sections"] for e in s["elements"]}
steps = {e["key"]: {q["key"] for q in e.get("questions", [])} for s in model["sections"] for e in s["elements"]}
levels = {s["key"]: {l["key"] for l in s["elements"][0]["levels"]} for s in audit["sections"]}
outcomes = {o["key"] for o in audit["outcomes"]}
bad = []
bad += [r for r in db.execute("SELECT DISTINCT element_key, indicator_key FROM evidence_link") if tuple(r) not in indicators]
bad += [r for r in db.execute("SELECT DISTINCT element_key FROM statement_review") if r[0] not in elements]
bad += [r for r in db.execute("SELECT DISTINCT step_key FROM project_step") if r[0] not in steps]
bad += [r for r in db.execute("SELECT DISTINCT step_key, question_key FROM project_answer") if r[1] not in steps.get(r[0], ())]
bad += [r for r in db.execute("SELECT DISTINCT principle_key, level FROM audit_principle WHERE level IS NOT NULL") if r[1] not in levels.get(r[0], ())]
bad += [r for r in db.execute("SELECT DISTINCT outcome FROM audit WHERE outcome IS NOT NULL") if r[0] not in outcomes]
print("ok" if not bad else f"unknown keys: {bad[:5]}")
EOF
)
same "indicator, statement, step, question, principle, level and outcome keys come from the instruments" ok "$keys_ok"

# Reproducible from the seed.
B="$WORK/b.db"
C="$WORK/c.db"
"$GEN" --db "$B" --orgs 40 --areas 2 --seed 7 >/dev/null
"$GEN" --db "$C" --orgs 40 --areas 2 --seed 8 >/dev/null
content "$A" >"$WORK/a.sql"
content "$B" >"$WORK/b.sql"
content "$C" >"$WORK/c.sql"
if cmp -s "$WORK/a.sql" "$WORK/b.sql"; then ok "the same seed gives the same rows"
else status=0 out="" err=""; not_ok "the same seed gives the same rows" "$(diff "$WORK/a.sql" "$WORK/b.sql" | head -5)"; fi
if ! cmp -s "$WORK/a.sql" "$WORK/c.sql" && [ "$(q "$C" "SELECT COUNT(*) FROM organisation")" = 40 ]; then
	ok "another seed gives other rows of the same size"
else status=0 out="" err=""; not_ok "another seed gives other rows of the same size"; fi

# The heavy organisation: every indicator evidenced, 500 items.
H="$WORK/h.db"
runp "$GEN" --db "$H" --orgs 40 --areas 2 --seed 7 --heavy
same "--heavy adds one organisation" 41 "$(q "$H" "SELECT COUNT(*) FROM organisation")"
n_indicators=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(sum(len(e['indicators']) for s in d['sections'] for e in s['elements']))" "$FW/four-cornerstones.json")
same "the heavy organisation's current evaluation: 500 items covering all $n_indicators indicators" "500 $n_indicators" \
	"$(q "$H" "SELECT COUNT(DISTINCT l.evidence_id), COUNT(DISTINCT l.element_key || '.' || l.indicator_key)
		FROM evidence_link l JOIN evaluation ev ON ev.id = l.evaluation_id JOIN organisation o ON o.id = ev.organisation_id
		WHERE o.name = 'Heavy Benchmark Academy' AND ev.cycle = '2026-27'" | tr '|' ' ')"
same "it is in the largest area" 1 \
	"$(q "$H" "SELECT area_id = (SELECT area_id FROM organisation GROUP BY area_id ORDER BY COUNT(*) DESC LIMIT 1) FROM organisation WHERE name = 'Heavy Benchmark Academy'")"

# Refusals: a clear message, a non-zero exit, nothing written.
refused "no --db" 2 "give --db PATH" "$GEN" --orgs 10
refused "--orgs 0" 2 "--orgs must be a whole number from 1" "$GEN" --db "$WORK/x.db" --orgs 0
refused "--orgs not a number" 2 '--orgs must be a whole number from 1 to 1000000 (not "many")' "$GEN" --db "$WORK/x.db" --orgs many
refused "--orgs too large" 2 "--orgs must be a whole number" "$GEN" --db "$WORK/x.db" --orgs 1000001
refused "--seed negative" 2 "--seed must be a whole number, 0 or more" "$GEN" --db "$WORK/x.db" --seed -3
refused "--areas 0" 2 "--areas must be a whole number from 1" "$GEN" --db "$WORK/x.db" --areas 0
refused "more areas than organisations" 2 "--areas 5 is more than --orgs 3" "$GEN" --db "$WORK/x.db" --orgs 3 --areas 5
refused "an option without its value" 2 "--seed needs a value" "$GEN" --db "$WORK/x.db" --seed
refused "an unknown option" 2 "unknown option --fast" "$GEN" --db "$WORK/x.db" --fast
refused "rows into PostgreSQL" 2 "is not a file: the rows are written through SQLite" \
	"$GEN" --db "postgresql:///copro?host=$WORK" --orgs 3 --areas 1
refused "--schema-only on an existing file" 1 "exists already" "$GEN" --schema-only --db "$S"
check "no database is left by refused runs" test ! -e "$WORK/x.db"
before=$(md5sum <"$A")
refused "an existing database is never overwritten" 1 "exists already" "$GEN" --db "$A" --orgs 5 --areas 1
same "the existing database is unchanged" "$before" "$(md5sum <"$A")"
runp "$GEN" --help
if [ "$status" -eq 0 ] && printf '%s' "$out" | grep -qF "copro bench timing only"; then ok "--help names the options and the accounts' password"
else not_ok "--help names the options and the accounts' password"; fi

# bench-pagetime on the tiny dataset.
area=$(q "$A" "SELECT name FROM area ORDER BY id LIMIT 1")
runp "$PAGETIME" --db "$A" --area "$area" --repeat 2 --warmup 0
org_lines=$(printf '%s\n' "$out" | grep -c '^/org/[0-9]*/evidence  *200 ')
if [ "$status" -eq 0 ] && [ "$org_lines" -eq 1 ] && printf '%s' "$out" | grep -q '^/org/[0-9]*/evaluation/[0-9]*/statement/[0-9a-z]*  *200 ' &&
	printf '%s' "$out" | grep -q "^/area/[0-9]*/dashboard "; then
	ok "pagetime --area times the area's pages and its heaviest organisation's"
else
	not_ok "pagetime --area times the area's pages and its heaviest organisation's"
fi
same "pagetime ends its session" 0 "$(q "$A" "SELECT COUNT(*) FROM user_session")"
org=$(q "$A" "SELECT id FROM organisation ORDER BY id LIMIT 1")
runp "$PAGETIME" --db "$A" --org "$org" --repeat 1 --markdown "/org/$org/actions?status=open"
if [ "$status" -eq 0 ] && printf '%s' "$out" | grep -qF "| evaluation overview | \`/org/$org/evaluation/" &&
	printf '%s' "$out" | grep -qF "| \`/org/$org/actions?status=open\` | 200 |"; then
	ok "pagetime --org --markdown, with a path given"
else
	not_ok "pagetime --org --markdown, with a path given"
fi
admin=$(q "$A" "SELECT u.email FROM membership m JOIN app_user u ON u.id = m.user_id WHERE m.role = 'area-admin' ORDER BY u.id LIMIT 1")
runp "$PAGETIME" --db "$A" --user "$admin" --repeat 3 --warmup 0 --summary --raw "$WORK/runs" "/org/$org"
same "pagetime --raw keeps every timed run, the page's and the summary's" "3 3" \
	"$(grep -c "^/org/$org [0-9][0-9.]*\$" "$WORK/runs") $(grep -c '^summary [0-9][0-9.]*$' "$WORK/runs")"
same "pagetime --raw writes the runs alone" 6 "$(wc -l <"$WORK/runs")"
refused "pagetime: --raw in a folder that is not there" 1 "cannot write $WORK/none/runs" \
	"$PAGETIME" --db "$A" --user "$admin" --repeat 1 --raw "$WORK/none/runs" "/org/$org"
refused "pagetime: --raw without a file" 2 "--raw needs a value" "$PAGETIME" --db "$A" /org/1 --raw
refused "pagetime: a wrong password" 1 "cannot sign in as lead.org1@bench.invalid" \
	"$PAGETIME" --db "$A" --user lead.org1@bench.invalid --password "not the password" /org/1
refused "pagetime: an unknown area" 1 'there is no area called "Atlantis"' "$PAGETIME" --db "$A" --area Atlantis
refused "pagetime: nothing to time" 2 "give the pages to time" "$PAGETIME" --db "$A"
refused "pagetime: --repeat 0" 2 "--repeat must be a whole number from 1" "$PAGETIME" --db "$A" --repeat 0 /org/1
refused "pagetime: a path without /" 2 '"org/1" is not a path' "$PAGETIME" --db "$A" org/1
refused "pagetime: no database" 1 "there is no database at $WORK/none.db" "$PAGETIME" --db "$WORK/none.db" --user a@b.c /org/1

finish
