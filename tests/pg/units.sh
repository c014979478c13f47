#!/bin/sh
# units.sh LAYER: the unit test programs of LAYER (store, domain, web),
# or the command-line scripts (cli: tests/cli/lib.sh gives each a database
# of its own), listed in tests/pg/passing.txt run again on PostgreSQL, on the test
# run's cluster (or one of their own), two at a time; each program has
# databases of its own (tests/testutil.c). One TAP line a program, with
# its failures under it. COPRO names the build's copro; the test programs
# sit beside it (BUILD/tests/LAYER). tests/run runs each listed program
# as a job of its own (units.sh one PROGRAM, on its cluster), so that the
# longest-first order spreads them; a layer at once is for a run by hand.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(dirname "${COPRO:-$root/build/copro}")
export COPRO_FRAMEWORKS="${COPRO_FRAMEWORKS:-$root/frameworks}" CMOCKA_MESSAGE_OUTPUT=STDOUT

# one PROGRAM: runs it in a folder of its own and prints its TAP line.
if [ "${1:-}" = one ]; then
	t="$build/tests/$2"
	dir=$(mktemp -d)
	start=$(date +%s)
	case $2 in
	*.sh) (cd "$dir" && COPRO_TEST_PG=$COPRO_TEST_DB sh "$root/tests/$2") >"$dir/out" 2>&1
		rc=$?
		grep -q '^not ok' "$dir/out" && rc=1 ;;
	*) (cd "$dir" && "$t") >"$dir/out" 2>&1
		rc=$? ;;
	esac
	secs=$(($(date +%s) - start))
	if [ "$rc" -eq 0 ] && ! grep -q -e 'ERROR: AddressSanitizer' -e 'ERROR: LeakSanitizer' \
		-e 'runtime error:' "$dir/out"; then
		echo "ok - $2 on PostgreSQL (${secs}s)"
		skipped=$(sed -n 's/^\[  SKIPPED \] \([0-9][0-9]*\) test.*/\1/p' "$dir/out" | tail -1)
		[ -n "$skipped" ] && echo "# $2: $skipped SQLite-only tests skipped on PostgreSQL"
	else
		echo "not ok - $2 on PostgreSQL (exit $rc)"
		grep -e '^\[  FAILED  \] [a-z]' -e 'ERROR' -e 'error:' -e '^not ok' "$dir/out" | sort -u | head -20 | sed 's/^/#   /'
	fi
	rm -rf "$dir"
	exit 0
fi

# The test run's cluster (tests/run) when there is one, else one of its own.
[ -z "${COPRO_TEST_DB:-}" ] && COPRO_TEST_DB=${COPRO_TEST_CLUSTER:-}
if [ -n "$COPRO_TEST_DB" ]; then
	"$root/tests/pg/cluster" wait "$COPRO_TEST_DB" || { echo "not ok - the cluster starts"; exit 1; }
else
	start=$(date +%s)
	COPRO_TEST_DB=$("$root/tests/pg/cluster" start) || { echo "not ok - the cluster starts"; exit 1; }
	trap '"$root/tests/pg/cluster" stop "$COPRO_TEST_DB"' EXIT
	echo "# cluster started in $(($(date +%s) - start))s"
fi
export COPRO_TEST_DB
layer=${1:?usage: tests/pg/units.sh store|domain|web|cli}
out=$(grep "^$layer/" "$root/tests/pg/passing.txt" |
	xargs -P 2 -I{} sh "$0" one {})
printf '%s\n' "$out"
! printf '%s\n' "$out" | grep -q '^not ok'
