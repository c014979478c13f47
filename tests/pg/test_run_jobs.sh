#!/bin/sh
# test_run_jobs.sh: tests/run runs each program of tests/pg/passing.txt
# again on PostgreSQL as a job of its own, never a layer as one job (the
# command-line scripts' layer took 649 s in one job and ended make
# check), and starts those runs of the scripts, the longest, before the
# rest when no times are known; and its processor line.
root=$(cd "$(dirname "$0")/../.." && pwd)
failed=0
check() { if [ "$2" = "$3" ]; then echo "ok - $1"; else echo "not ok - $1"; echo "#   got '$2', expected '$3'"; failed=$((failed + 1)); fi; }

jobs=$(sh "$root/tests/run" --jobs build)
listed=$(grep -E '^(store|domain|web|cli)/' "$root/tests/pg/passing.txt" | sort)
check "every listed program is a PostgreSQL job" "$(echo "$jobs" | sed -n 's/^pg pg://p' | sort)" "$listed"
check "no job runs a layer" "$(echo "$jobs" | grep -c -e 'units\.sh' -e 'tests/pg/test_[a-z]*_pg\.sh$' -e '^pg pg:[a-z]*$')" 0
first_cli=$(echo "$jobs" | grep -n "^tap $root/tests/cli/" | head -1 | cut -d: -f1)
last_pg_cli=$(echo "$jobs" | grep -n '^pg pg:cli/' | tail -1 | cut -d: -f1)
check "the scripts' PostgreSQL runs start before the scripts" "$((last_pg_cli < first_cli))" 1
check "the browser tests start first" "$(echo "$jobs" | head -1 | cut -d' ' -f1)" browser
# The processor line: the jobs' own time, and the machine's busy share
# from /proc/stat (what the jobs' times miss), on a run of one job in a
# root of its own (no cluster: COPRO_TEST_CLUSTER names a stand-in).
fake=$(mktemp -d)
mkdir -p "$fake/tests/pg" "$fake/b/tests/x"
cp "$root/tests/run" "$fake/tests/run"
: >"$fake/tests/pg/passing.txt"
printf '#!/bin/sh\necho "ok - lint"\n' >"$fake/tests/lint"
printf '#!/bin/sh\necho "[  PASSED  ] 1 test(s)."\n' >"$fake/b/tests/x/test_a"
chmod +x "$fake/tests/lint" "$fake/b/tests/x/test_a"
line=$(cd "$fake" && COPRO_TEST_CLUSTER=none sh tests/run --no-browser b | grep '^# processor time:')
rm -rf "$fake"
check "the processor line says how busy the machine was" \
	"$(printf '%s' "$line" | grep -cE 'in [0-9]+ s on [0-9]+ processors \([0-9]+% of it\); the machine was busy [0-9]+% of it')" 1
[ "$failed" -eq 0 ]
