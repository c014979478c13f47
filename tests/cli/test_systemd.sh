#!/bin/sh
# test_systemd.sh: the systemd units of dist/: the hardening docs/deploy.md
# promises is there, systemd-analyze verifies them (when it is installed)
# and rates the service's exposure low, copro@.service is copro.service but
# for the port, and the units' own commands (with a temporary folder for
# /var/lib and /etc) make the database, serve it and back it up.
. "$(dirname "$0")/lib.sh"

dist="$(cd "$(dirname "$0")/../.." && pwd)/dist"
unit="$dist/copro.service"
for key in 'User=copro' 'StateDirectory=copro' 'ProtectSystem=strict' 'ProtectHome=yes' \
	'PrivateTmp=yes' 'NoNewPrivileges=yes' 'CapabilityBoundingSet=$' 'RestrictAddressFamilies=' \
	'SystemCallFilter=@system-service' 'MemoryDenyWriteExecute=yes' 'Restart=on-failure'; do
	check "copro.service has $key" grep -q "^$key" "$unit"
done
check "it serves with /etc/copro/copro.conf" \
	grep -q '^ExecStart=/usr/local/bin/copro --config /etc/copro/copro.conf serve ' "$unit"
# The database is COPRO_DB, so that /etc/copro/copro.env can name a
# PostgreSQL database off the command line (docs/deploy.md): a --db there
# would win over it, and copro would serve the SQLite file instead.
check "its database is COPRO_DB, /var/lib/copro/copro.db unless copro.env says otherwise" \
	grep -q '^Environment=COPRO_DB=/var/lib/copro/copro.db$' "$unit"
check "copro.env is read after it, and may be missing" grep -q '^EnvironmentFile=-/etc/copro/copro.env$' "$unit"
same "no command of the service or its backup names a database itself" "" \
	"$(grep -E '^Exec.* --db ' "$unit" "$dist/copro@.service" "$dist/copro-backup.service")"
for key in 'Environment=COPRO_DB=/var/lib/copro/copro.db$' 'EnvironmentFile=-/etc/copro/copro.env$'; do
	check "copro-backup.service has the service's $key" grep -q "^$key" "$dist/copro-backup.service"
done
# The template, with its port and description put back, is the same unit.
sed -e '/^#/d' -e 's/ --port %i / /; s/ on port %i$//' "$dist/copro@.service" >"$WORK/template"
sed -e '/^#/d' "$unit" >"$WORK/plain"
same "copro@.service is copro.service but for the port" "" "$(diff "$WORK/plain" "$WORK/template")"
check "copro-backup.timer starts a backup every night" grep -q '^OnCalendar=\*-\*-\* 02:30:00' "$dist/copro-backup.timer"

# The units as `make install` writes them, with this copro in them.
mkdir -p "$WORK/units"
for f in "$dist"/*.service "$dist"/*.timer; do
	sed "s|/usr/local/bin/copro|$COPRO|g" "$f" >"$WORK/units/$(basename "$f")"
done
if command -v systemd-analyze >/dev/null 2>&1; then
	run_sa() { systemd-analyze "$@" >"$WORK/sa.out" 2>&1; status=$?; out=$(cat "$WORK/sa.out"); err=""; }
	run_sa verify "$WORK/units/copro.service" "$WORK/units/copro@.service" \
		"$WORK/units/copro-backup.service" "$WORK/units/copro-backup.timer"
	same "systemd-analyze verify finds nothing wrong with the units" "0 " "$status $out"
	run_sa security --offline=yes --threshold=20 "$WORK/units/copro.service"
	same "systemd-analyze security rates copro.service's exposure 2.0 or lower" 0 "$status"
else
	ok "systemd-analyze verify # SKIP systemd-analyze is not installed"
fi

# ExecSTART LINE: the unit's command for this test's folders, unescaped
# as systemd does ($$ and %%), the template's %i the port.
command_of() {
	sed -n "s/^$1=//p" "$WORK/units/$2" | sed -e "s|/var/lib/copro-backups|$WORK/backups|g" \
		-e "s|/var/lib/copro|$WORK/state|g" -e "s|/etc/copro|$WORK/etc|g" \
		-e "s/%i/$port/g" -e 's/\$\$/$/g' -e 's/%%/%/g'
}
mkdir -p "$WORK/state" "$WORK/etc" "$WORK/backups"
: >"$WORK/etc/copro.conf"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# UNIT's environment: its Environment= line, then copro.env's, as
# systemd sets them (the file's win).
unit_env() {
	env_line=$(command_of Environment "${1:-copro@.service}")
	[ -z "$env_line" ] || export "$env_line"
	if [ -f "$WORK/etc/copro.env" ]; then set -a; . "$WORK/etc/copro.env"; set +a; fi
}
unit_env
eval "$(command_of ExecStartPre copro@.service)" >/dev/null
check "the service's first start makes the database" [ -f "$WORK/state/copro.db" ]
eval "$(command_of ExecStartPre copro@.service)" >/dev/null
same "and a second start leaves it be" 0 "$?"
# copro.env naming a PostgreSQL database: the first start makes no SQLite
# file (that database is made once, by `copro init`).
printf 'COPRO_DB=postgresql://copro@db.invalid/copro\n' >"$WORK/etc/copro.env"
unit_env
eval "$(command_of ExecStartPre copro@.service)" >"$WORK/pre.out" 2>&1
same "with COPRO_DB=postgresql://... in copro.env the first start does nothing" "0 " "$? $(cat "$WORK/pre.out")"
# copro.env naming another database: the service serves that one.
printf 'COPRO_DB=%s\n' "$WORK/state/other.db" >"$WORK/etc/copro.env"
unit_env
eval "$(command_of ExecStartPre copro@.service)" >/dev/null
check "copro.env's COPRO_DB is the one the first start makes" [ -f "$WORK/state/other.db" ]
# The unit's own file moved away: only copro.env's database can be served.
mv "$WORK/state/copro.db" "$WORK/state/copro.db.away"
eval "$(command_of ExecStart copro@.service) >$WORK/serve.out 2>$WORK/serve.log &"
pid=$!
i=0
while ! curl -s -o /dev/null "http://127.0.0.1:$port/healthz" && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
same "copro@$port.service's copro answers on its port" "ok" "$(curl -s "http://127.0.0.1:$port/healthz")"
check "the database it serves is the one copro.env names" [ -f "$WORK/state/other.db-wal" ]
mv "$WORK/state/copro.db.away" "$WORK/state/copro.db"
rm "$WORK/etc/copro.env"
unit_env copro-backup.service
eval "$(command_of ExecStart copro-backup.service)" >/dev/null
same "copro-backup.service's command makes one backup, named by the time" 1 \
	"$(find "$WORK/backups" -name 'copro-20*Z.db' | wc -l)"
check "the backup is a copro database" sh -c 'sqlite3 "$(find "$1" -name "copro-*.db")" "SELECT MAX(version) FROM schema_migration" | grep -q "^[0-9]"' _ "$WORK/backups"
# copro.env naming a PostgreSQL database: the backup is refused before
# any connection (the unit has no network), pointing to pg_dump.
printf 'COPRO_DB=postgresql://copro@db.invalid/copro\n' >"$WORK/etc/copro.env"
unit_env copro-backup.service
rm "$WORK/backups"/copro-*.db
eval "$(command_of ExecStart copro-backup.service)" >"$WORK/backup.out" 2>&1
same "with COPRO_DB=postgresql://... in copro.env copro-backup.service fails" 1 "$?"
case $(cat "$WORK/backup.out") in
"copro backup: copro backup copies SQLite databases only: back up a PostgreSQL database with pg_dump, for example pg_dump --format=custom --file=$WORK/backups/copro-"*".db 'postgresql://copro@db.invalid/copro' (docs/deploy.md"*) ok "and says to use pg_dump, naming that database" ;;
*) not_ok "and says to use pg_dump, naming that database" "$(cat "$WORK/backup.out")" ;;
esac
same "and writes nothing" 0 "$(find "$WORK/backups" -type f | wc -l)"
kill "$pid"; wait "$pid" 2>/dev/null
finish
