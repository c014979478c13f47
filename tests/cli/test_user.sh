#!/bin/sh
# test_user.sh: accounts from the terminal: `copro user add` refuses a
# common password with the reason; `copro user two-factor off` for a
# person locked out of two-factor sign-in, with each bad input refused.
. "$(dirname "$0")/lib.sh"

expect_ok "init" init
printf 'password1234\n' >"$WORK/weak"
expect_fail "user add refuses a common password, saying why" 1 "common word with numbers" \
	user add --name "Ada Area" --email ada@example.org --role area-admin --area Northshire <"$WORK/weak"
printf 'a long enough password\n' | "$COPRO" user add --name "Ada Area" --email ada@example.org \
	--role area-admin --area Northshire >/dev/null 2>&1
check "user add accepts a long passphrase" [ "$?" -eq 0 ]

expect_fail "two-factor off needs an email" 2 "missing argument" user two-factor off
expect_fail "two-factor off of an unknown address says so" 1 "There is no account for nobody@example.org" \
	user two-factor off nobody@example.org
expect_fail "two-factor off of an account without it says so" 1 "does not use two-factor sign-in" \
	user two-factor off ada@example.org

# As if Ada had set it up (the web page stores these) and lost her phone.
db_sql "INSERT INTO two_factor (user_id, secret, confirmed_at, created_at)
	SELECT id, 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM app_user;
	INSERT INTO recovery_code (user_id, code_hash) SELECT id, 'x' FROM app_user;"
expect_out "two-factor off turns it off" "Two-factor sign-in is off for ADA@example.org" \
	user two-factor off ADA@example.org
check "its secret and recovery codes are gone" \
	[ "$(db_sql 'SELECT COUNT(*) FROM two_factor') $(db_sql 'SELECT COUNT(*) FROM recovery_code')" = "0 0" ]
check "the activity log says so" \
	[ "$(db_sql "SELECT COUNT(*) FROM activity WHERE what LIKE 'two-factor sign-in turned off%'")" = 1 ]
expect_out "its help has an example" "Example:" user two-factor off --help

# copro user reset: a link for the terminal operator to pass on.
expect_fail "user reset needs an email" 2 "missing argument" user reset
expect_fail "user reset of an unknown address says so" 1 "There is no account for nobody@example.org" \
	user reset nobody@example.org
expect_out "user reset prints a link to /reset/" "/reset/" user reset ADA@example.org
link=$out
check "the link is the base URL, /reset/ and 64 hex digits" \
	sh -c 'printf "%s" "$1" | grep -qE "^https?://[^ ]+/reset/[0-9a-f]{64}$"' _ "$link"
check "it warns to give it only to the person" sh -c 'printf "%s" "$1" | grep -q "Give it only to them"' _ "$err"
check "only its hash is stored" [ "$(db_sql "SELECT COUNT(*) FROM password_reset WHERE token_hash = '${link##*/}'")" = 0 ]
check "one live link" [ "$(db_sql 'SELECT COUNT(*) FROM password_reset WHERE used_at IS NULL')" = 1 ]
expect_out "its help has an example" "Example:" user reset --help
finish
