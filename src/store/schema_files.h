/* schema_files.h: migration 16 of schema.c (evidence files, issue 14),
 * kept here so that schema.c stays under its length. Included by schema.c
 * alone, after its trigger macros. */
#ifndef COPRO_STORE_SCHEMA_FILES_H
#define COPRO_STORE_SCHEMA_FILES_H

/* Files attached to evidence. The bytes sit in a table of their own, so
 * listing an item's files never reads them; the organisation is kept on
 * the file for the quota's sum. An area's quota per organisation is its
 * own setting (default 200 MB). */
#define SCHEMA_FILES \
	"CREATE TABLE evidence_file (" \
	"  id INTEGER PRIMARY KEY," \
	"  evidence_id INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE," \
	"  organisation_id INTEGER NOT NULL REFERENCES organisation (id)," \
	"  name TEXT NOT NULL," \
	"  media_type TEXT NOT NULL," \
	"  size INTEGER NOT NULL CHECK (size > 0)," \
	"  sha256 TEXT NOT NULL," \
	"  uploaded_by INTEGER REFERENCES app_user (id) ON DELETE SET NULL," \
	"  uploaded_by_name TEXT NOT NULL DEFAULT ''," \
	"  created_at TEXT NOT NULL);" \
	"CREATE INDEX evidence_file_evidence ON evidence_file (evidence_id, id);" \
	"CREATE INDEX evidence_file_organisation ON evidence_file (organisation_id);" \
	"CREATE TABLE evidence_file_data (" \
	"  file_id INTEGER PRIMARY KEY REFERENCES evidence_file (id) ON DELETE CASCADE," \
	"  bytes BLOB NOT NULL);" \
	"CREATE TABLE evidence_file_setting (" \
	"  area_id INTEGER PRIMARY KEY REFERENCES area (id)," \
	"  quota_mb INTEGER NOT NULL DEFAULT 200 CHECK (quota_mb >= 10 AND quota_mb <= 100000)," \
	"  updated_at TEXT NOT NULL);" \
	SCHEMA_FILES_TRIGGERS

/* Apart, so that PostgreSQL's baseline (schema_pg.c) has them too. */
#define SCHEMA_FILES_TRIGGERS \
	ORG_TRIGGERS("evidence_file", ORG_DIRECT) \
	ORG_TRIGGERS("evidence_file_data", VIA_FILE) \
	AREA_TRIGGERS("evidence_file_setting", AREA_DIRECT) \
	AREA_ORGS_TRIGGERS("evidence_file_setting", AREA_DIRECT)

#endif
