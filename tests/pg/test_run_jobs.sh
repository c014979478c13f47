#!/bin/sh
# test_run_jobs.sh: tests/run runs each program of tests/pg/passing.txt
# again on PostgreSQL as a job of its own, never a layer as one job (the
# command-line scripts' layer took 649 s in one job and ended make
# check), and starts those runs of the scripts, the longest, before the
# rest when no times are known.
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
[ "$failed" -eq 0 ]
