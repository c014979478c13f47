#!/bin/sh
# test_request_log.sh: `copro serve` writes one line per request on stderr
# with the route's pattern, the status, the time and the bytes, and never a
# name, an email address, the address as typed or (unless asked) the
# client's IP address; GET /healthz through the real server.
. "$(dirname "$0")/lib.sh"

"$COPRO" init >/dev/null
"$COPRO" org add --name "Riverside Primary School" --sector education >/dev/null
printf 'a long enough password\n' | "$COPRO" user add --name "Ada Lovelace" --email ada@example.org \
	--role lead --org 1 >/dev/null 2>&1
token() { sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$1" | head -1; }

# One worker thread, whose connection is open once serve_start has had its
# answer: /healthz then always checks the schema on an open connection (a
# thread opening a connection after the schema moved on is refused at
# once, and /healthz says "the database cannot be opened").
serve_start --threads 1
base="http://localhost:$port"
jar="$WORK/jar"
echo "serve_start's GET /sign-in" >"$WORK/requests"
# get CURL-ARGS: one request, counted in $WORK/requests (get runs in $(...)).
get() { echo "$*" >>"$WORK/requests"; curl -s -b "$jar" -c "$jar" -o "$WORK/page" -w '%{http_code}' "$@"; }

same "GET /healthz answers 200" 200 "$(get -D "$WORK/headers" "$base/healthz")"
same "its body is ok" "ok" "$(cat "$WORK/page")"
check "as plain text" grep -qi '^Content-Type: text/plain; charset=utf-8' "$WORK/headers"
check "never kept by a cache" grep -qi '^Cache-Control: no-store' "$WORK/headers"
check "with no cookie" sh -c '! grep -qi "^Set-Cookie" "$1"' _ "$WORK/headers"

get "$base/sign-in" >/dev/null
same "Ada signs in (an email and a password in the form)" 303 "$(get --data-urlencode "email=ada@example.org" \
	--data-urlencode "password=a long enough password" --data-urlencode "csrf=$(token "$WORK/page")" "$base/sign-in")"
get "$base/org/1/people/invite" >/dev/null
csrf=$(token "$WORK/page")
same "she invites Grace Hopper by email" 200 "$(get --data-urlencode "name=Grace Hopper" \
	--data-urlencode "email=grace.hopper@example.org" --data-urlencode "role=viewer" \
	--data-urlencode "csrf=$csrf" "$base/org/1/people/invite")"
same "a search for an email address" 200 "$(get "$base/org/1/search?q=grace.hopper%40example.org")"
same "an address holding an email is a 404" 404 "$(get "$base/people/ada@example.org")"
same "a made-up method" 405 "$(get -X LOVELACE "$base/help")"
get "$base/assets/no-such-file.css" >/dev/null

# A newer copro migrated the database (an upgrade under way): 503.
latest=$(db_sql 'SELECT MAX(version) FROM schema_migration')
db_sql "INSERT INTO schema_migration (version, applied_at) VALUES ($((latest + 1)), 'test')"
same "/healthz answers 503 once the schema is newer than this copro" 503 "$(get "$base/healthz")"
same "saying why in one line" "unavailable: the database schema is $((latest + 1)), this copro knows $latest" \
	"$(cat "$WORK/page")"
get "$base/healthz" >/dev/null
db_sql "DELETE FROM schema_migration WHERE applied_at = 'test'"
same "and 200 again once it is not" 200 "$(get "$base/healthz")"
kill "$pid"; wait "$pid" 2>/dev/null

log="$WORK/serve.log"
same "the server's log says once that /healthz failed, and why" 1 \
	"$(grep -c "^copro serve: /healthz answers 503: the database schema is $((latest + 1)), this copro knows $latest: upgrade this copro" "$log")"
same "and once that it is ok again" 1 "$(grep -c '^copro serve: /healthz answers ok again' "$log")"
same "one line per request" "$(wc -l <"$WORK/requests")" "$(grep -c '^request ' "$log")"
pattern='^request time=[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z method=(GET|POST|OTHER) route=(/[^ ]*|-) status=[0-9]{3} ms=[0-9]+\.[0-9]{3} bytes=[0-9]+( cut=1)?$'
same "every line has the time, method, route, status, milliseconds and bytes" "" \
	"$(grep '^request ' "$log" | grep -Ev "$pattern")"
check "the invitation is logged by its route" grep -q ' method=POST route=/org/{org}/people/invite status=200 ' "$log"
check "sign-in's redirect" grep -q ' method=POST route=/sign-in status=303 ' "$log"
check "the search by its route, without its words" grep -q ' method=GET route=/org/{org}/search status=200 ' "$log"
check "the 404 with no route" grep -q ' method=GET route=- status=404 ' "$log"
check "the made-up method as OTHER" grep -q ' method=OTHER route=- status=405 ' "$log"
check "the health checks" grep -q ' method=GET route=/healthz status=503 ' "$log"
same "no name, email address or IP address is in the log" "" \
	"$(grep -i -E 'ada|lovelace|grace|hopper|example|@|%40|127\.0\.0\.1|/org/1' "$log")"

serve_start --log-addresses
kill "$pid"; wait "$pid" 2>/dev/null
check "--log-addresses adds the client's address" grep -q ' route=/sign-in status=[0-9]* .* client=127\.0\.0\.1$' "$WORK/serve.log"
serve_start --quiet
kill "$pid"; wait "$pid" 2>/dev/null
same "--quiet writes no line per request" 0 "$(grep -c '^request ' "$WORK/serve.log")"
expect_fail "--quiet with --log-addresses is refused" 2 "--quiet writes no line per request" \
	serve --quiet --log-addresses --port 1
finish
