# test_trusted_proxy.sh: sign-in lock-out through the real server. The
# client's address comes from X-Forwarded-For only when the peer is a
# trusted proxy; a browser that signed in before keeps its own allowance
# (device cookie) while someone else fails on the account.
. "$(dirname "$0")/lib.sh"

"$COPRO" init >/dev/null
printf 'a long enough password\n' | "$COPRO" user add --name "Ada Area" --email ada@example.org \
	--role area-admin --area "Demo Borough" >/dev/null 2>&1
token() { sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$1" | head -1; }

# try JAR FORWARDED PASSWORD: one sign-in from a signed-out browser
# (its session cookie dropped, any device cookie kept); prints the status.
try() {
	[ -f "$1" ] && awk -F '\t' '$6 != "__Host-copro"' "$1" >"$1.new" && mv "$1.new" "$1"
	curl -s -c "$1" -b "$1" -o "$WORK/form" -H "X-Forwarded-For: $2" "$base/sign-in"
	curl -s -c "$1" -b "$1" -o "$WORK/answer" -w '%{http_code}' -H "X-Forwarded-For: $2" \
		--data-urlencode "email=ada@example.org" --data-urlencode "password=$3" \
		--data-urlencode "csrf=$(token "$WORK/form")" "$base/sign-in"
}
fail5() { for i in 1 2 3 4 5; do try "$1" "$2" "wrong password number $i" >/dev/null; done; }

serve_start --trusted-proxy 127.0.0.1
base="http://localhost:$port"
check "the owner signs in and gets a device cookie" [ "$(try "$WORK/owner" 203.0.113.1 'a long enough password')" = 303 ]
check "the browser keeps the device cookie" grep -q "__Host-copro-device" "$WORK/owner"
fail5 "$WORK/attacker" 203.0.113.9
check "behind the trusted proxy, the attacker's address is locked out" \
	[ "$(try "$WORK/attacker" 203.0.113.9 'a long enough password')" = 429 ]
check "the 429 page says when to try again" grep -q "Wait 15 minutes and try again" "$WORK/answer"
check "another address behind the same proxy is not" \
	[ "$(try "$WORK/other" 203.0.113.2 'a long enough password')" = 303 ]
fail5 "$WORK/attacker" 203.0.113.1
check "an attacker at the owner's own address is locked out" \
	[ "$(try "$WORK/attacker" 203.0.113.1 'a long enough password')" = 429 ]
check "the owner's browser still signs in there" \
	[ "$(try "$WORK/owner" 203.0.113.1 'a long enough password')" = 303 ]
kill "$pid"; wait "$pid" 2>/dev/null

serve_start
base="http://localhost:$port"
fail5 "$WORK/untrusted" 198.51.100.1
check "without --trusted-proxy the header is ignored: a new forwarded address is still locked" \
	[ "$(try "$WORK/untrusted" 198.51.100.2 'a long enough password')" = 429 ]
check "and the browser with its device cookie signs in" \
	[ "$(try "$WORK/owner" 198.51.100.2 'a long enough password')" = 303 ]
kill "$pid"; wait "$pid" 2>/dev/null
finish
