#!/bin/sh
# test_cluster.sh: tests/pg/cluster starts a cluster reachable only through
# its own socket folder, with fsync off but commits that wait for their
# WAL write, and `stop` removes every trace;
# `background` answers at once and `wait` waits for it (tests/run).
root=$(cd "$(dirname "$0")/../.." && pwd)
cluster="$root/tests/pg/cluster"
failed=0
check() { if [ "$2" = "$3" ]; then echo "ok - $1"; else echo "not ok - $1"; echo "#   got '$2', expected '$3'"; failed=$((failed + 1)); fi; }

t0=$(date +%s)
uri=$("$cluster" background) || { echo "not ok - the cluster starts"; exit 1; }
dir=$(echo "$uri" | sed -n 's/.*[?&]host=\([^&]*\).*/\1/p')
check "background answers before the cluster is up" "$(($(date +%s) - t0 < 3)) $(test -e "$dir/starting" && echo starting)" "1 starting"
"$cluster" wait "$uri"
check "wait returns once it is up" "$?" 0
check "it prints a libpq URI with its socket folder" "$(echo "$uri" | grep -c '^postgresql:///copro?host=/')" 1
check "the database answers" "$(psql -X -A -t "$uri" -c 'SELECT 1')" 1
check "no TCP: listen_addresses is empty" "$(psql -X -A -t "$uri" -c 'SHOW listen_addresses')" ""
check "fsync is off, commits still wait for their WAL write" "$(psql -X -A -t "$uri" -c 'SHOW fsync' -c 'SHOW synchronous_commit' | tr '\n' ' ')" "off on "
check "the socket lives in the folder" "$(psql -X -A -t "$uri" -c 'SHOW unix_socket_directories')" "$dir"
check "background (make check's cluster) runs without autovacuum" "$(psql -X -A -t "$uri" -c 'SHOW autovacuum')" off
# cpu counts the server processes of connections that ended: twenty
# more connections add to it.
before=$("$cluster" cpu "$uri")
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do psql -X -q "$uri" -c 'SELECT 1' >/dev/null; done
check "cpu: the cluster's processor seconds grow with its connections" \
	"$(echo "$before $("$cluster" cpu "$uri")" | awk '{ print ($1 ~ /^[0-9]+\.[0-9]$/ && $2 > $1) }')" 1
"$cluster" stop /etc >/dev/null 2>&1
check "stop refuses a folder it did not start" "$? $(test -d /etc && echo there)" "1 there"
"$cluster" stop "$uri"
check "stop removes the folder" "$(test -e "$dir" && echo left || echo gone)" gone
out=$("$cluster" run sh -c 'psql -X -A -t "$COPRO_TEST_DB" -c "SELECT 2"; echo "$COPRO_TEST_DB"')
check "run (with start) gives the command COPRO_TEST_DB" "$(echo "$out" | head -1)" 2
rdir=$(echo "$out" | tail -1 | sed -n 's/.*[?&]host=\([^&]*\).*/\1/p')
check "run removes its cluster after" "$(test -n "$rdir" && test ! -e "$rdir" && echo gone)" gone

buri=$("$cluster" background)
bdir=$(echo "$buri" | sed -n 's/.*[?&]host=\([^&]*\).*/\1/p')
"$cluster" stop "$buri"
check "stop while it starts leaves no server running" \
	"$(test -e "$bdir" && echo left || echo gone) $(ps -eo args | grep -c "^[^ ]*postgres -D $bdir")" "gone 0"
fdir=$(mktemp -d "${TMPDIR:-/tmp}/copro-pg.XXXXXX")
echo "initdb: could not create directory" >"$fdir/failed"
out=$("$cluster" wait "postgresql:///copro?host=$fdir&user=copro" 2>&1)
check "wait fails and says why when the start failed" "$? $(echo "$out" | grep -c 'did not start')$(echo "$out" | grep -c 'could not create directory')" "1 11"
"$cluster" stop "$fdir"
[ "$failed" -eq 0 ]
