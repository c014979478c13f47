#!/bin/sh
# test_store_sql.sh: PostgreSQL accepts every SQL statement of src/store
# (tests/pg/store_sql.py) on PostgreSQL's schema, on a throw-away cluster.
root=$(cd "$(dirname "$0")/../.." && pwd)
[ -z "${COPRO_TEST_DB:-}" ] && COPRO_TEST_DB=${COPRO_TEST_CLUSTER:-}
if [ -n "$COPRO_TEST_DB" ]; then
	"$root/tests/pg/cluster" wait "$COPRO_TEST_DB" || { echo "not ok - the cluster starts"; exit 1; }
	exec python3 "$root/tests/pg/store_sql.py" "$COPRO_TEST_DB"
fi
exec "$root/tests/pg/cluster" run sh -c 'python3 "$1/tests/pg/store_sql.py" "$COPRO_TEST_DB"' sh "$root"
