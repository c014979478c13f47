#!/usr/bin/env python3
"""store_sql.py URI: PostgreSQL prepares every statement of src/store.

Reads the SQL texts the store files hold (after the C preprocessor, so
macros are expanded; SQL_DIALECT's PostgreSQL text where there are two),
builds PostgreSQL's schema from schema_pg.c's baseline and the later
migrations' texts in a new database on the cluster at URI, and asks
PostgreSQL to PREPARE each statement (parameters numbered as SQLite numbers
them). The engine prepares
each text once, before any value is bound, so a parameter whose type the
SQL does not tell (`? IS NULL` alone) fails too: CAST(? AS TEXT) tells
it. Prints TAP: one line per store file."""
import codecs
import os
import re
import subprocess
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
# Files without SQL of their own, or whose SQL is the engines' own
# business (pragmas, catalogues, the schema itself; copy_table.c's
# statements are made from the names a catalogue gives, tested by
# tests/cli/test_migrate.sh).
SKIP = {'schema.c', 'schema_pg.c', 'db.c', 'sql.c', 'wal.c', 'backup.c', 'connection.c', 'copy_table.c'}
# Statements on a path that runs on SQLite only, behind store_engine_is_pg:
# (file, a piece of the statement).
SQLITE_ONLY = {('evidence_file.c', 'zeroblob(')}  # SQLite's incremental blob I/O
LITERALS = re.compile(r'((?:"(?:[^"\\\n]|\\.)*"\s*)+)')
STATEMENT = re.compile(r'^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b', re.I)


def preprocess(path):
    # The store's headers include libpq's, which Debian keeps outside the
    # compiler's own search path (/usr/include/postgresql).
    pq = subprocess.run(['pkg-config', '--cflags-only-I', 'libpq'], check=True,
                        capture_output=True, text=True).stdout.split()
    flags = ['-Isrc', '-std=c11', '-D_POSIX_C_SOURCE=200809L', '-D_DEFAULT_SOURCE'] + pq
    return subprocess.run(['cc', '-E', '-P'] + flags + [path], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout


def join(literals):
    """The text of adjacent C string literals."""
    parts = re.findall(r'"((?:[^"\\\n]|\\.)*)"', literals)
    raw = ''.join(parts)
    return codecs.escape_decode(raw.encode('utf-8'))[0].decode('utf-8')


def pg_texts(code):
    """Each SQL_DIALECT(s, a, b) of the preprocessed code reduced to b."""
    pat = re.compile(r'\(store_engine_is_pg\([^()]*\) \? \(((?:"(?:[^"\\\n]|\\.)*"\s*)+)\) : '
                     r'\(((?:"(?:[^"\\\n]|\\.)*"\s*)+)\)\)')
    return pat.sub(lambda m: m.group(1), code)


def schema():
    base = preprocess('src/store/schema_pg.c')
    baseline = join(re.search(r'schema_pg_baseline\[\] =\s*' + LITERALS.pattern, base).group(1))
    version = int(re.search(r'schema_pg_baseline_version = (\d+)', base).group(1))
    lite = preprocess('src/store/schema.c')
    # A migration's text is string literals, or an array of another file
    # (schema_revisions.c's), named in its entry.
    text = LITERALS.pattern + r'|(\w+)'
    entries = re.findall(r'\{\s*\.sqlite = (?:' + text + r')(?:,\s*\.pg = (?:' + text + r'))?\}', lite)
    arrays = {}
    for name in sorted(os.listdir(os.path.join(ROOT, 'src/store'))):
        if name.startswith('schema_') and name.endswith('.c') and name != 'schema_pg.c':
            for m in re.finditer(r'(\w+)\[\] =\s*' + LITERALS.pattern, preprocess('src/store/' + name)):
                arrays[m.group(1)] = join(m.group(2))
    later = [join(pg) if pg else arrays[pg_name] if pg_name else join(sqlite) if sqlite else arrays[sqlite_name]
             for sqlite, sqlite_name, pg, pg_name in entries[version:]]
    return baseline + '\n' + '\n'.join(later)


def statements():
    out = []
    for name in sorted(os.listdir(os.path.join(ROOT, 'src/store'))):
        if not name.endswith('.c') or name in SKIP or name.startswith('engine'):
            continue
        code = pg_texts(preprocess('src/store/' + name))
        seen = set()
        for m in LITERALS.finditer(code):
            sql = join(m.group(1))
            if any(f == name and piece in sql for f, piece in SQLITE_ONLY):
                continue
            if STATEMENT.match(sql) and sql not in seen:
                seen.add(sql)
                out.append((name, sql))
    return out


def numbered(sql):
    """SQLite's parameters as $N: ?N is N; ? and a new :name the largest so far plus one."""
    state = {'max': 0, 'names': {}}

    def one(m):
        t = m.group(0)
        if t.startswith('?') and len(t) > 1:
            k = int(t[1:])
        elif t == '?':
            k = state['max'] + 1
        elif t in state['names']:
            k = state['names'][t]
        else:
            k = state['max'] + 1
            state['names'][t] = k
        state['max'] = max(state['max'], k)
        return '$%d' % k
    parts = re.split(r"('(?:[^']|'')*')", sql)
    for i in range(0, len(parts), 2):
        parts[i] = re.sub(r'\?\d*|(?<![:\w]):[a-z_][a-z0-9_]*', one, parts[i])
    return ''.join(parts)


def dollar(text):
    return '$sql$' + text + '$sql$'


def psql(uri, script, stop):
    return subprocess.run(['psql', '-X', '-q', '-A', '-t', '-F', '|', '-v',
                           'ON_ERROR_STOP=%d' % stop, '-d', uri],
                          input='\n'.join(script) + '\n', capture_output=True, text=True)


def main():
    uri = sys.argv[1]
    stmts = statements()
    db = 'store_sql_%d' % os.getpid()  # the run's cluster is shared
    script = ['DROP DATABASE IF EXISTS %s;' % db, 'CREATE DATABASE %s;' % db, '\\connect %s' % db,
              'BEGIN;', schema(), 'COMMIT;',
              'CREATE TEMP TABLE stmt (n int, sql text, refused text);']
    for n, (_, sql) in enumerate(stmts):
        script.append('INSERT INTO stmt VALUES (%d, %s, NULL);' % (n, dollar(numbered(sql))))
    script.append('''DO $do$ DECLARE r record; BEGIN
  FOR r IN SELECT n, sql FROM stmt ORDER BY n LOOP
    BEGIN
      EXECUTE format('PREPARE s%s AS %s', r.n, r.sql);
      EXECUTE format('DEALLOCATE s%s', r.n);
    EXCEPTION WHEN others THEN
      UPDATE stmt SET refused = SQLERRM WHERE n = r.n;
    END;
  END LOOP;
END $do$;''')
    script.append("SELECT n, replace(refused, E'\\n', ' ') FROM stmt WHERE refused IS NOT NULL ORDER BY n;")
    run = psql(uri, script, stop=True)
    if run.returncode != 0:
        print('not ok - PostgreSQL builds the schema and runs the check')
        print('# ' + run.stderr.strip().replace('\n', '\n# '))
        return 1
    refused = {}
    for line in run.stdout.splitlines():
        n, _, why = line.partition('|')
        refused[int(n)] = why
    failed = 0
    files = sorted({f for f, _ in stmts})
    for f in files:
        mine = [(n, sql) for n, (g, sql) in enumerate(stmts) if g == f]
        bad = [(n, sql) for n, sql in mine if n in refused]
        if bad:
            failed += 1
            print('not ok - PostgreSQL prepares the statements of src/store/%s (%d of %d refused)'
                  % (f, len(bad), len(mine)))
            for n, sql in bad:
                print('#   %s\n#     %s' % (refused[n], sql[:200]))
        else:
            print('ok - PostgreSQL prepares the statements of src/store/%s (%d)' % (f, len(mine)))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
