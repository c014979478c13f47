# test_partner_serve.sh: a partner answers a round of views through the
# real server, as a phone would: the form cookie and the answer cookie,
# each answer on disk when the 303 comes; a small body limit; a closed
# link answered 410 without its body being read (a body too large for
# any partner form still gets the friendly 410, not a 413).
. "$(dirname "$0")/lib.sh"

"$COPRO" demo >/dev/null
path=$("$COPRO" views open 1 --groups parents --statements 1i,1ii | sed -n 's|.*\(/v/[A-Za-z0-9_-]*\).*|\1|p')
check "the round's link is printed" [ -n "$path" ]
serve_start
# Cookies are __Host- and Secure: curl sends them over http to localhost only.
base="http://localhost:$port"
jar="$WORK/jar"
token() { sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$1" | head -1; }

status=$(curl -s -c "$jar" -b "$jar" -o "$WORK/start" -w '%{http_code}' "$base$path")
check "the start page is 200" [ "$status" = 200 ]
check "the start page names the organisation" grep -q "Riverside" "$WORK/start"
check "the start page says who to tell" grep -q "worried about your safety" "$WORK/start"
status=$(curl -s -c "$jar" -b "$jar" -D "$WORK/h1" -o /dev/null -w '%{http_code}' \
	--data-urlencode "csrf=$(token "$WORK/start")" "$base$path")
check "starting is a 303" [ "$status" = 303 ]
check "the answer cookie is __Host-, Secure, HttpOnly, with no expiry" \
	grep -q 'Set-Cookie: __Host-copro-answer=[A-Za-z0-9_-]*; Path=/; Secure; HttpOnly; SameSite=Lax' "$WORK/h1"
curl -s -c "$jar" -b "$jar" -o "$WORK/q1" "$base$path/q/1"
check "question 1 asks how well" grep -q "How well does" "$WORK/q1"
status=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' \
	--data-urlencode "csrf=$(token "$WORK/q1")" --data-urlencode "rating=4" "$base$path/q/1")
check "an answer is a 303" [ "$status" = 303 ]
check "the answer is on disk when the 303 comes" \
	[ "$(db_sql "SELECT COUNT(*) FROM view_answer WHERE rating = 4")" = 1 ]
python3 -c 'print("csrf=x&good=" + "a"*40000)' >"$WORK/big"
status=$(curl -s -c "$jar" -b "$jar" -o "$WORK/body" -w '%{http_code}' --data-binary "@$WORK/big" "$base$path/q/1/comments")
check "a partner form over 32 KB is 413" [ "$status" = 413 ]
check "the 413 page says the limit in plain words" grep -q "up to 1,000 characters" "$WORK/body"

"$COPRO" views close 1 >/dev/null
status=$(curl -s -c "$jar" -b "$jar" -o "$WORK/body" -w '%{http_code}' --data-binary "@$WORK/big" "$base$path/q/1/comments")
check "a closed link is 410 before its body is read" [ "$status" = 410 ]
check "the 410 page is friendly" grep -q "This link is closed" "$WORK/body"
status=$(curl -s -o "$WORK/body" -w '%{http_code}' --data 'x=1' "$base/v/not-a-real-link/q/1")
check "an unknown link is 404" [ "$status" = 404 ]
check "nothing more was written" [ "$(db_sql "SELECT COUNT(*) FROM view_answer")" = 1 ]
kill "$pid"
wait "$pid" 2>/dev/null || true
finish
