/* schema_gold.h: migration 14 of schema.c (Charter Gold, issue 14), kept
 * here so that schema.c stays readable. Included by schema.c alone, after
 * its trigger macros. */
#ifndef COPRO_STORE_SCHEMA_GOLD_H
#define COPRO_STORE_SCHEMA_GOLD_H

/* Charter Gold (issue 14): the area's settings for readiness and
 * awards; assessors, each invited by an area administrator to one
 * evaluation until a date (the join link's token stored only as a
 * SHA-256 hash, cleared when used); the assessor's comment per
 * statement; and decisions, awarded (with the reaccreditation due
 * date) or not yet (with reasons), kept as a history. */
#define SCHEMA_GOLD \
	"CREATE TABLE gold_area_setting (" \
	"  area_id INTEGER PRIMARY KEY REFERENCES area (id)," \
	"  evidence_years INTEGER NOT NULL DEFAULT 2 CHECK (evidence_years BETWEEN 1 AND 10)," \
	"  award_years INTEGER NOT NULL DEFAULT 3 CHECK (award_years BETWEEN 1 AND 10)," \
	"  updated_at TEXT NOT NULL);" \
	"CREATE TABLE assessor (" \
	"  id INTEGER PRIMARY KEY," \
	"  organisation_id INTEGER NOT NULL REFERENCES organisation (id)," \
	"  evaluation_id INTEGER NOT NULL REFERENCES evaluation (id) ON DELETE CASCADE," \
	"  user_id INTEGER REFERENCES app_user (id) ON DELETE SET NULL," \
	"  name TEXT NOT NULL," \
	"  email TEXT NOT NULL," \
	"  token_hash TEXT UNIQUE," \
	"  invite_expires_at TEXT NOT NULL," \
	"  until TEXT NOT NULL," \
	"  ended_at TEXT," \
	"  created_by INTEGER REFERENCES app_user (id) ON DELETE SET NULL," \
	"  created_at TEXT NOT NULL);" \
	"CREATE INDEX assessor_user ON assessor (user_id);" \
	"CREATE INDEX assessor_evaluation ON assessor (evaluation_id);" \
	"CREATE TABLE gold_comment (" \
	"  evaluation_id INTEGER NOT NULL REFERENCES evaluation (id) ON DELETE CASCADE," \
	"  element_key TEXT NOT NULL," \
	"  comment TEXT NOT NULL," \
	"  author TEXT NOT NULL," \
	"  updated_at TEXT NOT NULL," \
	"  PRIMARY KEY (evaluation_id, element_key));" \
	"CREATE TABLE gold_decision (" \
	"  id INTEGER PRIMARY KEY," \
	"  organisation_id INTEGER NOT NULL REFERENCES organisation (id)," \
	"  evaluation_id INTEGER NOT NULL REFERENCES evaluation (id) ON DELETE CASCADE," \
	"  decision TEXT NOT NULL CHECK (decision IN ('awarded', 'not-yet'))," \
	"  reasons TEXT NOT NULL DEFAULT ''," \
	"  decided_on TEXT NOT NULL," \
	"  due_on TEXT," \
	"  assessor TEXT NOT NULL," \
	"  created_at TEXT NOT NULL," \
	"  CHECK ((decision = 'awarded' AND due_on IS NOT NULL)" \
	"      OR (decision = 'not-yet' AND due_on IS NULL AND reasons <> '')));" \
	"CREATE INDEX gold_decision_organisation ON gold_decision (organisation_id, decided_on);" \
	SCHEMA_GOLD_TRIGGERS

/* Apart, so that PostgreSQL's baseline (schema_pg.c) has them too. */
#define SCHEMA_GOLD_TRIGGERS \
	ORG_TRIGGERS("assessor", ORG_DIRECT) \
	ORG_TRIGGERS("gold_decision", ORG_DIRECT) \
	ORG_TRIGGERS("gold_comment", VIA_EVALUATION) \
	AREA_TRIGGERS("gold_area_setting", AREA_DIRECT) \
	AREA_ORGS_TRIGGERS("gold_area_setting", AREA_DIRECT)

#endif
