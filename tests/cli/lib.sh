# lib.sh: helpers for the command-line tests. Each test runs copro as a
# user would and checks its exit status, its output and, for refused
# commands, that the database did not change. Prints "ok - ..." or
# "not ok - ..." per check; `finish` exits 1 if any failed.

: "${COPRO:?set COPRO to the copro binary}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/copro.db"
# With COPRO_TEST_PG set to a PostgreSQL cluster's URI (tests/pg/units.sh
# cli), the script's database is a new, empty database of its own there.
# psql is PostgreSQL's own binary when it can be found: Debian's
# /usr/bin/psql is a Perl wrapper that picks a version first, which cost
# each of a script's hundreds of psql runs about as much as psql itself.
PSQL=psql
for _d in /usr/lib/postgresql/*/bin; do [ -x "$_d/psql" ] && PSQL=$_d/psql; done
if [ -n "${COPRO_TEST_PG:-}" ]; then
	"$PSQL" -X -q -d "$COPRO_TEST_PG" -c "CREATE DATABASE cli_$$" >/dev/null ||
		{ echo "not ok - a database of its own on $COPRO_TEST_PG"; exit 1; }
	case $COPRO_TEST_PG in *\?*) DB="$COPRO_TEST_PG&dbname=cli_$$" ;; *) DB="$COPRO_TEST_PG?dbname=cli_$$" ;; esac
fi
export COPRO_DB="$DB"
export COPRO_BUSY_TIMEOUT_MS=200
unset COPRO_NOW
_failed=0

# run CMD...: runs copro with arguments; sets $status, $out, $err.
run() {
	"$COPRO" "$@" >"$WORK/stdout" 2>"$WORK/stderr"
	status=$?
	take_output
}

# runp CMD...: like run, for any program.
runp() {
	"$@" >"$WORK/stdout" 2>"$WORK/stderr"
	status=$?
	take_output
}

# take_output: $WORK/stdout and stderr into $out and $err, an empty file
# without a cat (a command mostly writes to one of the two, and each
# process costs some milliseconds on the test machine).
take_output() {
	out= err=
	[ ! -s "$WORK/stdout" ] || out=$(cat "$WORK/stdout")
	[ ! -s "$WORK/stderr" ] || err=$(cat "$WORK/stderr")
}

# refused DESC CODE TEXT CMD...: exit CODE with TEXT on stderr.
refused() {
	desc=$1; code=$2; text=$3; shift 3
	runp "$@"
	if [ "$status" -ne "$code" ]; then not_ok "$desc" "expected exit $code"
	elif ! printf '%s' "$err" | grep -qF -- "$text"; then not_ok "$desc" "expected stderr containing: $text"
	else ok "$desc"; fi
}

ok() { echo "ok - $1"; }
not_ok() {
	echo "not ok - $1"
	shift
	for line in "$@"; do echo "#   $line"; done
	echo "#   exit: $status"
	echo "#   stdout: $(printf '%s' "$out" | head -c 600)"
	echo "#   stderr: $(printf '%s' "$err" | head -c 600)"
	_failed=$((_failed + 1))
}

# expect_ok DESC CMD...: exit 0.
expect_ok() {
	desc=$1; shift
	run "$@"
	if [ "$status" -eq 0 ]; then ok "$desc"; else not_ok "$desc" "expected exit 0"; fi
}

# expect_out DESC TEXT CMD...: exit 0 and TEXT in stdout.
expect_out() {
	desc=$1; text=$2; shift 2
	run "$@"
	if [ "$status" -eq 0 ] && printf '%s' "$out" | grep -qF -- "$text"; then ok "$desc"
	else not_ok "$desc" "expected exit 0 and stdout containing: $text"; fi
}

# expect_fail DESC CODE TEXT CMD...: exit CODE and TEXT in stderr, and the
# database (if there is one) unchanged.
expect_fail() {
	desc=$1; code=$2; text=$3; shift 3
	before=$(db_dump)
	run "$@"
	after=$(db_dump)
	if [ "$status" -ne "$code" ]; then not_ok "$desc" "expected exit $code"
	elif ! printf '%s' "$err" | grep -qF -- "$text"; then not_ok "$desc" "expected stderr containing: $text"
	elif [ "$before" != "$after" ]; then not_ok "$desc" "the database changed"
	else ok "$desc"; fi
}

# serve_start ARGS...: `copro serve` on a free port of 127.0.0.1 with ARGS,
# its output in $WORK/serve.log; sets $port and $pid once it answers.
serve_start() {
	port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
	"$COPRO" serve --port "$port" "$@" >"$WORK/serve.log" 2>&1 &
	pid=$!
	i=0
	while ! curl -s -o /dev/null "http://127.0.0.1:$port/sign-in" && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
}

# db_dump: the database's content as text, for before/after checks.
# Revisions are shown as each organisation's and area's value (REV_SQL),
# not as the rows of revision_change and the counters it is folded into:
# copro serve folds the log every 200 ms, and a fold between two dumps
# moves rows without changing any revision, or anything else.
# On PostgreSQL every row of every table, each as its table's name and the
# row's text, sorted (an unchanged row may move), without the identities'
# positions (a refused INSERT uses up a number there, since PostgreSQL's
# sequences do not roll back). One query, without parallel workers (the
# tables are never analysed, so the planner took them for big and started
# two processes for a few rows), in the script's dump session when it
# answers (below), else in a psql of its own. It replaces pg_dump, which
# read the catalogue table by table from a new server process each time:
# expect_fail dumps twice, and the dumps were nearly half of test_org.sh's
# PostgreSQL run.
DUMP_SQL='SELECT '"'"'SELECT t, r FROM ('"'"' ||
	string_agg(format('"'"'SELECT %L AS t, dump_row::text AS r FROM %I.%I dump_row'"'"',
		schemaname || '"'"'.'"'"' || tablename, schemaname, tablename), '"'"' UNION ALL '"'"') ||
	'"'"') d ORDER BY t COLLATE "C", r COLLATE "C"'"'"'
FROM pg_catalog.pg_tables WHERE schemaname NOT IN ('"'"'pg_catalog'"'"', '"'"'information_schema'"'"')
AND tablename NOT IN ('"'"'revision_change'"'"', '"'"'org_revision'"'"', '"'"'area_revision'"'"')
\gexec'
# The same on both engines: the revision of each organisation and area,
# the folded count plus the log's rows (src/store/revision.c).
REV_SQL="SELECT 'revision ' || k || ' ' || id || ' ' || SUM(n) FROM (
 SELECT 'organisation' AS k, organisation_id AS id, n FROM org_revision
 UNION ALL SELECT 'organisation', organisation_id, 1 FROM revision_change WHERE organisation_id IS NOT NULL
 UNION ALL SELECT 'area', area_id, n FROM area_revision
 UNION ALL SELECT 'area', area_id, 1 FROM revision_change WHERE area_id IS NOT NULL) r
GROUP BY k, id ORDER BY k, id;"
DUMP_SQL="$DUMP_SQL
$REV_SQL"
db_dump() {
	case $DB in
	postgresql:*) dump_in_session || printf '%s\n' 'SET max_parallel_workers_per_gather = 0;' "$DUMP_SQL" |
		"$PSQL" -X -q -At -v ON_ERROR_STOP=1 -d "$DB" 2>&1 ;;
	# One sqlite3 for both (it runs its arguments in turn; the revisions'
	# lines pass the filter): each process costs on the test machine.
	*) if [ -f "$DB" ]; then
		sqlite3 "$DB" .dump "$REV_SQL" 2>&1 |
			grep -Ev '^INSERT INTO "?(revision_change|org_revision|area_revision)"? '
	fi ;;
	esac
}

# The dump session: one psql kept connected to the script's database for
# its dumps, which then cost a query each, not a psql and a new server
# process (on the test machine about 150 ms each, 90 of them in
# test_org.sh). It reads its queries from a FIFO and answers into another,
# both opened read-write so that neither side ever waits at an open or
# meets an end of file. It is no child of the script (a script's `wait`
# would wait for it); a watcher ends it within a second of the script.
# Its process id is kept in a file, not a variable, so that a session
# started again inside $(...) (db_copy) is the script's.
dump_session_start() {
	[ -p "$WORK/dump.in" ] || mkfifo "$WORK/dump.in" "$WORK/dump.out" 2>/dev/null || return 0
	( "$PSQL" -X -q -At -d "$DB" <>"$WORK/dump.in" 1<>"$WORK/dump.out" 2>&1 &
	  echo $! >"$WORK/dump.pid" )
	( sh -c 'while kill -0 "$1" 2>/dev/null; do sleep 1; done; kill "$2" 2>/dev/null' \
		dump_watch "$$" "$(cat "$WORK/dump.pid")" </dev/null >/dev/null 2>&1 & )
	echo 'SET max_parallel_workers_per_gather = 0;' 1<>"$WORK/dump.in"
}
dump_session_end() {
	[ -f "$WORK/dump.pid" ] && kill "$(cat "$WORK/dump.pid")" 2>/dev/null
	rm -f "$WORK/dump.pid"
}

# dump_in_session: the dump through the session, answering 1 when there
# is none or it did not answer within two minutes (db_dump then runs a
# psql of its own). The rows go to a file; the session's own messages (an
# error) and its end mark come back through the FIFO: GNU sed's Q stops
# at the mark without printing it (exit 0), and timeout answers 124 when
# no mark came. Three processes a dump (each costs on the test machine).
dump_in_session() {
	[ -f "$WORK/dump.pid" ] && read -r _dump_pid <"$WORK/dump.pid" &&
		kill -0 "$_dump_pid" 2>/dev/null || return 1
	: >"$WORK/dump.rows"
	printf '%s\n' "\\o $WORK/dump.rows" "$DUMP_SQL" '\o' '\warn dump_done' 1<>"$WORK/dump.in"
	if ! timeout 120 sed '/^dump_done$/Q' <>"$WORK/dump.out" >"$WORK/dump.said"; then
		dump_session_end        # a late answer would answer the next dump
		return 1
	fi
	cat "$WORK/dump.rows" "$WORK/dump.said"
}

# db_new NAME: the address of a second, new database for the script: a
# file in $WORK, or with COPRO_TEST_PG a new empty database on the cluster.
db_new() {
	case $DB in
	postgresql:*) "$PSQL" -X -q -d "$COPRO_TEST_PG" -c "CREATE DATABASE cli_$$_$1" >/dev/null &&
		printf '%s\n' "${DB%dbname=*}dbname=cli_$$_$1" ;;
	*) printf '%s\n' "$WORK/$1.db" ;;
	esac
}

# db_copy NAME: the address of a copy of the script's database as it is
# now, while no copro runs on it: a file in $WORK, or with COPRO_TEST_PG a
# new database of the cluster made from it (CREATE DATABASE ... TEMPLATE).
db_copy() {
	case $DB in
	postgresql:*) dump_session_end   # a template database must have no one connected
		"$PSQL" -X -q -d "$COPRO_TEST_PG" -c "CREATE DATABASE cli_$$_$1 TEMPLATE cli_$$" >/dev/null &&
		printf '%s\n' "${DB%dbname=*}dbname=cli_$$_$1"
		_rc=$?
		dump_session_start
		return $_rc ;;
	*) cp "$DB" "$WORK/$1.db" && printf '%s\n' "$WORK/$1.db" ;;
	esac
}

# sql_text FILE: FILE's text as the inside of an SQL string literal.
sql_text() { sed "s/'/''/g" "$1"; }

# sql_on ADDRESS SQL: runs SQL on that database (a file, or a
# postgresql:// URI) and prints the rows, columns split by |, as sqlite3
# does. db_sql SQL: the same on the script's database.
sql_on() {
	case $1 in
	postgresql:*) "$PSQL" -X -q -At -v ON_ERROR_STOP=1 -d "$1" -c "$2" ;;
	*) sqlite3 "$1" "$2" ;;
	esac
}
db_sql() { sql_on "$DB" "$1"; }

# json_get JSON EXPR: evaluates a jq-like Python expression on JSON text,
# e.g. json_get "$out" 'd["sections"][0]["key"]'. python3 -S: without
# the site module's start-up (a third of the time of each of the
# hundreds of calls; json and the standard library need none of it).
json_get() {
	printf '%s' "$1" | python3 -S -c "import json,sys; d=json.load(sys.stdin); print($2)"
}

# same DESC EXPECTED ACTUAL: the two are equal.
same() {
	if [ "$3" = "$2" ]; then ok "$1"; else not_ok "$1" "expected: $2" "got: $3"; fi
}

# two_orgs: a new database with two organisations, 1 (Riverside Primary
# School, education) and 2 (Hill Lane Therapy, health).
two_orgs() {
	"$COPRO" init >/dev/null
	"$COPRO" org add --name "Riverside Primary School" --sector education >/dev/null
	"$COPRO" org add --name "Hill Lane Therapy" --sector health >/dev/null
}

# ---- the tests' mail server (tests/smtp_sink.py) ---------------------------

# sink_start [OPTIONS]: starts tests/smtp_sink.py (with its OPTIONS, e.g.
# --no-tls, --reject 550, --user U --password P) writing into $WORK/mail,
# and sets SINK_DIR, SINK_PORT, SINK_PID, SINK_CA (its certificate, the
# one to trust) and SINK_URL (smtp://127.0.0.1:PORT). It is stopped at exit.
sink_start() {
	SINK_DIR="$WORK/mail"
	mkdir -p "$SINK_DIR"
	: >"$WORK/sink.out"
	/usr/bin/python3 "$(dirname "$0")/../smtp_sink.py" "$SINK_DIR" "$@" >"$WORK/sink.out" 2>&1 &
	SINK_PID=$!
	trap 'sink_stop; rm -rf "$WORK"' EXIT
	i=0
	while ! grep -q '^port ' "$WORK/sink.out" && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	SINK_PORT=$(sed -n 's/^port //p' "$WORK/sink.out")
	SINK_CA="$SINK_DIR/tls/cert.pem"
	SINK_URL="smtp://127.0.0.1:$SINK_PORT"
}

# sink_stop: stops the sink started by sink_start (if any).
sink_stop() {
	if [ -n "${SINK_PID:-}" ]; then
		kill "$SINK_PID" 2>/dev/null
		wait "$SINK_PID" 2>/dev/null
		SINK_PID=
	fi
}

# sink_config FILE [KEY = VALUE lines...]: a copro config file that sends
# through the sink (smtp-url, smtp-ca-file, mail-from), with more lines.
sink_config() {
	f=$1; shift
	{
		echo "smtp-url = $SINK_URL"
		echo "smtp-ca-file = $SINK_CA"
		echo "mail-from = copro@example.org"
		for line in "$@"; do echo "$line"; done
	} >"$f"
}

# mail_latest ADDRESS [WHAT]: the latest message the sink received for
# ADDRESS, waiting up to 10 s for one: WHAT is file (default), link (its
# first link), text, subject, header:NAME or count (tests/mail_read.py).
mail_latest() {
	/usr/bin/python3 "$(dirname "$0")/../mail_read.py" "$SINK_DIR" "$1" "${2:-file}" --wait 10
}

check() {
	desc=$1; shift
	if "$@"; then ok "$desc"; else not_ok "$desc" "check failed: $*"; fi
}

finish() {
	[ "$_failed" -eq 0 ]
	exit $?
}

# pg_start WHAT: a throw-away PostgreSQL cluster (tests/pg/cluster) for the
# script, its URI in $uri; the script's EXIT trap stops it with pg_stop.
# Without PostgreSQL installed it prints WHAT as skipped and exits 0.
pg_start() {
	_pg=$(cd "$(dirname "$0")/../.." && pwd)/tests/pg/cluster
	uri=$(nice "$_pg" start 2>"$WORK/cluster.err") && return 0
	if grep -q "no initdb found" "$WORK/cluster.err"; then
		echo "ok - $1 # SKIP PostgreSQL is not installed (scripts/install-deps)"
		exit 0
	fi
	echo "not ok - a throw-away cluster starts"
	cat "$WORK/cluster.err"
	exit 1
}
pg_stop() { [ -n "${_pg_own:-}" ] || "$_pg" stop "$uri"; }

# pg_shared WHAT: like pg_start, but on the test run's cluster when there is
# one (tests/run exports COPRO_TEST_CLUSTER): a new database of the
# script's own there, which pg_stop leaves (the cluster goes at the end).
# A script that stops its server needs pg_start's cluster of its own.
pg_shared() {
	[ -n "${COPRO_TEST_CLUSTER:-}" ] || { pg_start "$1"; return; }
	_pg=$(cd "$(dirname "$0")/../.." && pwd)/tests/pg/cluster
	"$_pg" wait "$COPRO_TEST_CLUSTER" >"$WORK/cluster.err" 2>&1 &&
		"$PSQL" -X -q -d "$COPRO_TEST_CLUSTER" -c "CREATE DATABASE shared_$$" >>"$WORK/cluster.err" 2>&1 ||
		{ echo "not ok - a database of its own on the test run's cluster"; cat "$WORK/cluster.err"; exit 1; }
	_pg_own=shared
	case $COPRO_TEST_CLUSTER in
	*\?*) uri="$COPRO_TEST_CLUSTER&dbname=shared_$$" ;;
	*) uri="$COPRO_TEST_CLUSTER?dbname=shared_$$" ;;
	esac
}

# On PostgreSQL the script's dump session (db_dump) starts with it.
case $DB in postgresql:*) dump_session_start ;; esac
