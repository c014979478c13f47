# test_partner_limit.sh: `copro serve --partner-limit N`, the throttle of
# partners' answers from one address: bad values refused with exit 2 before
# anything is served, and a low limit answered 429 through the real server
# with nothing written.
. "$(dirname "$0")/lib.sh"

"$COPRO" demo >/dev/null
for bad in 0 -5 12x "" 1000000001 99999999999999999999; do
	expect_fail "--partner-limit '$bad' is refused" 2 \
		"--partner-limit takes a number of answers an hour from one address, from 1 to 1000000000" \
		serve --partner-limit "$bad"
done
expect_fail "--partner-limit with no value is refused" 2 "--partner-limit needs a value" serve --partner-limit
expect_out "serve --help explains --partner-limit" "--partner-limit (default 3000)" serve --help

path=$("$COPRO" views open 1 --groups parents --statements 1i,1ii | sed -n 's|.*\(/v/[A-Za-z0-9_-]*\).*|\1|p')
check "the round's link is printed" [ -n "$path" ]
# Two answers an hour from this address: starting the draft is one, the
# first answer the second; the next is refused.
serve_start --partner-limit 2
# Cookies are __Host- and Secure: curl sends them over http to localhost only.
base="http://localhost:$port"
jar="$WORK/jar"
token() { sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$1" | head -1; }
curl -s -c "$jar" -b "$jar" -o "$WORK/start" "$base$path"
status=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' \
	--data-urlencode "csrf=$(token "$WORK/start")" "$base$path")
check "starting a draft is the first answer from this address (303)" [ "$status" = 303 ]
curl -s -c "$jar" -b "$jar" -o "$WORK/q1" "$base$path/q/1"
status=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' \
	--data-urlencode "csrf=$(token "$WORK/q1")" --data-urlencode "rating=4" "$base$path/q/1")
check "the second is taken (303)" [ "$status" = 303 ]
status=$(curl -s -c "$jar" -b "$jar" -o "$WORK/busy" -w '%{http_code}' \
	--data-urlencode "csrf=$(token "$WORK/q1")" --data-urlencode "rating=2" "$base$path/q/1")
check "the third within the hour is refused with 429" [ "$status" = 429 ]
check "the 429 page says to try again in an hour" grep -q "Please try again in an hour" "$WORK/busy"
check "the refused answer wrote nothing" \
	[ "$(db_sql "SELECT COUNT(*) || ' of ' || MAX(rating) FROM view_answer")" = "1 of 4" ]
kill "$pid"
wait "$pid" 2>/dev/null || true
finish
