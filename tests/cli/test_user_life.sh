#!/bin/sh
# test_user_life.sh: `copro user disable|enable|delete EMAIL`: an account
# turned off and on again, deleted (only with --yes) with its name erased
# from the activity log; unknown addresses and missing arguments refused
# with nothing written.
. "$(dirname "$0")/lib.sh"

two_orgs
echo 'plum kettle orbit saffron' | "$COPRO" user add --name "Sam Lee" --email sam@example.org --role lead --org 1 >/dev/null
expect_out "disable" "Turned off the account of sam@example.org" user disable SAM@example.org
same "... marked in the database" 1 "$(db_sql "SELECT COUNT(*) FROM app_user WHERE disabled_at IS NOT NULL")"
same "... said in the area's log" 1 \
	"$(db_sql "SELECT COUNT(*) FROM activity WHERE what = 'account turned off by copro (the command line)'")"
expect_out "enable" "Turned on the account of sam@example.org." user enable sam@example.org
same "... on again" 0 "$(db_sql "SELECT COUNT(*) FROM app_user WHERE disabled_at IS NOT NULL")"

expect_fail "an unknown address" 1 "there is no account for nobody@example.org" user disable nobody@example.org
expect_fail "no address" 2 "" user disable
expect_fail "delete without --yes" 2 "cannot be undone: add --yes" user delete sam@example.org
db_sql "INSERT INTO activity (at, user_id, user_name, organisation_id, what)
	SELECT '2026-01-01T00:00:00Z', id, name, 1, 'added evidence' FROM app_user WHERE email = 'sam@example.org'"
expect_out "delete" "shown as made by \"a former member\"" user delete sam@example.org --yes
same "... the account is gone" 0 "$(db_sql "SELECT COUNT(*) FROM app_user")"
same "... what it did stays, by a former member" 1 \
	"$(db_sql "SELECT COUNT(*) FROM activity WHERE what = 'added evidence' AND user_name = 'a former member'")"
same "... its name is nowhere in the log" 0 "$(db_sql "SELECT COUNT(*) FROM activity WHERE user_name LIKE '%Sam%'")"
expect_fail "delete again" 1 "there is no account for sam@example.org" user delete sam@example.org --yes
finish
