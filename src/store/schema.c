/* schema.c: the migrations, oldest first. A migration is never edited once
 * released: add a new one. Types and constraints stay within what both
 * SQLite and PostgreSQL accept (INTEGER keys, TEXT dates in ISO 8601,
 * CHECK lists instead of enums). */
#include "store/schema.h"

/* SQLite's side of schema_triggers.h: a trigger is SQL between BEGIN and
 * END; a counter's upsert adds one per row the SELECT names. */
#define TRIGGER(name, when, table, body) \
	"CREATE TRIGGER " name " " when " ON " table " BEGIN " body " END;"
#define BUMP_ORGS(sel) \
	"INSERT INTO org_revision (organisation_id, n) SELECT o, 1 FROM (" sel ") WHERE o IS NOT NULL" \
	" ON CONFLICT (organisation_id) DO UPDATE SET n = n + 1;" \
	"INSERT INTO area_revision (area_id, n) SELECT area_id, 1 FROM organisation" \
	" WHERE id IN (" sel ") AND area_id IS NOT NULL ON CONFLICT (area_id) DO UPDATE SET n = n + 1;"
#define BUMP_AREAS(sel) \
	"INSERT INTO area_revision (area_id, n) SELECT a, 1 FROM (" sel ") WHERE a IS NOT NULL" \
	" ON CONFLICT (area_id) DO UPDATE SET n = n + 1;"
#define TEXT_AGG "group_concat"
#define CATALOGUE_TEXT(r) \
	"(SELECT json_extract(m.value, '$.text') FROM framework_version f," \
	" json_each(f.body, '$.sections') s, json_each(s.value, '$.measures') m" \
	" WHERE f.hash = " r ".framework_hash AND json_extract(m.value, '$.key') = " r ".catalogue_key)"
#include "store/schema_triggers.h"

#include "store/schema_accounts.h"
#include "store/schema_judgement_pg.h"
#include "store/schema_files.h"
#include "store/schema_device.h"
#include "store/schema_gold.h"
#include "store/schema_life.h"
#include "store/schema_mail.h"
#include "store/schema_search_pg.h"
#include "store/schema_setup.h"
#include "store/schema_notify.h"

const schema_migration schema_migrations[] = {
	/* 1: organisations, evaluations, evidence, reviews, actions */
	{.sqlite = "CREATE TABLE area ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  created_at TEXT NOT NULL);"
	"CREATE TABLE organisation ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL,"
	"  type TEXT NOT NULL DEFAULT '',"
	"  sector TEXT NOT NULL CHECK (sector IN ('education', 'health', 'care', 'voluntary')),"
	"  area_id INTEGER REFERENCES area (id),"
	"  urn TEXT, ukprn TEXT, ods_code TEXT,"
	"  opened_on TEXT, closed_on TEXT,"
	"  created_at TEXT NOT NULL, updated_at TEXT NOT NULL);"
	"CREATE INDEX organisation_area ON organisation (area_id);"
	"CREATE TABLE framework_version ("
	"  hash TEXT PRIMARY KEY,"
	"  framework_id TEXT NOT NULL,"
	"  body TEXT NOT NULL,"
	"  first_used_at TEXT NOT NULL);"
	"CREATE TABLE evaluation ("
	"  id INTEGER PRIMARY KEY,"
	"  organisation_id INTEGER NOT NULL REFERENCES organisation (id),"
	"  framework_id TEXT NOT NULL,"
	"  framework_hash TEXT NOT NULL REFERENCES framework_version (hash),"
	"  cycle TEXT NOT NULL,"
	"  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in-review', 'submitted')),"
	"  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,"
	"  UNIQUE (organisation_id, framework_id, cycle));"
	/* An organisation's own indicators belong to one evaluation, so
	 * adding one in a new cycle never changes a finished one. */
	"CREATE TABLE own_indicator ("
	"  id INTEGER PRIMARY KEY,"
	"  evaluation_id INTEGER NOT NULL REFERENCES evaluation (id) ON DELETE CASCADE,"
	"  element_key TEXT NOT NULL,"
	"  key TEXT NOT NULL,"
	"  text TEXT NOT NULL,"
	"  created_at TEXT NOT NULL,"
	"  UNIQUE (evaluation_id, element_key, key));"
	"CREATE TABLE evidence ("
	"  id INTEGER PRIMARY KEY,"
	"  organisation_id INTEGER NOT NULL REFERENCES organisation (id),"
	"  title TEXT NOT NULL,"
	"  description TEXT NOT NULL DEFAULT '',"
	"  evidence_date TEXT NOT NULL,"
	"  url TEXT,"
	"  with_cyp INTEGER NOT NULL CHECK (with_cyp IN (0, 1)),"
	"  with_parents INTEGER NOT NULL CHECK (with_parents IN (0, 1)),"
	"  with_practitioners INTEGER NOT NULL CHECK (with_practitioners IN (0, 1)),"
	"  created_at TEXT NOT NULL, updated_at TEXT NOT NULL);"
	"CREATE INDEX evidence_organisation ON evidence (organisation_id);"
	"CREATE TABLE evidence_link ("
	"  evidence_id INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,"
	"  evaluation_id INTEGER NOT NULL REFERENCES evaluation (id) ON DELETE CASCADE,"
	"  element_key TEXT NOT NULL,"
	"  indicator_key TEXT NOT NULL,"
	"  created_at TEXT NOT NULL,"
	"  PRIMARY KEY (evidence_id, evaluation_id, element_key, indicator_key));"
	"CREATE INDEX evidence_link_evaluation ON evidence_link (evaluation_id, element_key);"
	"CREATE TABLE statement_review ("
	"  evaluation_id INTEGER NOT NULL REFERENCES evaluation (id) ON DELETE CASCADE,"
	"  element_key TEXT NOT NULL,"
	"  strengths TEXT NOT NULL DEFAULT '',"
	"  areas TEXT NOT NULL DEFAULT '',"
	"  status TEXT NOT NULL DEFAULT 'not-started'"
	"    CHECK (status IN ('not-started', 'in-progress', 'complete')),"
	"  with_cyp INTEGER NOT NULL DEFAULT 0 CHECK (with_cyp IN (0, 1)),"
	"  with_parents INTEGER NOT NULL DEFAULT 0 CHECK (with_parents IN (0, 1)),"
	"  with_practitioners INTEGER NOT NULL DEFAULT 0 CHECK (with_practitioners IN (0, 1)),"
	"  updated_at TEXT NOT NULL,"
	"  PRIMARY KEY (evaluation_id, element_key));"
	"CREATE TABLE action_item ("
	"  id INTEGER PRIMARY KEY,"
	"  organisation_id INTEGER NOT NULL REFERENCES organisation (id),"
	"  title TEXT NOT NULL,"
	"  owner TEXT NOT NULL DEFAULT '',"
	"  due_on TEXT, review_on TEXT,"
	"  status TEXT NOT NULL DEFAULT 'open'"
	"    CHECK (status IN ('open', 'in-progress', 'done', 'dropped')),"
	"  source_evaluation_id INTEGER REFERENCES evaluation (id),"
	"  source_element_key TEXT,"
	"  created_at TEXT NOT NULL, updated_at TEXT NOT NULL);"
	"CREATE INDEX action_item_organisation ON action_item (organisation_id);"},

	/* 2: accounts, roles, sessions, invitations, sign-in throttling and
	 * the activity log. Tokens are stored only as SHA-256 hashes. */
	{.sqlite = "CREATE TABLE app_user ("
	"  id INTEGER PRIMARY KEY,"
	"  email TEXT NOT NULL UNIQUE,"
	"  name TEXT NOT NULL,"
	"  password_hash TEXT NOT NULL,"
	"  created_at TEXT NOT NULL);"
	"CREATE TABLE membership ("
	"  id INTEGER PRIMARY KEY,"
	"  user_id INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,"
	"  area_id INTEGER REFERENCES area (id),"
	"  organisation_id INTEGER REFERENCES organisation (id),"
	"  role TEXT NOT NULL CHECK (role IN ('area-admin', 'lead', 'contributor', 'viewer')),"
	"  partner_group TEXT CHECK (partner_group IN"
	"    ('children-and-young-people', 'parent-carers', 'practitioners')),"
	"  created_at TEXT NOT NULL,"
	"  CHECK ((role = 'area-admin' AND area_id IS NOT NULL AND organisation_id IS NULL)"
	"      OR (role <> 'area-admin' AND organisation_id IS NOT NULL AND area_id IS NULL)));"
	"CREATE INDEX membership_user ON membership (user_id);"
	"CREATE INDEX membership_organisation ON membership (organisation_id);"
	"CREATE TABLE user_session ("
	"  token_hash TEXT PRIMARY KEY,"
	"  user_id INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,"
	"  csrf_token TEXT NOT NULL,"
	"  created_at TEXT NOT NULL,"
	"  last_seen_at TEXT NOT NULL);"
	"CREATE INDEX user_session_user ON user_session (user_id);"
	"CREATE TABLE invitation ("
	"  token_hash TEXT PRIMARY KEY,"
	"  organisation_id INTEGER NOT NULL REFERENCES organisation (id),"
	"  role TEXT NOT NULL CHECK (role IN ('lead', 'contributor', 'viewer')),"
	"  partner_group TEXT,"
	"  name TEXT NOT NULL,"
	"  created_by INTEGER REFERENCES app_user (id) ON DELETE SET NULL,"
	"  created_at TEXT NOT NULL,"
	"  expires_at TEXT NOT NULL,"
	"  used_at TEXT);"
	"CREATE TABLE sign_in_failure ("
	"  id INTEGER PRIMARY KEY,"
	"  account_key TEXT NOT NULL,"
	"  address TEXT NOT NULL,"
	"  at TEXT NOT NULL);"
	"CREATE INDEX sign_in_failure_address ON sign_in_failure (address, at);"
	"CREATE INDEX sign_in_failure_account ON sign_in_failure (account_key, address, at);"
	"CREATE TABLE activity ("
	"  id INTEGER PRIMARY KEY,"
	"  at TEXT NOT NULL,"
	"  user_id INTEGER REFERENCES app_user (id) ON DELETE SET NULL,"
	"  user_name TEXT NOT NULL,"
	"  area_id INTEGER REFERENCES area (id),"
	"  organisation_id INTEGER REFERENCES organisation (id),"
	"  what TEXT NOT NULL);"
	"CREATE INDEX activity_organisation ON activity (organisation_id, at);"
	"CREATE INDEX activity_area ON activity (area_id, at);"},

	/* 3: York's joint partnership: service development projects worked
	 * through a model's steps, audits against the six principles with
	 * their versions and decisions, the area's local audit settings, and
	 * API tokens for the area's data dashboard. Audit levels, outcomes and
	 * step keys are checked against the instrument by the domain layer. */
	{.sqlite = "ALTER TABLE organisation ADD COLUMN la_code TEXT;"
	"CREATE INDEX organisation_urn ON organisation (urn);"
	"CREATE TABLE area_setting ("
	"  area_id INTEGER PRIMARY KEY REFERENCES area (id),"
	"  score_min INTEGER NOT NULL DEFAULT 1,"
	"  score_max INTEGER NOT NULL DEFAULT 3,"
	"  outcome_rule TEXT NOT NULL DEFAULT 'lowest-level'"
	"    CHECK (outcome_rule IN ('lowest-level', 'most-common-level')),"
	"  updated_at TEXT NOT NULL,"
	"  CHECK (score_min >= 0 AND score_max > score_min AND score_max <= 100));"
	"CREATE TABLE project ("
	"  id INTEGER PRIMARY KEY,"
	"  organisation_id INTEGER NOT NULL REFERENCES organisation (id),"
	"  framework_id TEXT NOT NULL,"
	"  framework_hash TEXT NOT NULL REFERENCES framework_version (hash),"
	"  title TEXT NOT NULL,"
	"  service_area TEXT NOT NULL DEFAULT '',"
	"  description TEXT NOT NULL DEFAULT '',"
	"  starts_on TEXT, ends_on TEXT,"
	"  created_at TEXT NOT NULL, updated_at TEXT NOT NULL);"
	"CREATE INDEX project_organisation ON project (organisation_id, starts_on);"
	/* The people involved: a name (never required: a child's name is
	 * held only when someone types one), a role and a partner group. */
	"CREATE TABLE project_person ("
	"  project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,"
	"  position INTEGER NOT NULL,"
	"  name TEXT NOT NULL DEFAULT '',"
	"  role TEXT NOT NULL DEFAULT '',"
	"  partner_group TEXT NOT NULL CHECK (partner_group IN"
	"    ('children-and-young-people', 'parent-carers', 'practitioners')),"
	"  PRIMARY KEY (project_id, position));"
	"CREATE TABLE project_step ("
	"  project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,"
	"  step_key TEXT NOT NULL,"
	"  done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),"
	"  done_on TEXT,"
	"  note TEXT NOT NULL DEFAULT '',"
	"  updated_at TEXT NOT NULL,"
	"  PRIMARY KEY (project_id, step_key));"
	"CREATE TABLE project_answer ("
	"  project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,"
	"  step_key TEXT NOT NULL,"
	"  question_key TEXT NOT NULL,"
	"  answer TEXT NOT NULL CHECK (answer IN ('yes', 'partly', 'no')),"
	"  note TEXT NOT NULL DEFAULT '',"
	"  updated_at TEXT NOT NULL,"
	"  PRIMARY KEY (project_id, step_key, question_key));"
	"CREATE TABLE project_evidence ("
	"  project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,"
	"  step_key TEXT NOT NULL,"
	"  evidence_id INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,"
	"  created_at TEXT NOT NULL,"
	"  PRIMARY KEY (project_id, step_key, evidence_id));"
	/* Versions of one audit share first_id (the first version's own id);
	 * a revision copies the returned version, which stays as it was. */
	"CREATE TABLE audit ("
	"  id INTEGER PRIMARY KEY,"
	"  organisation_id INTEGER NOT NULL REFERENCES organisation (id),"
	"  framework_hash TEXT NOT NULL REFERENCES framework_version (hash),"
	"  project_id INTEGER REFERENCES project (id),"
	"  first_id INTEGER REFERENCES audit (id),"
	"  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),"
	"  status TEXT NOT NULL DEFAULT 'draft'"
	"    CHECK (status IN ('draft', 'submitted', 'returned', 'accepted')),"
	"  service_area TEXT NOT NULL DEFAULT '',"
	"  description TEXT NOT NULL DEFAULT '',"
	"  audit_date TEXT,"
	"  outcome TEXT CHECK (outcome IN ('requires-improvement', 'good', 'outstanding')),"
	"  outcome_reason TEXT NOT NULL DEFAULT '',"
	"  summary TEXT NOT NULL DEFAULT '',"
	"  next_steps TEXT NOT NULL DEFAULT '',"
	"  review_on TEXT,"
	"  signed_by TEXT NOT NULL DEFAULT '',"
	"  signed_on TEXT,"
	"  submitted_at TEXT, decided_at TEXT,"
	"  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,"
	"  UNIQUE (first_id, version));"
	"CREATE INDEX audit_organisation ON audit (organisation_id, status, audit_date);"
	"CREATE INDEX audit_project ON audit (project_id);"
	"CREATE TABLE audit_person ("
	"  audit_id INTEGER NOT NULL REFERENCES audit (id) ON DELETE CASCADE,"
	"  position INTEGER NOT NULL,"
	"  name TEXT NOT NULL,"
	"  designation TEXT NOT NULL DEFAULT '',"
	"  PRIMARY KEY (audit_id, position));"
	"CREATE TABLE audit_principle ("
	"  audit_id INTEGER NOT NULL REFERENCES audit (id) ON DELETE CASCADE,"
	"  principle_key TEXT NOT NULL,"
	"  level TEXT,"
	"  score INTEGER,"
	"  notes TEXT NOT NULL DEFAULT '',"
	"  updated_at TEXT NOT NULL,"
	"  PRIMARY KEY (audit_id, principle_key));"
	"CREATE TABLE audit_evidence ("
	"  audit_id INTEGER NOT NULL REFERENCES audit (id) ON DELETE CASCADE,"
	"  principle_key TEXT NOT NULL,"
	"  evidence_id INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,"
	"  created_at TEXT NOT NULL,"
	"  PRIMARY KEY (audit_id, principle_key, evidence_id));"
	/* Every change of status, with who made it and the area's comment. */
	"CREATE TABLE audit_event ("
	"  id INTEGER PRIMARY KEY,"
	"  audit_id INTEGER NOT NULL REFERENCES audit (id) ON DELETE CASCADE,"
	"  at TEXT NOT NULL,"
	"  user_id INTEGER REFERENCES app_user (id) ON DELETE SET NULL,"
	"  user_name TEXT NOT NULL,"
	"  status TEXT NOT NULL,"
	"  comment TEXT NOT NULL DEFAULT '');"
	"CREATE INDEX audit_event_audit ON audit_event (audit_id, at);"
	"ALTER TABLE action_item ADD COLUMN source_audit_id INTEGER REFERENCES audit (id);"
	"CREATE TABLE api_token ("
	"  id INTEGER PRIMARY KEY,"
	"  area_id INTEGER NOT NULL REFERENCES area (id),"
	"  name TEXT NOT NULL,"
	"  token_hash TEXT NOT NULL UNIQUE,"
	"  created_by INTEGER REFERENCES app_user (id) ON DELETE SET NULL,"
	"  created_at TEXT NOT NULL,"
	"  last_used_at TEXT,"
	"  revoked_at TEXT);"
	"CREATE INDEX api_token_area ON api_token (area_id);"},

	/* 4: every activity line of an organisation carries its area too (new
	 * lines get it on insert), so an area's log reads one index range. */
	{.sqlite = "UPDATE activity SET area_id = (SELECT area_id FROM organisation"
	"  WHERE organisation.id = activity.organisation_id)"
	" WHERE area_id IS NULL AND organisation_id IS NOT NULL;"},

	/* 5: the plan-do-review cycle. Success measures chosen from the
	 * catalogue (or the organisation's own), with their monitoring grid,
	 * metrics and dated readings, and links between measures; team and
	 * service plans; reviews of actions; "You said, we did"; and what a
	 * new cycle carried forward. Catalogue keys, statements, questions and
	 * aspects are checked against the instrument by the domain layer. */
	{.sqlite = "CREATE TABLE measure ("
	"  id INTEGER PRIMARY KEY,"
	"  organisation_id INTEGER NOT NULL REFERENCES organisation (id),"
	"  cycle TEXT NOT NULL,"
	"  framework_hash TEXT NOT NULL REFERENCES framework_version (hash),"
	"  cornerstone_key TEXT NOT NULL,"
	"  catalogue_key TEXT,"                  /* "1.3"; NULL: the organisation's own */
	"  own_text TEXT,"                       /* the wording of its own measure */
	"  improve TEXT NOT NULL DEFAULT '',"
	"  know TEXT NOT NULL DEFAULT '',"
	"  measuring TEXT NOT NULL DEFAULT '',"
	"  evaluation TEXT NOT NULL DEFAULT '',"
	"  carried_from INTEGER REFERENCES measure (id),"
	"  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,"
	"  CHECK ((catalogue_key IS NULL) <> (own_text IS NULL)));"
	"CREATE INDEX measure_organisation ON measure (organisation_id, cycle);"
	"CREATE TABLE metric ("
	"  id INTEGER PRIMARY KEY,"
	"  measure_id INTEGER NOT NULL REFERENCES measure (id) ON DELETE CASCADE,"
	"  name TEXT NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('percentage', 'count', 'rate')),"
	"  unit TEXT NOT NULL DEFAULT '',"        /* a rate's: \"per 100 pupils\" */
	"  direction TEXT NOT NULL CHECK (direction IN ('higher', 'lower')),"
	"  baseline REAL, target REAL,"
	"  created_at TEXT NOT NULL, updated_at TEXT NOT NULL);"
	"CREATE INDEX metric_measure ON metric (measure_id);"
	"CREATE TABLE action_review ("
	"  id INTEGER PRIMARY KEY,"
	"  action_id INTEGER NOT NULL REFERENCES action_item (id) ON DELETE CASCADE,"
	"  reviewed_on TEXT NOT NULL,"
	"  what_happened TEXT NOT NULL,"
	"  with_cyp INTEGER NOT NULL DEFAULT 0 CHECK (with_cyp IN (0, 1)),"
	"  with_parents INTEGER NOT NULL DEFAULT 0 CHECK (with_parents IN (0, 1)),"
	"  with_practitioners INTEGER NOT NULL DEFAULT 0 CHECK (with_practitioners IN (0, 1)),"
	"  created_at TEXT NOT NULL);"
	"CREATE INDEX action_review_action ON action_review (action_id, reviewed_on);"
	"CREATE TABLE action_review_evidence ("
	"  review_id INTEGER NOT NULL REFERENCES action_review (id) ON DELETE CASCADE,"
	"  evidence_id INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,"
	"  PRIMARY KEY (review_id, evidence_id));"
	/* A percentage keeps its numerator and denominator; value is what is
	 * charted (the percentage, the count or the rate). */
	"CREATE TABLE reading ("
	"  id INTEGER PRIMARY KEY,"
	"  metric_id INTEGER NOT NULL REFERENCES metric (id) ON DELETE CASCADE,"
	"  taken_on TEXT NOT NULL,"
	"  value REAL NOT NULL,"
	"  numerator INTEGER, denominator INTEGER CHECK (denominator IS NULL OR denominator > 0),"
	"  source TEXT NOT NULL CHECK (source IN ('survey', 'records', 'meeting', 'other')),"
	"  with_cyp INTEGER NOT NULL DEFAULT 0 CHECK (with_cyp IN (0, 1)),"
	"  with_parents INTEGER NOT NULL DEFAULT 0 CHECK (with_parents IN (0, 1)),"
	"  with_practitioners INTEGER NOT NULL DEFAULT 0 CHECK (with_practitioners IN (0, 1)),"
	"  note TEXT NOT NULL DEFAULT '',"
	"  review_id INTEGER REFERENCES action_review (id) ON DELETE SET NULL,"
	"  created_at TEXT NOT NULL);"
	"CREATE INDEX reading_metric ON reading (metric_id, taken_on);"
	/* Links between measures have no direction: stored once, lower id first. */
	"CREATE TABLE measure_link ("
	"  measure_id INTEGER NOT NULL REFERENCES measure (id) ON DELETE CASCADE,"
	"  other_id INTEGER NOT NULL REFERENCES measure (id) ON DELETE CASCADE,"
	"  note TEXT NOT NULL DEFAULT '',"
	"  created_at TEXT NOT NULL,"
	"  PRIMARY KEY (measure_id, other_id),"
	"  CHECK (measure_id < other_id));"
	"CREATE INDEX measure_link_other ON measure_link (other_id);"
	"CREATE TABLE plan ("
	"  id INTEGER PRIMARY KEY,"
	"  organisation_id INTEGER NOT NULL REFERENCES organisation (id),"
	"  framework_hash TEXT NOT NULL REFERENCES framework_version (hash),"
	"  title TEXT NOT NULL,"
	"  cycle TEXT NOT NULL,"
	"  seeded_from INTEGER REFERENCES evaluation (id),"
	"  created_at TEXT NOT NULL, updated_at TEXT NOT NULL);"
	"CREATE INDEX plan_organisation ON plan (organisation_id);"
	"CREATE TABLE plan_statement ("
	"  plan_id INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,"
	"  element_key TEXT NOT NULL,"
	"  strengths TEXT NOT NULL DEFAULT '',"
	"  areas TEXT NOT NULL DEFAULT '',"
	"  updated_at TEXT NOT NULL,"
	"  PRIMARY KEY (plan_id, element_key));"
	"CREATE TABLE plan_answer ("
	"  plan_id INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,"
	"  section_key TEXT NOT NULL,"
	"  question_key TEXT NOT NULL,"
	"  answer TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL,"
	"  PRIMARY KEY (plan_id, section_key, question_key));"
	"CREATE TABLE plan_aspect ("
	"  plan_id INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,"
	"  aspect_key TEXT NOT NULL,"
	"  note TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL,"
	"  PRIMARY KEY (plan_id, aspect_key));"
	"ALTER TABLE action_item ADD COLUMN source_plan_id INTEGER REFERENCES plan (id);"
	"ALTER TABLE action_item ADD COLUMN source_measure_id INTEGER REFERENCES measure (id);"
	"CREATE TABLE you_said ("
	"  id INTEGER PRIMARY KEY,"
	"  organisation_id INTEGER NOT NULL REFERENCES organisation (id),"
	"  said TEXT NOT NULL,"
	"  did TEXT NOT NULL DEFAULT '',"
	"  said_on TEXT NOT NULL,"
	"  did_on TEXT,"
	"  with_cyp INTEGER NOT NULL DEFAULT 0 CHECK (with_cyp IN (0, 1)),"
	"  with_parents INTEGER NOT NULL DEFAULT 0 CHECK (with_parents IN (0, 1)),"
	"  with_practitioners INTEGER NOT NULL DEFAULT 0 CHECK (with_practitioners IN (0, 1)),"
	"  published INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),"
	"  action_id INTEGER REFERENCES action_item (id) ON DELETE SET NULL,"
	"  created_at TEXT NOT NULL, updated_at TEXT NOT NULL);"
	"CREATE INDEX you_said_organisation ON you_said (organisation_id, said_on);"
	/* A new cycle's evaluation remembers the one it started from; links it
	 * carried forward wait to be re-confirmed by someone. */
	"ALTER TABLE evaluation ADD COLUMN previous_id INTEGER REFERENCES evaluation (id);"
	"ALTER TABLE evidence_link ADD COLUMN carried INTEGER NOT NULL DEFAULT 0 CHECK (carried IN (0, 1));"
	"ALTER TABLE evidence_link ADD COLUMN confirmed_at TEXT;"},

	/* 6: finding the cycle after an evaluation (the overview links to
	 * it) without reading every evaluation in the country. */
	{.sqlite = "CREATE INDEX evaluation_previous ON evaluation (previous_id);"},

	/* 7: data revisions. Every change to an organisation's records bumps
	 * its counter and its area's, by trigger, in the change's own
	 * transaction: a page rendered at revision n can be served again while
	 * the counter is still n, by any copro process (src/web/cache.c). */
	{.sqlite = "CREATE TABLE org_revision ("
	"  organisation_id INTEGER PRIMARY KEY,"
	"  n INTEGER NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE area_revision ("
	"  area_id INTEGER PRIMARY KEY,"
	"  n INTEGER NOT NULL) WITHOUT ROWID;"
	REVISIONS_7},
	/* 8: partner voice (issue 12). Rounds of views with their elements and
	 * one link per partner group (tokens stored only as SHA-256 hashes),
	 * responses (a draft kept by a hashed cookie until submitted) and their
	 * answers, the agreed view per element, and the organisation's and the
	 * area's settings. Element keys and ratings are checked against the
	 * instrument by the domain layer. */
	{.sqlite = "CREATE TABLE view_round ("
	"  id INTEGER PRIMARY KEY,"
	"  organisation_id INTEGER NOT NULL REFERENCES organisation (id),"
	"  evaluation_id INTEGER REFERENCES evaluation (id),"
	"  audit_id INTEGER REFERENCES audit (id),"
	"  framework_id TEXT NOT NULL,"
	"  framework_hash TEXT NOT NULL REFERENCES framework_version (hash),"
	"  title TEXT NOT NULL,"
	"  wording TEXT NOT NULL DEFAULT 'standard' CHECK (wording IN ('standard', 'easy-read')),"
	"  language TEXT NOT NULL DEFAULT 'en-GB',"
	"  opens_on TEXT NOT NULL,"
	"  closes_on TEXT,"
	"  closed INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),"
	"  answer_cap INTEGER NOT NULL DEFAULT 2000 CHECK (answer_cap >= 1),"
	"  created_by INTEGER REFERENCES app_user (id) ON DELETE SET NULL,"
	"  created_by_name TEXT NOT NULL DEFAULT '',"
	"  evidence_id INTEGER REFERENCES evidence (id) ON DELETE SET NULL,"
	"  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,"
	"  CHECK ((evaluation_id IS NULL) <> (audit_id IS NULL)));"
	"CREATE INDEX view_round_organisation ON view_round (organisation_id, opens_on);"
	"CREATE TABLE view_round_element ("
	"  round_id INTEGER NOT NULL REFERENCES view_round (id) ON DELETE CASCADE,"
	"  position INTEGER NOT NULL,"
	"  element_key TEXT NOT NULL,"
	"  easy_read TEXT,"
	"  PRIMARY KEY (round_id, element_key),"
	"  UNIQUE (round_id, position));"
	"CREATE TABLE view_link ("
	"  id INTEGER PRIMARY KEY,"
	"  round_id INTEGER NOT NULL REFERENCES view_round (id) ON DELETE CASCADE,"
	"  partner_group TEXT NOT NULL"
	"    CHECK (partner_group IN ('cyp', 'parents', 'practitioners', 'other')),"
	"  group_name TEXT NOT NULL DEFAULT '',"
	"  token_hash TEXT NOT NULL UNIQUE,"
	"  created_at TEXT NOT NULL,"
	"  replaced_at TEXT,"
	"  UNIQUE (round_id, partner_group, group_name),"
	"  CHECK ((partner_group = 'other') = (group_name <> '')));"
	"CREATE TABLE view_response ("
	"  id INTEGER PRIMARY KEY,"
	"  round_id INTEGER NOT NULL REFERENCES view_round (id) ON DELETE CASCADE,"
	"  link_id INTEGER NOT NULL REFERENCES view_link (id) ON DELETE CASCADE,"
	"  cookie_hash TEXT UNIQUE,"
	"  started_at TEXT NOT NULL,"
	"  submitted_at TEXT,"
	"  from_paper INTEGER NOT NULL DEFAULT 0 CHECK (from_paper IN (0, 1)),"
	"  entered_by INTEGER REFERENCES app_user (id) ON DELETE SET NULL,"
	"  entered_by_name TEXT NOT NULL DEFAULT '');"
	"CREATE INDEX view_response_link ON view_response (link_id, submitted_at);"
	"CREATE INDEX view_response_round ON view_response (round_id, submitted_at);"
	"CREATE TABLE view_answer ("
	"  response_id INTEGER NOT NULL REFERENCES view_response (id) ON DELETE CASCADE,"
	"  element_key TEXT NOT NULL,"
	"  rating INTEGER CHECK (rating IS NULL OR (rating >= 0 AND rating <= 4)),"
	"  good TEXT, better TEXT,"
	"  reviewed_at TEXT,"
	"  reviewed_by INTEGER REFERENCES app_user (id) ON DELETE SET NULL,"
	"  flagged_at TEXT,"
	"  flagged_by INTEGER REFERENCES app_user (id) ON DELETE SET NULL,"
	"  flagged_by_name TEXT NOT NULL DEFAULT '',"
	"  updated_at TEXT NOT NULL,"
	"  PRIMARY KEY (response_id, element_key));"
	"CREATE TABLE view_agreed ("
	"  round_id INTEGER NOT NULL REFERENCES view_round (id) ON DELETE CASCADE,"
	"  element_key TEXT NOT NULL,"
	"  agreed TEXT NOT NULL,"
	"  resolved TEXT NOT NULL DEFAULT '',"
	"  with_cyp INTEGER NOT NULL DEFAULT 0 CHECK (with_cyp IN (0, 1)),"
	"  with_parents INTEGER NOT NULL DEFAULT 0 CHECK (with_parents IN (0, 1)),"
	"  with_practitioners INTEGER NOT NULL DEFAULT 0 CHECK (with_practitioners IN (0, 1)),"
	"  agreed_by INTEGER REFERENCES app_user (id) ON DELETE SET NULL,"
	"  agreed_by_name TEXT NOT NULL DEFAULT '',"
	"  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,"
	"  PRIMARY KEY (round_id, element_key));"
	"CREATE TABLE view_org_setting ("
	"  organisation_id INTEGER PRIMARY KEY REFERENCES organisation (id),"
	"  safeguarding_contact TEXT NOT NULL DEFAULT '',"
	"  retention_months INTEGER NOT NULL DEFAULT 24"
	"    CHECK (retention_months >= 1 AND retention_months <= 120),"
	"  updated_at TEXT NOT NULL);"
	"CREATE TABLE view_area_setting ("
	"  area_id INTEGER PRIMARY KEY REFERENCES area (id),"
	"  min_group INTEGER NOT NULL DEFAULT 5 CHECK (min_group >= 1 AND min_group <= 100),"
	"  updated_at TEXT NOT NULL);"
	REVISIONS_8},

	/* 9: the throttle of anonymous changes (partner pages): one row per
	 * accepted POST, by what it was sent to (a link's token hash) and a
	 * hash of the sender's address, kept for the throttle's hour only. */
	{.sqlite = "CREATE TABLE throttle_hit ("
	"  id INTEGER PRIMARY KEY,"
	"  scope TEXT NOT NULL,"
	"  address TEXT NOT NULL,"
	"  at TEXT NOT NULL);"
	"CREATE INDEX throttle_hit_scope ON throttle_hit (scope, at);"
	"CREATE INDEX throttle_hit_address ON throttle_hit (address, at);"
	"CREATE INDEX throttle_hit_at ON throttle_hit (at);"},

	/* 10: a "You said, we did" record made from a partner's comment in a
	 * round of views remembers the round (and the answer) it came from. */
	{.sqlite = "CREATE TABLE view_you_said ("
	"  you_said_id INTEGER PRIMARY KEY REFERENCES you_said (id) ON DELETE CASCADE,"
	"  round_id INTEGER NOT NULL REFERENCES view_round (id) ON DELETE CASCADE,"
	"  response_id INTEGER REFERENCES view_response (id) ON DELETE SET NULL,"
	"  element_key TEXT NOT NULL);"
	"CREATE INDEX view_you_said_round ON view_you_said (round_id);"
	REVISIONS_10},

	/* 11: the throttle counts without reading every hit of the hour. Each
	 * hit is numbered per link and per address (1, 2, ...), so the hour's
	 * count is the latest number less the first of the hour, plus one:
	 * two index look-ups instead of a scan that grew with every answer
	 * (it held the write lock for a millisecond at a few thousand). */
	{.sqlite = "ALTER TABLE throttle_hit ADD COLUMN scope_seq INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE throttle_hit ADD COLUMN address_seq INTEGER NOT NULL DEFAULT 0;"
	"UPDATE throttle_hit SET"
	"  scope_seq = (SELECT COUNT(*) FROM throttle_hit h"
	"               WHERE h.scope = throttle_hit.scope AND h.id <= throttle_hit.id),"
	"  address_seq = (SELECT COUNT(*) FROM throttle_hit h"
	"                 WHERE h.address = throttle_hit.address AND h.id <= throttle_hit.id);"
	"DROP INDEX throttle_hit_scope;"
	"DROP INDEX throttle_hit_address;"
	"CREATE INDEX throttle_hit_scope ON throttle_hit (scope, at, scope_seq);"
	"CREATE INDEX throttle_hit_address ON throttle_hit (address, at, address_seq);"},

	/* 12: returning an audit, the area can comment on each principle as
	 * well as on the whole. The comment belongs to the returned version
	 * (which never changes again); a new version starts without one. */
	{.sqlite = "ALTER TABLE audit_principle ADD COLUMN area_comment TEXT NOT NULL DEFAULT '';"},

	/* 13: the search index of an organisation's records (store/search.c):
	 * filled from what is there, then kept current by triggers. */
	{.sqlite = "CREATE VIRTUAL TABLE search_index USING fts5 ("
	"  org, organisation_id UNINDEXED, title, body,"
	"  tokenize = 'unicode61 remove_diacritics 2');"
	SEARCH_TRIGGERS("evidence", 1, EVIDENCE_TITLE, EVIDENCE_BODY)
	SEARCH_TRIGGERS("action_item", 2, ACTION_TITLE, ACTION_BODY)
	SEARCH_TRIGGERS("measure", 3, MEASURE_TITLE, MEASURE_BODY)
	SEARCH_TRIGGERS("you_said", 5, YOU_SAID_TITLE, YOU_SAID_BODY)
	PLAN_SEARCH_TRIGGERS
	"INSERT INTO search_index (rowid, org, organisation_id, title, body) SELECT "
	SEARCH_ROW(4, "p.id") ", 'o' || p.organisation_id, p.organisation_id, p.title, "
	PLAN_BODY("p.id") " FROM plan p;"},

	/* 14: Charter Gold (issue 14): schema_gold.h. */
	{.sqlite = SCHEMA_GOLD},

	/* 15: catalogue success measures are indexed by the catalogue's
	 * wording, not only their number: the measure's triggers again, and
	 * its rows written afresh. */
	{.sqlite = "DROP TRIGGER measure_search_insert;"
	"DROP TRIGGER measure_search_update;"
	"DROP TRIGGER measure_search_delete;"
	"DELETE FROM search_index WHERE rowid IN (SELECT " SEARCH_ROW(3, "id") " FROM measure);"
	SEARCH_TRIGGERS("measure", 3, MEASURE_WORDED_TITLE, MEASURE_BODY)},

	/* 16: files attached to evidence (issue 14): schema_files.h. */
	{.sqlite = SCHEMA_FILES},

	/* 17: the outbox of emails (issue 15): schema_mail.h. */
	{.sqlite = SCHEMA_MAIL},

	/* 18: sign-in device cookies (issue 15): schema_device.h. */
	{.sqlite = SCHEMA_DEVICE},

	/* 19: security events, disabled accounts, API token expiry (issue
	 * 15): schema_life.h. */
	{.sqlite = SCHEMA_LIFE},

	/* 20: invitations by email (issue 15): schema_mail.h. */
	{.sqlite = SCHEMA_INVITE_MAIL},

	/* 21: notifications (issue 15): schema_notify.h. */
	{.sqlite = SCHEMA_NOTIFY},

	/* 22: passwords and two-factor sign-in (issue 15): schema_accounts.h. */
	{.sqlite = SCHEMA_ACCOUNTS},

	/* 23: unread counts and notification housekeeping: schema_notify.h (the
	 * same text on PostgreSQL). */
	{.sqlite = SCHEMA_NOTIFY_KEEP},

	/* 24: the set-up code (issue 15): schema_setup.h. The same text on
	 * both engines (pg NULL). */
	{.sqlite = SCHEMA_SETUP_CODE},

	/* 25: revisions without a hot row: a change appends to revision_change
	 * instead of bumping its organisation's and area's counters
	 * (schema_revisions.c; revision.c reads and folds them). */
	{.sqlite = schema_revisions_sqlite, .pg = schema_revisions_pg},

	/* 26: on PostgreSQL, words in or after markup characters are found
	 * (schema_search_pg.h); SQLite's FTS5 found them already. */
	{.sqlite = "SELECT 1;", .pg = SCHEMA_SEARCH_MARKUP_PG},

	/* 27: on PostgreSQL, a transaction writes one revision_change row per
	 * organisation and area it reaches, not one per trigger
	 * (schema_revisions.c). SQLite keeps its rows. */
	{.sqlite = "SELECT 1;", .pg = schema_revisions_once_pg},

	/* 28: on PostgreSQL, a judgement's write made cheaper: the CHECK
	 * lists of statement_review and activity as domains, and its revision
	 * triggers with less work (schema_judgement_pg.h). SQLite keeps its
	 * CHECKs and triggers. */
	{.sqlite = "SELECT 1;", .pg = SCHEMA_JUDGEMENT_PG},

	/* 29: an evaluation's progress (store_link_counts) from its indexes
	 * alone: its links in the order it groups them, with the evidence id,
	 * and the organisation's evidence with its partner groups, which
	 * PostgreSQL joins by one hash instead of a lookup per link. The
	 * statement page's links come in its order too. The same text on both
	 * engines; each index keeps its name and its leading columns. */
	{.sqlite = "DROP INDEX evidence_link_evaluation;"
	"CREATE INDEX evidence_link_evaluation ON evidence_link"
	" (evaluation_id, element_key, indicator_key, evidence_id);"
	"DROP INDEX evidence_organisation;"
	"CREATE INDEX evidence_organisation ON evidence"
	" (organisation_id, id, with_cyp, with_parents, with_practitioners);"},

	/* 30: each organisation's latest accepted audit and latest
	 * self-evaluation read from an index in the order asked for, with no
	 * sort. SQLite's indexes end with the rowid, so it read the audits
	 * in order already; PostgreSQL's do not, and its area pages sorted
	 * the one or two rows of every organisation (EXPLAIN ANALYZE: a Sort
	 * under each LIMIT 1, 815 a page). The same indexes on both engines. */
	{.sqlite = "DROP INDEX audit_organisation;"
		   "CREATE INDEX audit_organisation ON audit (organisation_id, status, audit_date, id);"
		   "CREATE INDEX evaluation_latest ON evaluation (organisation_id, framework_id, id);"},
};

const size_t schema_migrations_count = sizeof schema_migrations / sizeof *schema_migrations;

const char *schema_migration_sql(int version, bool pg)
{
	if (version < 1 || (size_t)version > schema_migrations_count)
		return NULL;
	const schema_migration *m = &schema_migrations[version - 1];
	if (!pg)
		return m->sqlite;
	if (version <= schema_pg_baseline_version)
		return NULL;
	return m->pg ? m->pg : m->sqlite;
}
