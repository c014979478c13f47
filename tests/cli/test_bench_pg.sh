#!/bin/sh
# test_bench_pg.sh: the benchmarks' way onto PostgreSQL: bench/pg-load
# copies a dataset bench-generate made into an empty PostgreSQL database
# (every row, the search index, identities past the largest id), and
# bench-pagetime draws the same pages from it as from the SQLite file;
# pg-load's refusals. On the run's cluster (COPRO_TEST_CLUSTER) or one of
# its own (tests/pg/cluster); skipped without PostgreSQL.
. "$(dirname "$0")/lib.sh"

root=$(cd "$(dirname "$0")/../.." && pwd)
GEN="$(dirname "$COPRO")/bench-generate"
PAGETIME="$(dirname "$COPRO")/bench-pagetime"
LOAD=$root/bench/pg-load
export BUILD="$(dirname "$COPRO")"

if ! command -v psql >/dev/null || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
	echo "ok - # SKIP PostgreSQL is not installed (scripts/install-deps)"
	finish
fi

# A schema of its own, on the run's cluster (tests/run's COPRO_TEST_CLUSTER)
# or on a new one: dropping a schema costs less than dropping a database.
own_cluster=''
if [ -n "${COPRO_TEST_CLUSTER:-}" ]; then
	base=$COPRO_TEST_CLUSTER
	"$root/tests/pg/cluster" wait "$base" || { not_ok "the run's cluster answers"; finish; }
else
	base=$("$root/tests/pg/cluster" start) || { not_ok "a throw-away cluster starts"; finish; }
	own_cluster=$base
fi
schema=bench_load_$$
trap 'psql -X -q "$base" -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1
	[ -n "$own_cluster" ] && "$root/tests/pg/cluster" stop "$own_cluster"; rm -rf "$WORK"' EXIT
psql -X -q "$base" -c "CREATE SCHEMA $schema" || { not_ok "a schema for the test"; finish; }
case $base in *\?*) uri="$base&" ;; *) uri="$base?" ;; esac
uri="${uri}options=-csearch_path%3D$schema"
pq() { psql -X -At "$uri" -c "$1"; }

A=$WORK/a.db
"$GEN" --db "$A" --orgs 40 --areas 2 --seed 7 --heavy >/dev/null
runp "$LOAD" "$A" "$uri"
same "pg-load copies the dataset" 0 "$status"
for t in organisation evidence evidence_link activity app_user org_revision area_revision search_index; do
	same "every row of $t" "$(sqlite3 "$A" "SELECT COUNT(*) FROM $t")" "$(pq "SELECT COUNT(*) FROM $t")"
done
word=$(sqlite3 "$A" "SELECT title FROM search_index WHERE title <> '' ORDER BY rowid LIMIT 1" |
	tr -cs 'A-Za-z' '\n' | grep -m1 '...' | tr 'A-Z' 'a-z')
same "the search index finds a word of a title ($word) in PostgreSQL's own way" 1 \
	"$(pq "SELECT CASE WHEN COUNT(*) > 0 THEN 1 ELSE 0 END FROM search_index WHERE words @@ to_tsquery('simple', '$word:*')")"
same "the secondary indexes are made again" \
	"$(pq "SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname = 'evidence_link_evaluation'")" 1
same "identities go on past the largest id" 1 \
	"$(pq "SELECT CASE WHEN (SELECT last_value FROM evidence_id_seq) = (SELECT MAX(id) FROM evidence) THEN 1 ELSE 0 END")"

# The same pages, byte for byte in size, from both engines.
area=$(sqlite3 "$A" "SELECT name FROM area ORDER BY id LIMIT 1")
"$PAGETIME" --db "$A" --area "$area" --repeat 1 --warmup 0 --markdown >"$WORK/sqlite.md" 2>&1
runp "$PAGETIME" --db "$uri" --area "$area" --repeat 1 --warmup 0 --markdown
printf '%s\n' "$out" >"$WORK/pg.md"
pages() { awk -F'|' 'NR > 2 && $3 !~ /xlsx/ { print $3, $4, $5 }' "$1"; }
same "pagetime draws the same pages on PostgreSQL (path, status, bytes)" "$(pages "$WORK/sqlite.md")" "$(pages "$WORK/pg.md")"
same "pagetime leaves no session on PostgreSQL" 0 "$(pq "SELECT COUNT(*) FROM user_session")"

# Refusals: a clear message, a non-zero exit, nothing written.
before=$(pq "SELECT COUNT(*) FROM evidence")
refused "pg-load into a database with tables" 1 "has tables already: give an empty one" "$LOAD" "$A" "$uri"
same "the loaded database is unchanged" "$before" "$(pq "SELECT COUNT(*) FROM evidence")"
refused "pg-load of no file" 1 "is not a file: make the dataset first" "$LOAD" "$WORK/none.db" "$uri"
refused "pg-load to a path" 1 "is not a postgresql:// URI" "$LOAD" "$A" "$WORK/b.db"
refused "pg-load without its two arguments" 2 "usage: bench/pg-load FILE URI" "$LOAD" "$A"
check "pg-load wrote no file for a path" test ! -e "$WORK/b.db"

finish
