#!/bin/sh
# test_nginx.sh: the nginx configuration of docs/deploy-proxy.md, taken from
# the document as written, runs on loopback (a non-root prefix in a temporary
# folder, a self-signed certificate, no system service) in front of two
# `copro serve` processes on one SQLite database, and: serves a page through
# TLS; a browser signed in through one process is signed in on the other; a
# change shows at once on both; failed sign-ins count on both; the client's
# address comes from X-Forwarded-For only through the proxy; and a slow
# client's body is held by nginx, not by a copro connection.
. "$(dirname "$0")/lib.sh"

root=$(cd "$(dirname "$0")/../.." && pwd)
for tool in nginx openssl; do
	if ! command -v "$tool" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$tool" ]; then
		echo "ok - nginx in front of two copro processes # SKIP $tool is not installed (scripts/install-deps)"
		exit 0
	fi
done
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
freeport() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
pa=$(freeport) pb=$(freeport) tls=$(freeport) plain=$(freeport)

# ---- the configuration, from the document ---------------------------------
# block NAME: the nginx block after the marker "test_nginx.sh: NAME".
block() {
	awk -v mark="<!-- test_nginx.sh: $1 -->" '
		$0 == mark { found = 1; next }
		found && /^```nginx/ { inside = 1; next }
		inside && /^```/ { exit }
		inside { print }' "$root/docs/deploy-proxy.md"
}
prefix="$WORK/nginx"
mkdir -p "$prefix/tmp"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=copro.example.org \
	-addext "subjectAltName=DNS:copro.example.org" \
	-keyout "$prefix/key.pem" -out "$prefix/cert.pem" >/dev/null 2>&1
# The test's ports and certificate for the document's.
block copro.conf | sed -e "s/127\.0\.0\.1:8080/127.0.0.1:$pa/; s/127\.0\.0\.1:8081/127.0.0.1:$pb/" \
	-e "s/listen 443 /listen 127.0.0.1:$tls /; s/listen 80;/listen 127.0.0.1:$plain;/" \
	-e "s|/etc/ssl/copro/fullchain.pem|$prefix/cert.pem|; s|/etc/ssl/copro/privkey.pem|$prefix/key.pem|" \
	>"$prefix/copro.conf"
# On one machine the client and nginx would both be 127.0.0.1: nginx
# connects to copro from 127.0.0.2 here, the one address copro trusts, so
# that believing the header and not believing it give different answers.
{ block copro_proxy.conf; echo "proxy_bind 127.0.0.2;"; } >"$prefix/copro_proxy.conf"
check "the document holds both blocks" test -s "$prefix/copro.conf" -a -s "$prefix/copro_proxy.conf"
user=""
[ "$(id -u)" -eq 0 ] && user="user root;"
cat >"$prefix/nginx.conf" <<CONF
$user
daemon off;
worker_processes 1;
pid $prefix/nginx.pid;
error_log $prefix/error.log warn;
events { worker_connections 256; }
http {
    access_log $prefix/access.log;
    client_body_temp_path $prefix/tmp/body;
    proxy_temp_path $prefix/tmp/proxy;
    fastcgi_temp_path $prefix/tmp/fastcgi;
    uwsgi_temp_path $prefix/tmp/uwsgi;
    scgi_temp_path $prefix/tmp/scgi;
    include copro.conf;
}
CONF
"$NGINX" -t -p "$prefix" -c "$prefix/nginx.conf" -e "$prefix/error.log" >"$WORK/nginx-t" 2>&1
status=$? out=$(cat "$WORK/nginx-t") err=""
same "nginx accepts the document's configuration (nginx -t)" 0 "$status"

# ---- two copro processes on one database -----------------------------------
"$COPRO" init >/dev/null
"$COPRO" org add --name "Riverside Primary School" --sector education >/dev/null
printf 'a long enough password\n' | "$COPRO" user add --name "Ada Lovelace" --email ada@example.org \
	--role lead --org 1 >/dev/null 2>&1
start_copro() {
	"$COPRO" serve --port "$1" --behind-https --trusted-proxy 127.0.0.2 --log-addresses \
		>"$WORK/copro-$1.out" 2>"$WORK/copro-$1.log" &
}
start_copro "$pa"; pid_a=$!
start_copro "$pb"; pid_b=$!
"$NGINX" -p "$prefix" -c "$prefix/nginx.conf" -e "$prefix/error.log" >/dev/null 2>&1 &
nginx_pid=$!
trap 'kill $pid_a $pid_b 2>/dev/null; kill -QUIT $nginx_pid 2>/dev/null; wait; rm -rf "$WORK"' EXIT
up() { curl -s -o /dev/null "$@"; }
i=0
while { ! up "http://127.0.0.1:$pa/healthz" || ! up "http://127.0.0.1:$pb/healthz" ||
	! up "http://127.0.0.1:$plain/"; } && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done

site="https://copro.example.org:$tls"
tlscurl() { curl -s --cacert "$prefix/cert.pem" --resolve "copro.example.org:$tls:127.0.0.1" "$@"; }
token() { sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$1" | head -1; }
# logged PATTERN FILE...: grep -q, waiting up to 3 s (copro writes its
# request lines out every 200 ms).
logged() {
	pattern=$1; shift
	for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do
		grep -q -- "$pattern" "$@" && return 0
		sleep 0.2
	done
	return 1
}

same "plain http is sent to https" "301 https://copro.example.org/sign-in" \
	"$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -H 'Host: copro.example.org' "http://127.0.0.1:$plain/sign-in")"
same "a page through TLS" 200 "$(tlscurl -D "$WORK/h" -o "$WORK/page" -w '%{http_code}' "$site/sign-in")"
check "it is the sign-in page" grep -q '<title>Sign in' "$WORK/page"
check "with HSTS (--behind-https)" grep -qi '^Strict-Transport-Security: max-age=' "$WORK/h"
same "/healthz through the proxy" "ok" "$(tlscurl "$site/healthz")"

# Sign in once; every page after it, from either process, is Ada's.
jar="$WORK/ada"
tlscurl -c "$jar" -b "$jar" -o "$WORK/form" "$site/sign-in"
same "Ada signs in through the proxy" 303 "$(tlscurl -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' \
	--data-urlencode "email=ada@example.org" --data-urlencode "password=a long enough password" \
	--data-urlencode "csrf=$(token "$WORK/form")" "$site/sign-in")"
codes=""
for n in 1 2 3 4; do codes="$codes $(tlscurl -b "$jar" -o "$WORK/org$n" -w '%{http_code}' "$site/org/1")"; done
same "four pages of her organisation in a row are hers" " 200 200 200 200" "$codes"
for p in "$pa" "$pb"; do
	check "copro on port $p served her a page (the session is in the database)" \
		logged ' route=/org/{org} status=200 ' "$WORK/copro-$p.log"
done
"$COPRO" org edit 1 --name "Riverside Community Primary" >/dev/null
shown=0
for n in 1 2 3 4; do tlscurl -b "$jar" "$site/org/1" | grep -q "Riverside Community Primary" && shown=$((shown + 1)); done
same "a change made by another process shows at once on both (kept pages are checked)" 4 "$shown"

# Failed sign-ins alternate between the two; the limit counts them all.
bad="$WORK/attacker"
tlscurl -c "$bad" -b "$bad" -o "$WORK/form2" "$site/sign-in"
csrf=$(token "$WORK/form2")
codes=""
for n in 1 2 3 4 5 6; do
	codes="$codes $(tlscurl -c "$bad" -b "$bad" -o "$WORK/answer" -w '%{http_code}' \
		--data-urlencode "email=ada@example.org" --data-urlencode "password=wrong number $n" \
		--data-urlencode "csrf=$csrf" "$site/sign-in")"
done
same "the sixth failed sign-in is refused, whichever process gets it" " 400 400 400 400 400 429" "$codes"

# The client's address: X-Forwarded-For from the proxy only.
tlscurl -o /dev/null "$site/accessibility"
tlscurl -o /dev/null -H "X-Forwarded-For: 203.0.113.9" "$site/help"
curl -s -o /dev/null -H "X-Forwarded-For: 203.0.113.9" "http://127.0.0.1:$pa/cookies"
logs="$WORK/copro-$pa.log $WORK/copro-$pb.log"
# shellcheck disable=SC2086
check "through the proxy, copro takes the client's address from the header" \
	logged ' route=/accessibility status=200 .* client=127\.0\.0\.1$' $logs
# shellcheck disable=SC2086
check "an address the client wrote in the header itself is not believed" \
	logged ' route=/help status=200 .* client=127\.0\.0\.1$' $logs
check "nor from a client that is not the proxy" \
	logged ' route=/cookies status=200 .* client=127\.0\.0\.1$' "$WORK/copro-$pa.log"
# shellcheck disable=SC2086
same "no request was counted as 203.0.113.9's, or as the proxy's own" "" \
	"$(cat $logs | grep -E 'client=(203\.0\.113\.9|127\.0\.0\.2)$')"

# nginx's access log (on for every site in Debian's nginx.conf, and in
# this test's) keeps nothing of copro's requests: not the address as
# typed, with its search words or a partner's token.
tlscurl -o /dev/null -b "$jar" "$site/org/1/search?q=Lovelace"
tlscurl -o /dev/null "$site/v/apartnerstoken0123"
curl -s -o /dev/null -H 'Host: copro.example.org' "http://127.0.0.1:$plain/join/aninvitationtoken"
sleep 0.5
same "nginx's access log holds none of copro's requests" "" \
	"$(grep -E 'Lovelace|apartnerstoken|aninvitationtoken|sign-in|healthz' "$prefix/access.log")"

# A slow client: nginx holds its body; copro sees the request only whole.
python3 - "$tls" "$prefix/cert.pem" "$pa" "$pb" >"$WORK/slow" 2>&1 <<'PY'
import socket, ssl, sys, time
port, ca, pa, pb = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
def copro_connections():
    n = 0
    for line in open("/proc/net/tcp").read().splitlines()[1:]:
        f = line.split()
        if f[3] == "01" and int(f[1].split(":")[1], 16) in (pa, pb):
            n += 1
    return n
ctx = ssl.create_default_context(cafile=ca)
body = b"a=" + b"x" * 998
before = copro_connections()
socks = []
for _ in range(10):
    s = ctx.wrap_socket(socket.create_connection(("127.0.0.1", port)), server_hostname="copro.example.org")
    s.sendall(b"POST /help HTTP/1.1\r\nHost: copro.example.org\r\n"
              b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n" + body[:10])
    socks.append(s)
time.sleep(1.5)
during = copro_connections()
for s in socks:
    s.sendall(body[10:])
answers = []
for s in socks:
    s.settimeout(10)
    answers.append(s.recv(64).split(b"\r\n")[0].decode())
    s.close()
print("before", before, "during", during)
print("answers", sorted(set(answers)))
PY
before=$(sed -n 's/^before \([0-9]*\) during.*/\1/p' "$WORK/slow")
during=$(sed -n 's/^before [0-9]* during \([0-9]*\)/\1/p' "$WORK/slow")
check "ten clients halfway through a body hold no connection to copro (copro had $before, then $during)" \
	test -n "$before" -a "${during:-999}" -le "${before:-0}"
same "each is answered by copro once its body is whole" "answers ['HTTP/1.1 405 Method Not Allowed']" \
	"$(grep '^answers' "$WORK/slow")"
[ "$_failed" -eq 0 ] || { echo "# nginx's error log:"; sed 's/^/#   /' "$prefix/error.log" | tail -20; }
finish
