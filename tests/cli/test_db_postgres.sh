#!/bin/sh
# test_db_postgres.sh: until copro passes its tests on PostgreSQL, a
# postgresql:// database is refused plainly (not taken for a file name),
# whether it comes from --db or COPRO_DB, and no password is echoed.
. "$(dirname "$0")/lib.sh"

NOT_YET="PostgreSQL cannot be used yet: copro's support for it is still being built. Give --db the path of a database file instead, for example --db copro.db."
cd "$WORK"
expect_fail "init on a postgresql:// URI is refused as not yet supported" 1 "copro init: $NOT_YET" \
	--db 'postgresql:///copro?host=/tmp/none' init
same "nothing was made for it" "" "$(ls "$WORK" | grep -v -e '^stdout$' -e '^stderr$')"
COPRO_DB='postgres://someone:s3cret@db.example/copro'
expect_fail "a postgres:// COPRO_DB is refused too" 1 "copro org list: $NOT_YET" org list
check "the password is not echoed" sh -c '! printf "%s" "$1" | grep -q s3cret' - "$err"
finish
