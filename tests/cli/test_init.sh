#!/bin/sh
# test_init.sh: creating a database, never overwriting one, finding it
# (--db, $COPRO_DB), a missing database, a file that is not a database, and
# the schema's journal mode and migration table.
. "$(dirname "$0")/lib.sh"

# A command on a database that does not exist says how to make one, and
# makes nothing.
expect_fail "org list on a missing database exits 1" 1 \
	"copro org list: there is no database at $DB: run \`copro init\` to create one, or give --db PATH (or set COPRO_DB)." \
	org list
check "org list did not create the database" [ ! -e "$DB" ]
expect_fail "org add on a missing database exits 1" 1 "run \`copro init\` to create one" \
	org add --name "Riverside Primary School" --sector education
check "org add did not create the database" [ ! -e "$DB" ]
expect_fail "import on a missing database exits 1" 1 "there is no database at $DB" import /dev/null
check "import did not create the database" [ ! -e "$DB" ]

# init creates an empty database at the newest schema version.
expect_ok "init creates the database" init
schema=$(sqlite3 "$DB" 'SELECT MAX(version) FROM schema_migration')
same "init says where and which schema" \
	"Created an empty copro database at $DB (schema $schema).
Next: copro org add --name \"...\" --sector education   (or: copro demo)" "$out"
check "init prints nothing on stderr" [ -z "$err" ]
check "the database file exists" [ -f "$DB" ]
expect_out "org list on the new database says there are none" "No organisations yet. Add one with:" org list

# The schema: WAL journal mode and the migration table, one row per version
# from 1 up.
same "the journal mode is wal" "wal" "$(sqlite3 "$DB" 'PRAGMA journal_mode')"
check "the schema version is a number of at least 1" [ "$schema" -ge 1 ]
same "the migration table records versions 1 to $schema, each once" "1 $schema $schema" \
	"$(sqlite3 "$DB" "SELECT MIN(version) || ' ' || MAX(version) || ' ' || COUNT(DISTINCT version) FROM schema_migration")"
same "every migration's applied_at is a UTC time stamp" "$schema" \
	"$(sqlite3 "$DB" "SELECT COUNT(*) FROM schema_migration WHERE applied_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'")"
same "the schema has the tables of an evaluation" 10 \
	"$(sqlite3 "$DB" "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('action_item', 'area', 'evaluation', 'evidence', 'evidence_link', 'framework_version', 'organisation', 'own_indicator', 'schema_migration', 'statement_review')")"
same "the new database holds no rows" 0 \
	"$(sqlite3 "$DB" 'SELECT (SELECT COUNT(*) FROM organisation) + (SELECT COUNT(*) FROM framework_version) + (SELECT COUNT(*) FROM area)')"

# init again on an empty database is fine and changes nothing.
before=$(db_dump)
expect_ok "init again on an empty database" init
same "init again says the database is already empty" \
	"$DB is already an empty copro database (schema $schema)." "$(printf '%s\n' "$out" | head -1)"
same "init again changed nothing" "$before" "$(db_dump)"

# init on a database with data refuses and keeps the data.
expect_out "add an organisation" "Added organisation 1: Riverside Primary School" \
	org add --name "Riverside Primary School" --sector education --area Rotherham
expect_fail "init on a database with data exits 1" 1 \
	"copro init: $DB already holds data, and init never overwrites it: use it as it is, or give --db a new path." \
	init
check "init on a database with data prints nothing on stdout" [ -z "$out" ]
same "the organisation is still there" "1|Riverside Primary School" \
	"$(sqlite3 "$DB" 'SELECT id, name FROM organisation')"
expect_fail "init through --db on the same file also refuses" 1 "never overwrites" --db "$DB" init

# --db beats $COPRO_DB; --db=PATH works too.
OTHER="$WORK/other.db"
expect_ok "init --db another path" --db "$OTHER" init
same "init --db created the file --db names" \
	"Created an empty copro database at $OTHER (schema $schema)." "$(printf '%s\n' "$out" | head -1)"
expect_out "org add --db goes to the --db database" "Added organisation 1: Other School" \
	--db "$OTHER" org add --name "Other School" --sector education
same "the --db database holds its organisation" "Other School" "$(sqlite3 "$OTHER" 'SELECT name FROM organisation')"
same "\$COPRO_DB's database was not touched" "Riverside Primary School" "$(sqlite3 "$DB" 'SELECT group_concat(name) FROM organisation')"
run --db="$OTHER" org list --json
same "--db=PATH reads the same database" "['Other School']" "$(json_get "$out" '[o["name"] for o in d]')"
run org list --json
same "without --db, \$COPRO_DB is used" "['Riverside Primary School']" "$(json_get "$out" '[o["name"] for o in d]')"
THIRD="$WORK/third.db"
(COPRO_DB=$THIRD; export COPRO_DB; "$COPRO" init >/dev/null 2>&1)
check "\$COPRO_DB alone picks the database" [ -f "$THIRD" ]
# With neither, ./copro.db in the current directory.
mkdir "$WORK/cwd"
(cd "$WORK/cwd" && COPRO_DB="" "$COPRO" init >/dev/null 2>&1)
check "with neither --db nor \$COPRO_DB, init makes ./copro.db" [ -f "$WORK/cwd/copro.db" ]

# A file that is not a database: a clear message, and the file untouched.
NOTDB="$WORK/notes.db"
printf 'These are my meeting notes, not a database.\n' >"$NOTDB"
expect_fail "org list on a text file exits 1" 1 \
	"copro org list: $NOTDB is not a copro database or is damaged: restore it from a backup, or use --db to pick another." \
	--db "$NOTDB" org list
expect_fail "init on a text file exits 1" 1 "$NOTDB is not a copro database or is damaged" --db "$NOTDB" init
expect_fail "org add on a text file exits 1" 1 "$NOTDB is not a copro database or is damaged" \
	--db "$NOTDB" org add --name X --sector care
same "the text file is unchanged" "These are my meeting notes, not a database." "$(cat "$NOTDB")"
check "no journal was left beside the text file" [ ! -e "$NOTDB-wal" ]

# A directory where the database should be.
mkdir "$WORK/folder.db"
expect_fail "a directory as the database exits 1" 1 \
	"copro org list: $WORK/folder.db is not a file: give --db the path of a database file." \
	--db "$WORK/folder.db" org list
expect_fail "init into a folder that does not exist exits 1" 1 \
	"copro init: cannot open the database $WORK/nowhere/x.db: check that the folder exists and is writable." \
	--db "$WORK/nowhere/x.db" init
check "init made no folder" [ ! -e "$WORK/nowhere" ]

# A database from a newer copro is refused, not downgraded.
NEWER="$WORK/newer.db"
"$COPRO" --db "$NEWER" init >/dev/null
sqlite3 "$NEWER" "INSERT INTO schema_migration (version, applied_at) VALUES (99, '2030-01-01T00:00:00Z')"
DB_SAVED=$DB
DB=$NEWER
expect_fail "a database from a newer copro exits 1" 1 \
	"copro org list: the database $NEWER was made by a newer copro (schema 99, this one knows $schema): upgrade copro." \
	--db "$NEWER" org list
DB=$DB_SAVED

finish
