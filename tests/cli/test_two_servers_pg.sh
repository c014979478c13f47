#!/bin/sh
# test_two_servers_pg.sh: issue 16 item 3 on PostgreSQL: two `copro serve`
# processes on ONE PostgreSQL database (on the test run's cluster, or a
# throw-away one when run alone): a session made through one is good on
# the other, a change made through either (or
# the command line) shows at once on both although both keep pages
# (their caches check the shared revisions), and failed sign-ins count on
# both. The requests go to each process directly, alternating: nginx in
# front of them adds nothing that depends on the database, and
# test_nginx.sh runs it (with SQLite).
. "$(dirname "$0")/lib.sh"

pg_shared "two servers on PostgreSQL"
pid_a="" pid_b=""
trap 'kill $pid_a $pid_b 2>/dev/null; wait; pg_stop; rm -rf "$WORK"' EXIT
export COPRO_DB="$uri"
cd "$WORK"
"$COPRO" init >/dev/null
"$COPRO" org add --name "Riverside Primary School" --sector education >/dev/null
printf 'a long enough password\n' | "$COPRO" user add --name "Ada Lovelace" --email ada@example.org \
	--role lead --org 1 >/dev/null 2>&1
freeport() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
pa=$(freeport) pb=$(freeport)
"$COPRO" serve --port "$pa" >"$WORK/a.out" 2>"$WORK/a.err" &
pid_a=$!
"$COPRO" serve --port "$pb" >"$WORK/b.out" 2>"$WORK/b.err" &
pid_b=$!
a="http://localhost:$pa" b="http://localhost:$pb"
i=0
while { ! curl -s -o /dev/null "$a/healthz" || ! curl -s -o /dev/null "$b/healthz"; } && [ $i -lt 150 ]; do
	sleep 0.1; i=$((i + 1))
done
same "both answer /healthz" "ok ok" "$(curl -s "$a/healthz") $(curl -s "$b/healthz")"
token() { sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$1" | head -1; }

# Signed in through A; every page after it, from either, is Ada's.
jar="$WORK/ada"
curl -s -c "$jar" -b "$jar" -o "$WORK/form" "$a/sign-in"
same "Ada signs in through A" 303 "$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' \
	--data-urlencode "email=ada@example.org" --data-urlencode "password=a long enough password" \
	--data-urlencode "csrf=$(token "$WORK/form")" "$a/sign-in")"
same "her organisation's page through B (the session is in the database)" "200 200" \
	"$(curl -s -b "$jar" -o "$WORK/orgb" -w '%{http_code}' "$b/org/1") $(curl -s -b "$jar" -o /dev/null -w '%{http_code}' "$a/org/1")"
check "it is her organisation" grep -q "Riverside Primary School" "$WORK/orgb"

# Both keep the page now; a change through the command line shows on both.
"$COPRO" org edit 1 --name "Riverside Community Primary" >/dev/null
shown=0
for s in "$a" "$b" "$a" "$b"; do curl -s -b "$jar" "$s/org/1" | grep -q "Riverside Community Primary" && shown=$((shown + 1)); done
same "a change from the command line shows at once on both" 4 "$shown"

# A change through A shows at once on B's kept actions page.
curl -s -b "$jar" -o /dev/null "$b/org/1/actions"
curl -s -b "$jar" -o "$WORK/new" "$a/org/1/actions/new"
same "an action added through A" 303 "$(curl -s -b "$jar" -o /dev/null -w '%{http_code}' \
	--data-urlencode "csrf=$(token "$WORK/new")" --data-urlencode "title=Ask the young carers group" \
	"$a/org/1/actions")"
check "shows at once on B" sh -c 'curl -s -b "$1" "$2/org/1/actions" | grep -q "Ask the young carers group"' - "$jar" "$b"

# Failed sign-ins alternate between the two; the limit counts them all.
bad="$WORK/attacker"
curl -s -c "$bad" -b "$bad" -o "$WORK/form2" "$a/sign-in"
csrf=$(token "$WORK/form2")
codes=""
for s in "$a" "$b" "$a" "$b" "$a" "$b"; do
	codes="$codes $(curl -s -c "$bad" -b "$bad" -o /dev/null -w '%{http_code}' \
		--data-urlencode "email=ada@example.org" --data-urlencode "password=wrong" \
		--data-urlencode "csrf=$csrf" "$s/sign-in")"
done
same "the sixth failed sign-in is refused, whichever process gets it" " 400 400 400 400 400 429" "$codes"

kill "$pid_a" "$pid_b"
wait "$pid_a"; ra=$?
wait "$pid_b"; rb=$?
pid_a="" pid_b=""
same "both stop cleanly" "0 0" "$ra $rb"
check "nothing alarming on their standard error" sh -c '! grep -q -e Sanitizer -e "runtime error" "$1" "$2"' - "$WORK/a.err" "$WORK/b.err"
finish
