# test_setup_code.sh: the set-up code (issue 15, hole 6): `copro serve` on
# a database with data and no account prints one; /setup refuses to make
# the administrator without it; `copro setup-code` prints a new one that
# replaces it, and refuses once an account exists.
. "$(dirname "$0")/lib.sh"

"$COPRO" demo >/dev/null
serve_start
base="http://localhost:$port"
code=$(sed -n 's/^Set-up code: \([0-9A-Z-]*\)$/\1/p' "$WORK/serve.log" | tail -1)
check "copro serve prints a set-up code of six groups of four" \
	sh -c "printf '%s' '$code' | grep -Eq '^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){5}$'"
codes=$(db_sql 'SELECT COUNT(*) FROM setup_code')
db_dump >"$WORK/dump"
check "only its hash is stored" sh -c "[ '$codes' = 1 ] && ! grep -qF '$code' '$WORK/dump'"

jar="$WORK/jar"
token() { sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$1" | head -1; }
# setup CODE: the set-up form sent with CODE; its status in $status.
setup() {
	curl -s -c "$jar" -b "$jar" -o "$WORK/form" "$base/setup"
	status=$(curl -s -c "$jar" -b "$jar" -o "$WORK/body" -w '%{http_code}' --data-urlencode "csrf=$(token "$WORK/form")" \
		--data-urlencode "code=$1" --data-urlencode "name=Asha Patel" --data-urlencode "email=asha@example.org" \
		--data-urlencode "area=Demo Borough" --data-urlencode "password=correct horse battery staple" "$base/setup")
}
setup ""
check "without the code, /setup refuses with 400" [ "$status" = 400 ]
check "and says what to do" grep -q "Enter the set-up code copro printed when it started" "$WORK/body"
check "and makes no account" [ "$(db_sql "SELECT COUNT(*) FROM app_user")" = 0 ]

run setup-code
check "copro setup-code prints a new code" sh -c "[ '$status' = 0 ] && printf '%s' '$out' | grep -Eq '^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){5}$'"
check "and says where it goes" sh -c "printf '%s' \"\$1\" | grep -qF 'set-up page (/setup)'" _ "$err"
fresh=$out
setup "$code"
check "the code serve printed no longer works" [ "$status" = 400 ]
check "the page says the code is not right" grep -q "The set-up code is not right" "$WORK/body"
setup "$fresh"
check "the new code makes the administrator" [ "$status" = 303 ]
check "one account, the code spent" [ "$(db_sql "SELECT COUNT(*) FROM app_user") $(db_sql "SELECT COUNT(*) FROM setup_code")" = "1 0" ]
expect_fail "setup-code refuses once an account exists" 1 "copro is set up already" setup-code
expect_fail "setup-code takes no arguments" 2 "unknown option --now" setup-code --now

kill "$pid"
wait "$pid" 2>/dev/null
# A later start of a set-up copro prints no code.
serve_start
check "a set-up copro prints no code" sh -c "! grep -q 'Set-up code' '$WORK/serve.log'"
kill "$pid"
wait "$pid" 2>/dev/null
finish
