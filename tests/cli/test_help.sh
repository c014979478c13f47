#!/bin/sh
# test_help.sh: the overview, each command's help, unknown commands and
# options, command families and --version. None of these needs a database.
. "$(dirname "$0")/lib.sh"

# same DESC EXPECTED ACTUAL: exact text.
COMMANDS="frameworks|framework show|framework validate|org add|org list|org show|org edit|evaluation start|evaluation list|evaluation show|evaluation status|statement show|statement set|indicator add|evidence add|evidence edit|evidence list|evidence show|evidence link|evidence unlink|action add|action list|action update|init|demo|export|import|backup"

# copro alone: the overview on stderr, exit 2 (nothing was asked).
run
check "copro alone exits 2" [ "$status" -eq 2 ]
check "copro alone prints nothing on stdout" [ -z "$out" ]
same "copro alone starts with the one-line summary" \
	"copro: co-production self-evaluation, evidence and actions, from the terminal." \
	"$(printf '%s\n' "$err" | head -1)"
check "copro alone shows the usage line" \
	sh -c 'printf "%s" "$1" | grep -qxF "Usage: copro [--db PATH] [--config FILE] COMMAND [ARGUMENTS]"' _ "$err"

# copro help: the same overview on stdout, exit 0.
expect_out "copro help shows the usage line" "Usage: copro [--db PATH] [--config FILE] COMMAND [ARGUMENTS]" help
overview=$out
check "copro help prints nothing on stderr" [ -z "$err" ]
same "copro help is the overview copro alone prints" "$overview" "$("$COPRO" 2>&1 >/dev/null)"
same "copro help says where the database is" \
	"The database is --db PATH or a postgresql:// URI, else \$COPRO_DB, else ./copro.db." \
	"$(printf '%s\n' "$overview" | sed -n 5p)"
same "copro help ends with where to start" \
	"  copro init && copro demo && copro evaluation show 1" \
	"$(printf '%s\n' "$overview" | tail -1)"
listed=$(printf '%s\n' "$overview" | sed -n '/^Commands:$/,/^$/p' | sed -n 's/^  \([a-z][a-z]*\( [a-z][a-z]*\)\{0,1\}\)  .*/\1/p' |
	tr '\n' '|' | sed 's/|$//')
# Every command this test knows is listed, in this order (others may follow).
same "copro help lists the 28 core commands in order" "$COMMANDS" \
	"$(printf '%s\n' "$listed" | tr '|' '\n' | grep -Fx "$(printf '%s\n' "$COMMANDS" | tr '|' '\n')" | tr '\n' '|' | sed 's/|$//')"
same "copro help lists each command with a summary" "  org add                add an organisation (a school, setting or service)" \
	"$(printf '%s\n' "$overview" | grep '^  org add ')"
expect_out "copro --help shows the overview" "Usage: copro [--db PATH] [--config FILE] COMMAND [ARGUMENTS]" --help
same "copro --help is copro help" "$overview" "$out"
expect_out "copro -h shows the overview" "Start here:" -h

# Every listed command's help: `copro help CMD` and `copro CMD --help` print
# the same text, starting with its usage line and holding an example.
IFS='|'
for cmd in $listed; do
	unset IFS
	# shellcheck disable=SC2086 # the command's words are separate arguments
	run help $cmd
	via_help=$out
	if [ "$status" -eq 0 ] && [ -z "$err" ] &&
		printf '%s\n' "$out" | head -1 | grep -q "^Usage: copro \(\[--db PATH\] \)\{0,1\}$cmd\( \|$\)" &&
		printf '%s\n' "$out" | grep -qx "Example:" &&
		printf '%s\n' "$out" | sed -n '/^Example:$/{n;p;}' | grep -q "copro .*$cmd"; then
		ok "copro help $cmd: usage line and an Example:"
	else
		not_ok "copro help $cmd: usage line and an Example:"
	fi
	# shellcheck disable=SC2086
	run $cmd --help
	if [ "$status" -eq 0 ] && [ "$out" = "$via_help" ]; then ok "copro $cmd --help is copro help $cmd"
	else not_ok "copro $cmd --help is copro help $cmd"; fi
	IFS='|'
done
unset IFS

expect_ok "copro help org add" help org add
same "copro help org add: its first lines" \
	"Usage: copro org add --name TEXT --sector S [options]

  --name TEXT       the organisation's name
  --sector S        education, health, care or voluntary" "$(printf '%s\n' "$out" | head -4)"
same "copro help org add: its example" \
	"Example:
  copro org add --name \"Riverside Primary School\" --sector education \\
    --type \"Community school\" --area \"Rotherham\" --urn 106020" \
	"$(printf '%s\n' "$out" | sed -n '/^Example:$/,$p')"
help_org_add=$out
expect_ok "copro org add --help" org add --help
same "copro org add --help is copro help org add" "$help_org_add" "$out"
expect_ok "-h after the command's options also shows its help" org add --name X -h
same "copro org add --name X -h is copro help org add" "$help_org_add" "$out"
check "--help needs no database" [ ! -e "$DB" ]

# Unknown commands and options: exit 2 and a pointer to copro help.
expect_fail "an unknown command exits 2" 2 \
	'copro: there is no command "frob": `copro help` lists them.' frob
check "an unknown command prints nothing on stdout" [ -z "$out" ]
expect_fail "copro help of an unknown command exits 2" 2 \
	'copro: there is no command "frob": `copro help` lists them.' help frob
expect_fail "an unknown global option exits 2" 2 \
	"copro: unknown option --bogus: the options before a command are --db PATH, --config FILE, --help and --version." \
	--bogus org list
expect_fail "--db without a path exits 2" 2 \
	"copro: --db needs a PATH, for example: copro --db school.db init" --db
expect_fail "an unknown option of a command exits 2" 2 \
	"copro org list: unknown option --bogus." org list --bogus
same "an unknown option of a command points to its help" \
	"\`copro org list --help\` shows how to use it." "$(printf '%s\n' "$err" | tail -1)"
expect_fail "a flag given a value exits 2" 2 "copro org list: --json takes no value." org list --json=yes
expect_fail "an extra argument exits 2" 2 'copro org list: unexpected argument "extra".' org list extra
check "no command made a database" [ ! -e "$DB" ]

# A family name alone lists its commands.
expect_fail "copro org alone exits 2" 2 "copro org needs a command:" org
same "copro org alone lists the five org commands" \
	"copro org needs a command:
  copro org add                add an organisation (a school, setting or service)
  copro org list               list organisations
  copro org show               show one organisation and its evaluations
  copro org edit               change an organisation's details
  copro org import-csv         add or update an area's organisations from a CSV file" "$err"
check "copro org alone prints nothing on stdout" [ -z "$out" ]
expect_fail "copro evidence alone lists the ten evidence commands" 2 "copro evidence needs a command:" evidence
same "copro evidence alone: ten commands" 10 "$(printf '%s\n' "$err" | grep -c '^  copro evidence ')"
expect_fail "copro org frob names the unknown command and lists the org commands" 2 \
	'copro org has no command "frob"; its commands are:' org frob
same "copro org frob: the five org commands follow" 5 "$(printf '%s\n' "$err" | grep -c '^  copro org ')"
expect_ok "copro org --help lists the org commands" org --help
same "copro org --help: the list, on stdout" "copro org commands:" "$(printf '%s\n' "$out" | head -1)"
same "copro org --help: the five org commands" 5 "$(printf '%s\n' "$out" | grep -c '^  copro org ')"
expect_ok "copro views -h lists the views commands" views -h
check "copro views -h names views open" sh -c 'printf "%s\n" "$1" | grep -q "^  copro views open "' _ "$out"

# --version
expect_ok "copro --version" --version
release=$(cat "$(dirname "$0")/../../VERSION")
check "copro --version starts with the release in the file VERSION ($release)" \
	sh -c 'printf "%s\n" "$1" | head -1 | grep -Eq "^copro $2( \(git [^)]+\))?\$"' _ "$out" "$release"
latest=$(sqlite3 "$DB" 'SELECT MAX(version) FROM schema_migration' 2>/dev/null)
[ -n "$latest" ] || { "$COPRO" init >/dev/null; latest=$(sqlite3 "$DB" 'SELECT MAX(version) FROM schema_migration'); }
same "copro --version names the schema a new database gets" "database schema $latest" \
	"$(printf '%s\n' "$out" | sed -n 2p)"
same "copro --version names the database library" "SQLite $(sqlite3 -version | cut -d' ' -f1)" \
	"$(printf '%s\n' "$out" | sed -n 3p)"
check "copro --version names the PostgreSQL client library" \
	sh -c 'printf "%s\n" "$1" | sed -n 4p | grep -Eq "^PostgreSQL client library \(libpq\) [0-9]+\.[0-9]+\$"' _ "$out"
check "copro --version prints nothing on stderr" [ -z "$err" ]

finish
