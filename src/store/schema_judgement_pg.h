/* schema_judgement_pg.h: migration 28 of schema.c, PostgreSQL only: what
 * PostgreSQL's backend does for the most frequent change, a statement
 * review's judgement and its activity line, made cheaper without changing
 * what the schema allows or what the revisions do. Included by schema.c
 * alone. bench/results.md has the measurements (callgrind, a backend's
 * instructions per judgement: 984,000 before, 665,000 after). */
#ifndef COPRO_STORE_SCHEMA_JUDGEMENT_PG_H
#define COPRO_STORE_SCHEMA_JUDGEMENT_PG_H

/* The CHECK lists of the two tables a judgement writes become domains,
 * with the same lists. PostgreSQL reads a table's CHECK constraints from
 * their stored text, plans and compiles them again at every run of an
 * INSERT or UPDATE: about 190,000 instructions a judgement. A domain's
 * checks are read and planned once per connection (its type cache), and
 * only compiled at each run. The domains are made without their checks
 * first, so that changing a column's type rewrites no table; the checks
 * added after look at every row once. SQLite keeps its CHECKs. */
#define SCHEMA_JUDGEMENT_DOMAINS_PG \
	"CREATE DOMAIN copro_flag AS BIGINT;" \
	"CREATE DOMAIN copro_review_status AS TEXT;" \
	"ALTER TABLE statement_review DROP CONSTRAINT statement_review_status_check," \
	" DROP CONSTRAINT statement_review_with_cyp_check," \
	" DROP CONSTRAINT statement_review_with_parents_check," \
	" DROP CONSTRAINT statement_review_with_practitioners_check," \
	" ALTER COLUMN status TYPE copro_review_status, ALTER COLUMN with_cyp TYPE copro_flag," \
	" ALTER COLUMN with_parents TYPE copro_flag, ALTER COLUMN with_practitioners TYPE copro_flag;" \
	"ALTER TABLE activity DROP CONSTRAINT activity_security_check, ALTER COLUMN security TYPE copro_flag;" \
	"ALTER DOMAIN copro_flag ADD CONSTRAINT copro_flag_check CHECK (VALUE IN (0, 1));" \
	"ALTER DOMAIN copro_review_status ADD CONSTRAINT copro_review_status_check" \
	" CHECK (VALUE IN ('not-started', 'in-progress', 'complete'));"

/* The revision triggers a judgement runs, the same rows written
 * (migration 27's: one per organisation and area a transaction reaches)
 * with less work each: about 110,000 instructions a judgement.
 * - The review's: the evaluation's organisation and area read by one
 *   query, the row written by a plain INSERT, the old evaluation looked
 *   at only when the review moved to another.
 * - The activity line's two first ask copro_revision_new's question in
 *   PL/pgSQL alone, with no query, and run their INSERT only when it may
 *   write. The area's asks it exactly. The organisation's takes the
 *   line's own area for the organisation's: when the two differ the
 *   setting cannot match, so the INSERT runs and copro_revision_new
 *   decides as before; when the setting holds this organisation with
 *   the line's area, that was its area at its last row, and a change of
 *   an organisation's area writes a row with the new one (its own
 *   trigger), so it is still its area. */
#define REVISION_OF_EVALUATION(ev) \
	"SELECT e.organisation_id, g.area_id INTO o, a FROM evaluation e" \
	" LEFT JOIN organisation g ON g.id = e.organisation_id WHERE e.id = " ev ";" \
	" IF FOUND AND copro_revision_new(o, a) THEN" \
	"  INSERT INTO revision_change (organisation_id, area_id) VALUES (o, a);" \
	" END IF;"
#define SCHEMA_JUDGEMENT_TRIGGERS_PG \
	"CREATE OR REPLACE FUNCTION statement_review_revision_update() RETURNS trigger LANGUAGE plpgsql AS $$" \
	"DECLARE o BIGINT; a BIGINT; BEGIN " REVISION_OF_EVALUATION("NEW.evaluation_id") \
	" IF OLD.evaluation_id <> NEW.evaluation_id THEN " REVISION_OF_EVALUATION("OLD.evaluation_id") \
	" END IF; RETURN NULL; END$$;" \
	"CREATE OR REPLACE FUNCTION activity_revision_insert() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN" \
	" IF NEW.organisation_id IS NOT NULL AND current_setting('copro.revision_org', true)" \
	"  IS DISTINCT FROM NEW.organisation_id || ':' || COALESCE(NEW.area_id::text, '') THEN" \
	"  INSERT INTO revision_change (organisation_id, area_id) SELECT o, a FROM" \
	"  (SELECT NEW.organisation_id AS o, (SELECT area_id FROM organisation WHERE id = NEW.organisation_id) AS a) AS r" \
	"  WHERE copro_revision_new(o, a);" \
	" END IF; RETURN NULL; END$$;" \
	"CREATE OR REPLACE FUNCTION activity_area_revision_insert() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN" \
	" IF NEW.area_id IS NOT NULL AND current_setting('copro.revision_area', true)" \
	"  IS DISTINCT FROM NEW.area_id::text AND copro_revision_new(NULL, NEW.area_id) THEN" \
	"  INSERT INTO revision_change (area_id) VALUES (NEW.area_id);" \
	" END IF; RETURN NULL; END$$;"

/* Migration 27's copro_revision_new, the same answers: its settings are
 * written by assignments, which PL/pgSQL evaluates as simple expressions,
 * where PERFORM ran each as a query of its own (about 10,000 instructions
 * a judgement, and in every revision trigger that writes). */
#define SCHEMA_JUDGEMENT_REVISION_NEW_PG \
	"CREATE OR REPLACE FUNCTION copro_revision_new(o BIGINT, a BIGINT) RETURNS boolean LANGUAGE plpgsql AS $$" \
	"DECLARE k TEXT := COALESCE(o::text, '') || ':' || COALESCE(a::text, ''); was TEXT;" \
	" BEGIN" \
	"  IF o IS NULL THEN" \
	"   IF current_setting('copro.revision_area', true) = a::text THEN RETURN false; END IF;" \
	"  ELSIF current_setting('copro.revision_org', true) = k THEN RETURN false;" \
	"  ELSE was := set_config('copro.revision_org', k, true);" \
	"  END IF;" \
	"  was := set_config('copro.revision_area', COALESCE(a::text, ''), true);" \
	"  RETURN true;" \
	" END$$;"

#define SCHEMA_JUDGEMENT_PG \
	SCHEMA_JUDGEMENT_DOMAINS_PG SCHEMA_JUDGEMENT_REVISION_NEW_PG SCHEMA_JUDGEMENT_TRIGGERS_PG

#endif
