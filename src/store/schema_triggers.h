/* schema_triggers.h: the revision and search triggers, written once for
 * both engines (schema.c for SQLite, schema_pg.c for PostgreSQL). Whoever
 * includes it first defines what differs between the engines:
 *   TRIGGER(name, when, table, body)  one row trigger running `body`
 *   BUMP_ORGS(select), BUMP_AREAS(select)  the revision counters' upserts
 *   TEXT_AGG                          "group_concat" or "string_agg"
 *   CATALOGUE_TEXT(row)               a catalogue measure's wording
 * Everything else here is SQL that both engines read alike. */
#ifndef COPRO_STORE_SCHEMA_TRIGGERS_H
#define COPRO_STORE_SCHEMA_TRIGGERS_H

/* ---- the revision triggers of migration 7 (and later tables) ----------
 * BUMP_ORGS(select) adds one to the revision of each organisation the
 * SELECT names (column o) and of its area; BUMP_AREAS(select) to each area
 * named (column a). A row's organisation is found from the row itself
 * (NEW or OLD), directly or through its parent; a row whose parent has
 * gone (a cascade) finds none, and the parent's own trigger counts. */
#define ORG_SELF(row) "SELECT " row ".id AS o"
#define ORG_DIRECT(row) "SELECT " row ".organisation_id AS o"
#define VIA_PARENT(table, column, row) \
	"SELECT organisation_id AS o FROM " table " WHERE id = " row "." column
#define VIA_EVALUATION(row) VIA_PARENT("evaluation", "evaluation_id", row)
#define VIA_PROJECT(row) VIA_PARENT("project", "project_id", row)
#define VIA_AUDIT(row) VIA_PARENT("audit", "audit_id", row)
#define VIA_MEASURE(row) VIA_PARENT("measure", "measure_id", row)
#define VIA_ACTION(row) VIA_PARENT("action_item", "action_id", row)
#define VIA_PLAN(row) VIA_PARENT("plan", "plan_id", row)
#define VIA_METRIC(row) \
	"SELECT m.organisation_id AS o FROM metric t JOIN measure m ON m.id = t.measure_id" \
	" WHERE t.id = " row ".metric_id"
#define VIA_ACTION_REVIEW(row) \
	"SELECT a.organisation_id AS o FROM action_review v JOIN action_item a ON a.id = v.action_id" \
	" WHERE v.id = " row ".review_id"
#define VIA_ROUND(row) VIA_PARENT("view_round", "round_id", row)
/* Drafts are a partner's own progress, seen by no page but theirs: only
 * submitted responses (and their answers) change what leads see, so only
 * they bump the revision (answers arrive often: a cache kept warm). */
#define VIA_SUBMITTED_RESPONSE(row) \
	"SELECT r.organisation_id AS o FROM view_round r WHERE r.id = " row ".round_id" \
	" AND " row ".submitted_at IS NOT NULL"
#define VIA_SUBMITTED_ANSWER(row) \
	"SELECT r.organisation_id AS o FROM view_response p JOIN view_round r ON r.id = p.round_id" \
	" WHERE p.id = " row ".response_id AND p.submitted_at IS NOT NULL"
#define AREA_SELF(row) "SELECT " row ".id AS a"
#define AREA_DIRECT(row) "SELECT " row ".area_id AS a"
#define VIA_FILE(row) VIA_PARENT("evidence_file", "file_id", row)

#define ORG_TRIGGERS(table, org_of) \
	TRIGGER(table "_revision_insert", "AFTER INSERT", table, BUMP_ORGS(org_of("NEW"))) \
	TRIGGER(table "_revision_update", "AFTER UPDATE", table, \
		BUMP_ORGS(org_of("NEW") " UNION " org_of("OLD"))) \
	TRIGGER(table "_revision_delete", "AFTER DELETE", table, BUMP_ORGS(org_of("OLD")))
#define AREA_TRIGGERS(table, area_of) \
	TRIGGER(table "_area_revision_insert", "AFTER INSERT", table, BUMP_AREAS(area_of("NEW"))) \
	TRIGGER(table "_area_revision_update", "AFTER UPDATE", table, \
		BUMP_AREAS(area_of("NEW") " UNION " area_of("OLD"))) \
	TRIGGER(table "_area_revision_delete", "AFTER DELETE", table, BUMP_AREAS(area_of("OLD")))
/* An area's name and settings show on each of its organisations' pages. */
#define AREA_ORGS_TRIGGERS(table, area_of) \
	TRIGGER(table "_orgs_revision", "AFTER UPDATE", table, \
		BUMP_ORGS("SELECT id AS o FROM organisation WHERE area_id IN (" area_of("NEW") ")")) \
	TRIGGER(table "_orgs_revision_insert", "AFTER INSERT", table, \
		BUMP_ORGS("SELECT id AS o FROM organisation WHERE area_id IN (" area_of("NEW") ")"))
/* An organisation moved to another area leaves the old area's picture. */
#define AREA_MOVE_TRIGGER \
	TRIGGER("organisation_area_revision", "AFTER UPDATE OF area_id", "organisation", \
		BUMP_AREAS("SELECT OLD.area_id AS a")) \
	TRIGGER("organisation_area_revision_delete", "AFTER DELETE", "organisation", \
		BUMP_AREAS("SELECT OLD.area_id AS a"))

/* Migration 7's tables (the later ones list theirs beside their tables:
 * REVISIONS_8, REVISIONS_10 below, SCHEMA_*_TRIGGERS in schema_*.h). */
#define REVISIONS_7 \
	ORG_TRIGGERS("organisation", ORG_SELF) \
	AREA_MOVE_TRIGGER \
	ORG_TRIGGERS("evaluation", ORG_DIRECT) \
	ORG_TRIGGERS("evidence", ORG_DIRECT) \
	ORG_TRIGGERS("action_item", ORG_DIRECT) \
	ORG_TRIGGERS("invitation", ORG_DIRECT) \
	ORG_TRIGGERS("project", ORG_DIRECT) \
	ORG_TRIGGERS("audit", ORG_DIRECT) \
	ORG_TRIGGERS("measure", ORG_DIRECT) \
	ORG_TRIGGERS("plan", ORG_DIRECT) \
	ORG_TRIGGERS("you_said", ORG_DIRECT) \
	ORG_TRIGGERS("membership", ORG_DIRECT) \
	ORG_TRIGGERS("activity", ORG_DIRECT) \
	ORG_TRIGGERS("own_indicator", VIA_EVALUATION) \
	ORG_TRIGGERS("evidence_link", VIA_EVALUATION) \
	ORG_TRIGGERS("statement_review", VIA_EVALUATION) \
	ORG_TRIGGERS("project_person", VIA_PROJECT) \
	ORG_TRIGGERS("project_step", VIA_PROJECT) \
	ORG_TRIGGERS("project_answer", VIA_PROJECT) \
	ORG_TRIGGERS("project_evidence", VIA_PROJECT) \
	ORG_TRIGGERS("audit_person", VIA_AUDIT) \
	ORG_TRIGGERS("audit_principle", VIA_AUDIT) \
	ORG_TRIGGERS("audit_evidence", VIA_AUDIT) \
	ORG_TRIGGERS("audit_event", VIA_AUDIT) \
	ORG_TRIGGERS("metric", VIA_MEASURE) \
	ORG_TRIGGERS("measure_link", VIA_MEASURE) \
	ORG_TRIGGERS("reading", VIA_METRIC) \
	ORG_TRIGGERS("action_review", VIA_ACTION) \
	ORG_TRIGGERS("action_review_evidence", VIA_ACTION_REVIEW) \
	ORG_TRIGGERS("plan_statement", VIA_PLAN) \
	ORG_TRIGGERS("plan_answer", VIA_PLAN) \
	ORG_TRIGGERS("plan_aspect", VIA_PLAN) \
	/* Area-level rows: an area administrator's membership, the area's \
	 * own activity lines, its API tokens; its name and settings show on \
	 * its organisations' pages too. */ \
	AREA_TRIGGERS("membership", AREA_DIRECT) \
	AREA_TRIGGERS("activity", AREA_DIRECT) \
	AREA_TRIGGERS("api_token", AREA_DIRECT) \
	AREA_TRIGGERS("area", AREA_SELF) \
	AREA_TRIGGERS("area_setting", AREA_DIRECT) \
	AREA_ORGS_TRIGGERS("area", AREA_SELF) \
	AREA_ORGS_TRIGGERS("area_setting", AREA_DIRECT) \
	/* A person's name shows wherever they are a member. */ \
	TRIGGER("app_user_revision", "AFTER UPDATE", "app_user", \
		BUMP_ORGS("SELECT organisation_id AS o FROM membership WHERE user_id = NEW.id") \
		BUMP_AREAS("SELECT area_id AS a FROM membership WHERE user_id = NEW.id"))
/* Migration 8: partner voice. */
#define REVISIONS_8 \
	ORG_TRIGGERS("view_round", ORG_DIRECT) \
	ORG_TRIGGERS("view_org_setting", ORG_DIRECT) \
	ORG_TRIGGERS("view_round_element", VIA_ROUND) \
	ORG_TRIGGERS("view_link", VIA_ROUND) \
	ORG_TRIGGERS("view_agreed", VIA_ROUND) \
	ORG_TRIGGERS("view_response", VIA_SUBMITTED_RESPONSE) \
	ORG_TRIGGERS("view_answer", VIA_SUBMITTED_ANSWER) \
	AREA_TRIGGERS("view_area_setting", AREA_DIRECT) \
	AREA_ORGS_TRIGGERS("view_area_setting", AREA_DIRECT)
/* Migration 10: "You said, we did" from a round of views. */
#define REVISIONS_10 \
	ORG_TRIGGERS("view_you_said", VIA_ROUND)

/* ---- the search index of migration 13 --------------------------------
 * One row per searchable record: its rowid is the record's id times 8
 * plus its kind (SEARCH_KIND_* in store/search.h), so a trigger finds the
 * row without a scan; `org` holds the token "o<organisation id>", which
 * SQLite's queries match first, and organisation_id the id again for the
 * check after the match. Only the schema files and store/search.c know of
 * it. */
#define SEARCH_ROW(kind, id) "(" id ") * 8 + " #kind
#define SEARCH_DROP(kind, id) "DELETE FROM search_index WHERE rowid = " SEARCH_ROW(kind, id) ";"
#define SEARCH_PUT(kind, row, title, body) \
	"INSERT INTO search_index (rowid, org, organisation_id, title, body) VALUES (" \
	SEARCH_ROW(kind, row ".id") ", 'o' || " row ".organisation_id, " row ".organisation_id, " \
	title ", " body ");"
#define SEARCH_TRIGGERS(table, kind, title, body) \
	TRIGGER(table "_search_insert", "AFTER INSERT", table, \
		SEARCH_PUT(kind, "NEW", title("NEW"), body("NEW"))) \
	TRIGGER(table "_search_update", "AFTER UPDATE", table, \
		SEARCH_DROP(kind, "OLD.id") SEARCH_PUT(kind, "NEW", title("NEW"), body("NEW"))) \
	TRIGGER(table "_search_delete", "AFTER DELETE", table, SEARCH_DROP(kind, "OLD.id")) \
	"INSERT INTO search_index (rowid, org, organisation_id, title, body) SELECT " \
	SEARCH_ROW(kind, "t.id") ", 'o' || t.organisation_id, t.organisation_id, " title("t") ", " \
	body("t") " FROM " table " t;"
#define EVIDENCE_TITLE(r) r ".title"
#define EVIDENCE_BODY(r) r ".description"
#define ACTION_TITLE(r) r ".title"
#define ACTION_BODY(r) r ".owner"
#define MEASURE_TITLE(r) "COALESCE(" r ".own_text, 'Success measure ' || " r ".catalogue_key)"
#define MEASURE_BODY(r) \
	r ".cycle || ' ' || " r ".improve || ' ' || " r ".know || ' ' || " r ".measuring || ' ' || " \
	r ".evaluation"
/* Migration 15: a catalogue measure is found by the catalogue's words,
 * read from the framework version it was chosen from (its JSON body). */
#define MEASURE_WORDED_TITLE(r) \
	"COALESCE(" r ".own_text, " CATALOGUE_TEXT(r) ", 'Success measure ' || " r ".catalogue_key)"
#define YOU_SAID_TITLE(r) r ".said"
#define YOU_SAID_BODY(r) r ".did"
/* A plan's words are in its statements, answers and aspects: any change
 * to one of them writes the plan's row again. */
#define PLAN_BODY(pid) \
	"p.cycle" \
	" || ' ' || COALESCE((SELECT " TEXT_AGG "(strengths || ' ' || areas, ' ') FROM plan_statement" \
	"                     WHERE plan_id = " pid "), '')" \
	" || ' ' || COALESCE((SELECT " TEXT_AGG "(answer, ' ') FROM plan_answer WHERE plan_id = " pid "), '')" \
	" || ' ' || COALESCE((SELECT " TEXT_AGG "(note, ' ') FROM plan_aspect WHERE plan_id = " pid "), '')"
#define PLAN_PUT(pid) \
	"INSERT INTO search_index (rowid, org, organisation_id, title, body) SELECT " \
	SEARCH_ROW(4, "p.id") ", 'o' || p.organisation_id, p.organisation_id, p.title, " \
	PLAN_BODY("p.id") " FROM plan p WHERE p.id = " pid ";"
#define PLAN_REINDEX(pid) SEARCH_DROP(4, pid) PLAN_PUT(pid)
#define PLAN_PART_TRIGGERS(table) \
	TRIGGER(table "_search_insert", "AFTER INSERT", table, PLAN_REINDEX("NEW.plan_id")) \
	TRIGGER(table "_search_update", "AFTER UPDATE", table, PLAN_REINDEX("NEW.plan_id")) \
	TRIGGER(table "_search_delete", "AFTER DELETE", table, PLAN_REINDEX("OLD.plan_id"))
/* A plan's own row, and the rows its words come from. */
#define PLAN_SEARCH_TRIGGERS \
	TRIGGER("plan_search_insert", "AFTER INSERT", "plan", PLAN_REINDEX("NEW.id")) \
	TRIGGER("plan_search_update", "AFTER UPDATE", "plan", \
		SEARCH_DROP(4, "OLD.id") PLAN_PUT("NEW.id")) \
	TRIGGER("plan_search_delete", "AFTER DELETE", "plan", SEARCH_DROP(4, "OLD.id")) \
	PLAN_PART_TRIGGERS("plan_statement") \
	PLAN_PART_TRIGGERS("plan_answer") \
	PLAN_PART_TRIGGERS("plan_aspect")

#endif
