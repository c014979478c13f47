#!/bin/sh
# test_migrate.sh: copro migrate. A database with every table filled (the
# demo and migrate_fill.sql) goes SQLite -> PostgreSQL -> SQLite: the same
# rows in every table, ids and bytes kept, the organisation's export and
# search the same, PostgreSQL's identities past the largest id. Every
# refusal says why and writes nothing; kill -9 mid-copy leaves the target
# as it was. PostgreSQL: the test run's cluster (COPRO_TEST_CLUSTER, each
# target a new database there) or one of its own when run alone.
. "$(dirname "$0")/lib.sh"
CLUSTER="$(cd "$(dirname "$0")/../pg" && pwd)/cluster"       # absolute: the EXIT trap runs after cd "$WORK"

if [ -n "${COPRO_TEST_CLUSTER:-}" ]; then
	PG=$COPRO_TEST_CLUSTER
	"$CLUSTER" wait "$PG" || { echo "not ok - the test run's PostgreSQL cluster is up"; exit 1; }
else
	PG=$("$CLUSTER" start) || { echo "not ok - a PostgreSQL cluster starts"; exit 1; }
	trap '"$CLUSTER" stop "$PG"; rm -rf "$WORK"' EXIT
fi
unset COPRO_DB
n_db=0
# newdb: a new, empty PostgreSQL database on the cluster; its URI in $uri.
newdb() {
	n_db=$((n_db + 1))
	name="migrate_$$_$n_db"
	psql "$PG" -qc "CREATE DATABASE $name" >/dev/null || echo "# cannot create $name"
	uri=$(printf '%s' "$PG" | sed "s#^postgresql:///[^?]*#postgresql:///$name#")
}
pg() { psql "$1" -XAtq -v ON_ERROR_STOP=1 -c "$2"; }
lite_tables() {
	sqlite3 "$1" "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'virtual')
		AND name NOT LIKE 'sqlite%' AND name <> 'schema_migration' ORDER BY name"
}
# counts DB: "table|rows" per table, whichever engine, in one query.
counts() {
	q=$(lite_tables "$SRC" | sed "s/.*/SELECT '&', COUNT(*) FROM &/" | paste -sd'|' | sed 's/|/ UNION ALL /g')
	case $1 in
	postgresql:*) pg "$1" "$q ORDER BY 1" ;;
	*) sqlite3 "$1" "$q ORDER BY 1" ;;
	esac
}
# content DB: every row of a SQLite database but the migrations' dates
# and FTS5's own pages (the search index's rows are compared apart),
# sorted: a table keyed by text keeps its rows, not SQLite's hidden rowid
# order, through PostgreSQL.
content() {
	sqlite3 "$1" .dump | grep -v -e '^INSERT INTO schema_migration' -e "^INSERT INTO '\?search_index_" | sort
	sqlite3 "$1" "SELECT rowid, org, organisation_id, title, body FROM search_index ORDER BY rowid"
}
sum() { sha256sum "$1" | cut -d' ' -f1; }

SRC="$WORK/src.db"
"$COPRO" --db "$SRC" demo >/dev/null
sqlite3 "$SRC" <"$(dirname "$0")/migrate_fill.sql"
same "every table of the source holds rows" "" "$(counts "$SRC" | grep '|0$')"
same "throttle_hit is longer than a page" "514" "$(sqlite3 "$SRC" "SELECT COUNT(*) FROM throttle_hit")"
src_sum=$(sum "$SRC")
tables=$(lite_tables "$SRC" | grep -c -v '^search_index$')

# ---- SQLite -> PostgreSQL ------------------------------------------------
newdb; PG1=$uri
run migrate --from "sqlite:$SRC" --to "$PG1"
same "SQLite to PostgreSQL: exit 0" 0 "$status"
check "the summary gives tables and rows" sh -c 'printf "%s" "$1" | grep -q "^Copied $2 tables, [0-9]* rows, into postgresql:///"' - "$out" "$tables"
check "progress per table on stderr" sh -c 'printf "%s" "$1" | grep -q "^copro migrate: evidence_file_data: 1 row$"' - "$err"
same "the source is unchanged" "$src_sum" "$(sum "$SRC")"
same "no -wal or -shm is left beside it" "" "$(ls "$WORK" | grep -e '^src.db-wal$' -e '^src.db-shm$')"
same "each table has the source's rows on PostgreSQL" "$(counts "$SRC")" "$(counts "$PG1")"
same "the file's 256 bytes arrive as BYTEA" "$(python3 -c 'print(bytes(range(256)).hex())')" \
	"$(pg "$PG1" "SELECT encode(bytes, 'hex') FROM evidence_file_data")"
same "the search index is rebuilt with the same records" \
	"$(sqlite3 "$SRC" "SELECT rowid, organisation_id, title FROM search_index ORDER BY rowid")" \
	"$(pg "$PG1" "SELECT rowid || '|' || organisation_id || '|' || title FROM search_index ORDER BY rowid")"
same "PostgreSQL's search finds what SQLite's finds" \
	"$(sqlite3 "$SRC" "SELECT rowid FROM search_index WHERE search_index MATCH 'cafe* OR welcome*' ORDER BY rowid")" \
	"$(pg "$PG1" "SELECT rowid FROM search_index WHERE words @@ to_tsquery('simple', copro_fold('cafe:* | welcome:*')) ORDER BY rowid")"
# A revision is its counter plus its rows in the log (store/revision.c).
revisions="SELECT o.id || '|' || (COALESCE((SELECT n FROM org_revision WHERE organisation_id = o.id), 0)
	+ (SELECT COUNT(*) FROM revision_change WHERE organisation_id = o.id)) FROM organisation o ORDER BY o.id"
same "the revision counters are the source's" \
	"$(sqlite3 "$SRC" "SELECT organisation_id, n FROM org_revision ORDER BY 1")" \
	"$(pg "$PG1" "SELECT organisation_id || '|' || n FROM org_revision ORDER BY 1")"
same "each organisation's revision is the source's" "$(sqlite3 "$SRC" "$revisions")" "$(pg "$PG1" "$revisions")"
# Each identity's next number is one past the largest id copied.
q=$(pg "$PG1" "SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema()
	AND is_identity = 'YES' ORDER BY 1" |
	sed "s/.*/SELECT '&', nextval(pg_get_serial_sequence('&', 'id')) - COALESCE((SELECT MAX(id) FROM &), 0)/" |
	paste -sd'|' | sed 's/|/ UNION ALL /g')
next=$(pg "$PG1" "$q")
same "every identity moved past the largest id" "" "$(printf '%s\n' "$next" | grep -v '|1$')"
check "there are identities to move" test "$(printf '%s\n' "$next" | wc -l)" -gt 20

# ---- PostgreSQL -> SQLite ------------------------------------------------
BACK="$WORK/back.db"
run migrate --from "$PG1" --to "$BACK"
same "PostgreSQL to SQLite: exit 0" 0 "$status"
same "no .partial is left" "" "$(ls "$WORK" | grep partial)"
same "the round trip gives every row back" "$(content "$SRC")" "$(content "$BACK")"
same "the organisation's export is byte-identical" "$("$COPRO" --db "$SRC" export 1 | sha256sum)" \
	"$("$COPRO" --db "$BACK" export 1 | sha256sum)"
# (at one time: the area's export says when it was made)
same "the area's export too" \
	"$(COPRO_NOW=2026-12-01T09:00:00Z "$COPRO" --db "$SRC" area export "Demo Borough" --format json | sha256sum)" \
	"$(COPRO_NOW=2026-12-01T09:00:00Z "$COPRO" --db "$BACK" area export "Demo Borough" --format json | sha256sum)"
# found DB WORDS...: what copro's search finds, as "total kind id ..." (the
# engines may rank near-equal matches apart: docs/postgresql.md).
found() {
	db=$1; shift
	"$COPRO" --db "$db" search 1 "$@" --json | python3 -c 'import json, sys
d = json.load(sys.stdin)
print(d["total"], *sorted("%s %s" % (r["kind"], r["id"]) for r in d["results"]))'
}
same "search finds the same records after the round trip" \
	"$(found "$SRC" coffee morn; found "$SRC" welcome)" "$(found "$BACK" coffee morn; found "$BACK" welcome)"
same "and on PostgreSQL" "3 evidence 5 measure 1 plan 1" "$(found "$PG1" coffee morn)"
same "both words too" "$(found "$SRC" welcome)" "$(found "$PG1" welcome)"
expect_out "copro adds to the copy with new ids" "Added" --db "$BACK" org add --name "After the move" --sector health

# ---- refusals: a message, exit 1, nothing written -------------------------
pg_before=$(counts "$PG1")
run migrate --from "$SRC" --to "$PG1"
same "a PostgreSQL target with data: exit 1" 1 "$status"
check "it names the table with rows" sh -c 'printf "%s" "$1" | grep -q "already holds copro data (the table action_item has rows)"' - "$err"
same "that target is unchanged" "$pg_before" "$(counts "$PG1")"

back_sum=$(sum "$BACK")
run migrate --from "$SRC" --to "sqlite:$BACK"
check "a SQLite target with data names its table" sh -c 'printf "%s" "$1" | grep -q "already holds copro data (the table action_item has rows)"' - "$err"
same "and stays as it was" "$back_sum" "$(sum "$BACK")"
"$COPRO" --db "$WORK/init.db" init >/dev/null
run migrate --from "$SRC" --to "$WORK/init.db"
check "an existing file is never overwritten" sh -c 'printf "%s" "$1" | grep -q "exists already: migrate writes a new file and never overwrites one"' - "$err"

cd "$WORK"
expect_fail "a source that is not there" 1 "there is no database at $WORK/none.db: check the path." \
	migrate --from "$WORK/none.db" --to "$WORK/t1.db"
expect_fail "a scheme copro does not read" 1 "--to mysql://db/copro is neither a SQLite file" \
	migrate --from "$SRC" --to mysql://db/copro
expect_fail "a PostgreSQL URI libpq cannot read" 1 \
	'the PostgreSQL address is not valid (invalid URI query parameter: "nosuchoption"): write it as' \
	migrate --from "$SRC" --to 'postgresql://db/copro?nosuchoption=1'
expect_fail "a PostgreSQL server that is not there" 1 "cannot connect to the database postgresql://" \
	migrate --from "$SRC" --to "postgresql:///copro?host=$WORK/nowhere"
expect_fail "the same file twice" 1 "--from and --to name the same database" \
	migrate --from "$SRC" --to "sqlite:$SRC"
expect_fail "the same PostgreSQL database twice" 1 "--from and --to name the same database" \
	migrate --from "$PG1" --to "$PG1"
expect_fail "the same PostgreSQL database twice, once with an option more" 1 "--from and --to name the same database" \
	migrate --from "$PG1" --to "$PG1&connect_timeout=5"
# Two addresses of one database: the cluster's socket folder by another
# name (a link), as localhost against 127.0.0.1 or a socket against TCP.
sockdir=$(printf '%s' "$PG1" | sed -n 's/.*[?&]host=\([^&]*\).*/\1/p')
ln -s "$sockdir" "$WORK/sock"
PG1_LINK=$(printf '%s' "$PG1" | sed "s#host=[^&]*#host=$WORK/sock#")
expect_fail "the same PostgreSQL database by two addresses" 1 "--from and --to name the same database" \
	migrate --from "$PG1" --to "$PG1_LINK"
# An ordinary role (no superuser) reads the cluster's identifier; where
# it may not (revoked), the server's start time tells the cluster.
plain="migrate_plain_$$"
pg "$PG1" "CREATE ROLE $plain LOGIN; GRANT SELECT ON schema_migration TO $plain" >/dev/null
PLAIN=$(printf '%s' "$PG1" | sed "s#user=[^&]*#user=$plain#")
PLAIN_LINK=$(printf '%s' "$PG1_LINK" | sed "s#user=[^&]*#user=$plain#")
same "the role is no superuser" f "$(pg "$PLAIN" "SELECT rolsuper FROM pg_roles WHERE rolname = current_user")"
expect_fail "the same database by two addresses, as an ordinary role" 1 "--from and --to name the same database" \
	migrate --from "$PLAIN" --to "$PLAIN_LINK"
pg "$PG1" "REVOKE EXECUTE ON FUNCTION pg_control_system() FROM PUBLIC" >/dev/null
expect_fail "the same database by two addresses, the identifier refused" 1 "--from and --to name the same database" \
	migrate --from "$PLAIN" --to "$PLAIN_LINK"
pg "$PG1" "GRANT EXECUTE ON FUNCTION pg_control_system() TO PUBLIC" >/dev/null
pg "$PG1" "REVOKE SELECT ON schema_migration FROM $plain; DROP ROLE $plain" >/dev/null
newdb
run migrate --from "$PG1" --to "$uri"
same "another database on the same cluster is not the same" 0 "$status"
expect_fail "--to missing" 2 "needs --from and --to" migrate --from "$SRC"
same "none of them made a file" "" "$(ls "$WORK" | grep -e '^t1' -e '^mysql' -e '^db')"

OLD="$WORK/old.db"
cp "$SRC" "$OLD"
latest=$(sqlite3 "$SRC" "SELECT MAX(version) FROM schema_migration")
sqlite3 "$OLD" "DELETE FROM schema_migration WHERE version = $latest"
old_sum=$(sum "$OLD")
newdb
run migrate --from "$OLD" --to "$uri"
check "an older source is refused, saying how to bring it up to date" sh -c 'printf "%s" "$1" | grep -q "is at schema version $2 and this copro.s is $3: .* copro --db $4 org list"' - "$err" "$((latest - 1))" "$latest" "$OLD"
same "and not changed" "$old_sum" "$(sum "$OLD")"
same "nothing was made on the target" 0 "$(pg "$uri" "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()")"
sqlite3 "$OLD" "INSERT INTO schema_migration VALUES ($latest, 'x'), ($((latest + 1)), 'x')"
run migrate --from "$OLD" --to "$WORK/t2.db"
check "a newer source is refused" sh -c 'printf "%s" "$1" | grep -q "was made by a newer copro"' - "$err"
echo "not a database at all, just some text" >"$WORK/text.db"
expect_fail "a source that is no database names --from, the option that named it" 1 \
	"copro migrate: $WORK/text.db is not a copro database or is damaged: restore it from a backup, or use --from to pick another." \
	migrate --from "$WORK/text.db" --to "$WORK/t3.db"
expect_fail "a source that is a folder names --from" 1 \
	"copro migrate: $WORK is not a file: give --from the path of a database file." \
	migrate --from "$WORK" --to "$WORK/t3.db"
same "no target for either" "" "$(ls "$WORK" | grep -e '^t2' -e '^t3')"

# ---- a PostgreSQL source's files are read one at a time --------------------
# peak ARGS...: the most memory (kB) copro ARGS held; ASan's quarantine of
# freed memory kept small, so that what was given back does not count.
peak() {
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=1" python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$COPRO" "$@"
}
FILES="$WORK/files.db"
cp "$SRC" "$FILES"
sqlite3 "$FILES" "WITH RECURSIVE n(i) AS (SELECT 100 UNION ALL SELECT i + 1 FROM n WHERE i < 115)
	INSERT INTO evidence_file (id, evidence_id, organisation_id, name, media_type, size, sha256, created_at)
	SELECT i, 2, 1, 'f' || i || '.bin', 'application/octet-stream', 1000000, 'x', '2026-11-09T09:00:00Z' FROM n;
	INSERT INTO evidence_file_data SELECT id, randomblob(1000000) FROM evidence_file WHERE id >= 100"
newdb
"$COPRO" migrate --from "$FILES" --to "$uri" >/dev/null 2>&1
small=$(peak migrate --from "$PG1" --to "$WORK/small.db")
big=$(peak migrate --from "$uri" --to "$WORK/files-back.db")
# Read whole, they took about three times their size.
check "16 MB of files from PostgreSQL take less memory than that ($((big - small)) kB more)" \
	test $((big - small)) -lt 16000
same "and arrive whole" "$(sqlite3 "$FILES" "SELECT hex(bytes) FROM evidence_file_data ORDER BY file_id" | md5sum)" \
	"$(sqlite3 "$WORK/files-back.db" "SELECT hex(bytes) FROM evidence_file_data ORDER BY file_id" | md5sum)"

# ---- kill -9 mid-copy -----------------------------------------------------
# A source whose throttle_hit (copied after statement_review) is long.
BIG="$WORK/big.db"
cp "$SRC" "$BIG"
sqlite3 "$BIG" "WITH RECURSIVE n(i) AS (SELECT 1000 UNION ALL SELECT i + 1 FROM n WHERE i < 61000)
	INSERT INTO throttle_hit (id, scope, address, at) SELECT i, 'sign-in', '192.0.2.' || (i % 250), '2026-11-07T09:00:00Z' FROM n"
# kill_mid TARGET: starts migrate, kills it with SIGKILL once
# statement_review is copied; $killed says whether it was still copying.
kill_mid() {
	: >"$WORK/kill.err"
	"$COPRO" migrate --from "$BIG" --to "$1" >/dev/null 2>"$WORK/kill.err" &
	kpid=$!
	i=0
	while ! grep -q 'statement_review' "$WORK/kill.err" && [ $i -lt 600 ]; do sleep 0.02; i=$((i + 1)); done
	kill -9 "$kpid" 2>/dev/null
	wait "$kpid"
	killed=$([ $? -eq 137 ] && echo yes || echo no)
}
newdb
kill_mid "$uri"
same "the copy to PostgreSQL was killed part-way" yes "$killed"
same "the PostgreSQL target has no table at all" 0 "$(pg "$uri" "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()")"
run migrate --from "$SRC" --to "$uri"
same "and takes a copy afterwards" 0 "$status"
kill_mid "$WORK/killed.db"
same "the copy to SQLite was killed part-way" yes "$killed"
check "there is no SQLite target" test ! -e "$WORK/killed.db"
run migrate --from "$SRC" --to "$WORK/killed.db"
same "a new copy replaces the leftover .partial" "0 " "$status $(ls "$WORK" | grep partial)"
same "and is whole" "$(content "$SRC")" "$(content "$WORK/killed.db")"
finish
