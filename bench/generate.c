/* generate.c: bench-generate fills a NEW copro database with a national-scale
 * dataset (by default 30,000 organisations in 150 areas), the same for the
 * same seed, for timing pages (bench/pagetime.c) and load tests.
 *
 * The database and its schema come from copro's own store code (store_open
 * runs the real migrations) and the instrument texts are kept with
 * framework_version_keep, so pages load them as they load a user's. The
 * rows themselves are written here with prepared statements and bound
 * parameters, reused for every row: going through the domain layer would
 * take hours at this size. Ids are given explicitly, in insertion order.
 *
 * Realism: every organisation's data is generated from its own random
 * stream (seeded by the seed, its index and the school year), and written
 * one school year at a time with the organisations in a shuffled order, so
 * an organisation's rows are spread through the file as years of real use
 * would spread them; areas differ in size as English local areas do. All
 * dates are counted from a fixed day (GEN_TODAY) rather than the clock, so
 * the same seed gives the same rows; only schema_migration.applied_at and
 * framework_version.first_used_at carry the time of generation.
 *
 * Accounts are for timing only: every generated user has the same
 * password, "copro bench timing only", stored as the fixed argon2id hash
 * below (computed once with password_hash, so generating costs no argon2
 * call). Never load such a dataset into a live system. */
#include <errno.h>
#include <math.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/text.h"
#include "domain/audit.h"
#include "domain/domain.h"
#include "framework/framework.h"
#include "store/store.h"

#define BENCH_PASSWORD "copro bench timing only"
#define BENCH_PASSWORD_HASH \
	"$argon2id$v=19$m=65536,t=2,p=1$sICbpLV3WlU2Iwp7gW+yeA$pMJuXlOnFmp0OrEHfW83C5msM8RsqUy7D3R3J/PKBSs"

/* The dataset's "today": the middle of the autumn term of 2026-27. */
#define GEN_TODAY "2026-11-20T00:00:00Z"
#define YEARS 3                         /* school years 2024-25, 2025-26, 2026-27 */
#define FIRST_YEAR 2024
#define MAX_ORGS 1000000
#define MAX_AREAS 5000
#define HEAVY_EVIDENCE 500
#define MAX_PROJECTS 2
#define MAX_INDICATORS 512
#define MAX_ELEMENTS 64
#define MAX_STEPS 32
#define MAX_PRINCIPLES 16
#define MAX_LEVELS 8

#define ARRAY_LEN(a) (sizeof (a) / sizeof *(a))

/* ---- a small reproducible random source --------------------------------
 * splitmix64 turns (seed, stream numbers) into a xoshiro256** state; never
 * rand(), whose sequence differs between C libraries. */

typedef struct rng {
	uint64_t s[4];
} rng;

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* A stream of its own for each (seed, a, b, c): an organisation's year
 * comes out the same whatever was generated before it. */
static void rng_init(rng *r, uint64_t seed, uint64_t a, uint64_t b, uint64_t c)
{
	uint64_t x = seed ^ (a * 0xD1342543DE82EF95ULL) ^ (b * 0xA24BAED4963EE407ULL) ^
		     (c * 0x9FB21C651E98DF25ULL);
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix64(&x);
}

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64_t rng_next(rng *r)
{
	uint64_t *s = r->s;
	uint64_t result = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

/* 0 <= result < n (n > 0). */
static uint32_t rng_below(rng *r, uint32_t n)
{
	return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

/* lo <= result <= hi. */
static int rng_range(rng *r, int lo, int hi)
{
	return lo + (int)rng_below(r, (uint32_t)(hi - lo + 1));
}

static double rng_unit(rng *r)
{
	return (double)(rng_next(r) >> 11) * 0x1p-53;
}

static bool rng_chance(rng *r, double p)
{
	return rng_unit(r) < p;
}

static double rng_normal(rng *r)
{
	double u = rng_unit(r), v = rng_unit(r);
	return sqrt(-2.0 * log(u + 1e-300)) * cos(6.283185307179586 * v);
}

/* An index chosen by weight. */
static size_t rng_weighted(rng *r, const int *weights, size_t n)
{
	int total = 0;
	for (size_t i = 0; i < n; i++)
		total += weights[i];
	int x = (int)rng_below(r, (uint32_t)total);
	for (size_t i = 0; i < n; i++) {
		if (x < weights[i])
			return i;
		x -= weights[i];
	}
	return n - 1;
}

#define PICK(r, pool) ((pool)[rng_below((r), (uint32_t)ARRAY_LEN(pool))])

/* ---- words ---------------------------------------------------------------
 * Invented organisations, people and evidence. No instrument wording lives
 * here: element, indicator, step, question, principle, level and outcome
 * keys all come from the installed instrument files. */

static const char *const places[] = {
	"Ashbury", "Bramford", "Carlow Vale", "Dunmere", "Eastwick", "Fenwold", "Glenholm",
	"Harrowby", "Ingleby Cross", "Kirkdale", "Langmoor", "Marshfield", "Netherby", "Oakhurst",
	"Penford", "Queensbridge", "Rothwell Vale", "Sandmere", "Thornley", "Ullswick",
	"Wexcombe", "Yarrowby", "Alderley Moor", "Blackwater", "Coldharbour", "Downley",
	"Elmstead", "Foxbury", "Greyfriars", "Hartwell", "Irwell Bank", "Kingsholm", "Lydford",
	"Milbourne", "Northcote", "Ormsby", "Pelham", "Redmarsh", "Stanbury", "Tenterfield",
	"Upperby", "Westhallow", "Wychford", "Ambleside Vale", "Brackenfield", "Calderbrook",
	"Dovecote", "Edgeworth", "Fairhaven", "Goldthorpe",
};
static const char *const place_prefixes[] = {
	"", "North ", "South ", "East ", "West ", "Greater ", "Upper ", "Lower ",
};
static const char *const stems[] = {
	"Oakfield", "Riverside", "Hillside", "Meadow View", "St Mary's", "St John's",
	"Holy Trinity", "Greenacres", "Westfield", "Brook Lane", "Elmwood", "Ashgrove",
	"Beech Hill", "Castle", "Church Street", "Fairfield", "Highfield", "Kingsway", "Lakeside",
	"Mill Lane", "Northgate", "Orchard", "Park View", "Queensway", "Redbrook", "Sandfield",
	"Thornbury", "Valley", "Willow", "Woodlands", "Abbey", "Bridge", "Cedar", "Dale",
	"Eastbrook", "Fernhill", "Gorse Hill", "Hawthorn", "Ivy Lane", "Juniper", "Kestrel",
	"Larch", "Maple", "Newlands", "Oak Tree", "Pinewood", "Rosehill", "Silverdale",
	"Tanyard", "Upton", "Victoria", "Windmill", "Yew Tree", "Hollybank", "Moorside",
	"Springfield", "Broadway", "Chestnut", "Heathfield", "Rowan", "St Peter's", "St Anne's",
	"All Saints", "Sacred Heart", "Bishop's", "Canal Side", "Market Street", "Station Road",
	"Harbour", "Forest",
};
static const char *const districts[] = {
	"Northside", "Eastfield", "Southgate", "Westbrook", "Old Town", "Newtown", "Hilltop",
	"Marsh End", "Bridgefoot", "Church End", "Moor Side", "Ferry Lane",
};
static const char *const first_names[] = {
	"Amira", "Ben", "Chloe", "Dev", "Ella", "Farah", "George", "Hana", "Isaac", "Jade",
	"Kofi", "Leah", "Mohammed", "Niamh", "Owen", "Priya", "Rhys", "Sofia", "Tom", "Uma",
	"Victor", "Wen", "Yusuf", "Zara", "Aled", "Bethan", "Callum", "Dana", "Emeka", "Freya",
};
static const char *const last_names[] = {
	"Ahmed", "Brown", "Clarke", "Davies", "Evans", "Fraser", "Green", "Hussain", "Iqbal",
	"Jones", "Khan", "Lewis", "Morgan", "Nowak", "Okafor", "Patel", "Quinn", "Roberts",
	"Singh", "Taylor", "Usman", "Walker", "Wright", "Young", "Begum", "Campbell", "Edwards",
	"Hughes", "Murphy", "Thompson",
};

enum naming { BY_STEM, BY_PLACE };
enum id_kind { ID_NONE, ID_URN, ID_URN_UKPRN, ID_ODS };

typedef struct org_kind {
	const char *sector, *type;
	int weight;                     /* per 1000 organisations */
	enum naming naming;
	enum id_kind ids;
	const char *endings[6];
} org_kind;

static const org_kind kinds[] = {
	{"education", "Community school", 220, BY_STEM, ID_URN,
	 {"Primary School", "Infant School", "Junior School", "Community Primary School", "High School", "Secondary School"}},
	{"education", "Voluntary aided school", 70, BY_STEM, ID_URN,
	 {"Catholic Primary School", "CofE Primary School", "Catholic High School", "CofE Junior School"}},
	{"education", "Voluntary controlled school", 40, BY_STEM, ID_URN,
	 {"CofE Primary School", "CofE Infant School", "Methodist Primary School"}},
	{"education", "Foundation school", 30, BY_STEM, ID_URN,
	 {"Primary School", "High School", "Community College"}},
	{"education", "Academy converter", 240, BY_STEM, ID_URN,
	 {"Academy", "Primary Academy", "High School", "School", "Church of England Academy"}},
	{"education", "Academy sponsor led", 80, BY_STEM, ID_URN,
	 {"Academy", "Primary Academy", "Community Academy"}},
	{"education", "Free school", 25, BY_STEM, ID_URN, {"Free School", "Studio School"}},
	{"education", "Special school", 35, BY_STEM, ID_URN,
	 {"School", "Special School", "Specialist School"}},
	{"education", "Academy special converter", 20, BY_STEM, ID_URN,
	 {"Academy", "Specialist Academy"}},
	{"education", "Pupil referral unit", 10, BY_STEM, ID_URN,
	 {"Pupil Referral Unit", "Learning Centre", "Tuition Centre"}},
	{"education", "Further education college", 15, BY_PLACE, ID_URN_UKPRN,
	 {"College", "Sixth Form College", "College of Further Education"}},
	{"education", "Nursery school", 15, BY_STEM, ID_URN,
	 {"Nursery School", "Children's Centre Nursery"}},
	{"health", "NHS trust service", 55, BY_PLACE, ID_ODS,
	 {"Community Paediatrics", "Child and Adolescent Mental Health Service", "Children's Speech and Language Therapy",
	  "Children's Occupational Therapy", "Children's Physiotherapy", "Children's Community Nursing"}},
	{"health", "Integrated care board", 5, BY_PLACE, ID_ODS,
	 {"Integrated Care Board SEND Team", "Designated Clinical Officer Service"}},
	{"health", "Community health service", 20, BY_PLACE, ID_ODS,
	 {"Health Visiting Service", "School Nursing Service", "Wheelchair Service", "Neurodevelopmental Pathway"}},
	{"care", "Children's social care team", 30, BY_PLACE, ID_NONE,
	 {"Children with Disabilities Team", "SEND Social Care Team", "Transitions Team", "0-25 Disabled Children's Service"}},
	{"care", "Short breaks service", 20, BY_STEM, ID_NONE,
	 {"Short Breaks", "Play and Leisure Short Breaks"}},
	{"care", "Children's home", 10, BY_STEM, ID_NONE, {"House", "Lodge"}},
	{"care", "Early help team", 10, BY_PLACE, ID_NONE, {"Early Help Team", "Family Hub"}},
	{"voluntary", "Parent carer forum", 10, BY_PLACE, ID_NONE, {"Parent Carer Forum"}},
	{"voluntary", "Charity", 25, BY_STEM, ID_NONE,
	 {"Autism Support", "Family Support Group", "Down Syndrome Support", "Sensory Support"}},
	{"voluntary", "Youth group", 15, BY_STEM, ID_NONE,
	 {"Youth Club", "Inclusive Sports Club", "Young People's Forum"}},
};

static const char *const evidence_titles[] = {
	"Parent carer survey summary", "Pupil voice survey results", "Minutes of the SEND parent forum",
	"School council feedback on the sensory room", "Annual review attended by the young person",
	"Co-produced one-page profiles", "Coffee morning with the Parent Carer Forum",
	"'You said, we did' display", "Transition visits for new starters",
	"Training record: active listening for practitioners", "Home visit notes before starting",
	"Feedback cards from the drop-in session", "Young people's panel on the local offer",
	"Family newsletter co-written with parents", "Photographs from the inclusive sports day",
	"Accessibility walk of the building with pupils", "Complaints and compliments log review",
	"EHCP outcomes reviewed with families", "Staff meeting on reasonable adjustments",
	"Questionnaire in symbols for non-readers", "Recorded video feedback from young people",
	"Governors' meeting with parent representatives", "Induction pack reviewed by a parent carer",
	"Joint training with health visitors", "Parents' evening with interpreters",
	"Co-production charter signed by the team", "Support plan meeting with the family",
	"Quiet space set up after pupils' suggestions", "Peer mentoring scheme launch",
	"Communication passports written with children", "Focus group with fathers and male carers",
	"Short breaks offer shaped by young people", "Information report reviewed by parents",
	"Celebration assembly for the youth panel", "Evaluation forms from the workshop",
	"Case study: a child's own words in the plan", "Feedback from the SENDIASS drop-in",
	"Agreed actions from the multi-agency meeting", "Sibling group session notes",
	"Preparing for adulthood event feedback",
};
static const char *const evidence_when[] = {
	"autumn term", "spring term", "summer term", "Year 7", "Year 11", "Reception", "Key Stage 2",
	"Key Stage 4", "post-16", "early years",
};
static const char *const sentences[] = {
	"Families were invited by text and letter, and eleven came.",
	"Children chose the questions with support from a teaching assistant.",
	"The results were shared back at the next coffee morning.",
	"Two parent carers helped to rewrite the wording in plain English.",
	"Young people presented their findings to the senior leadership team.",
	"Practitioners recorded what changed as a result in the team minutes.",
	"An interpreter was booked so that every family could take part.",
	"Comments were collected on sticky notes and typed up afterwards.",
	"The session was run twice, once in the evening for working parents.",
	"Feedback was mostly positive; waiting times were the main concern.",
	"Pupils who use symbols answered with a visual questionnaire.",
	"The Parent Carer Forum reviewed the draft before it was published.",
	"Notes were agreed with the young person before being shared.",
	"Attendance registers and photographs are kept in the shared drive.",
	"Follow-up calls were made to families who could not attend.",
	"Staff reflected on the feedback at the following training day.",
	"The plan was updated the same week with the family's changes.",
	"A short video summary was made with the young people's consent.",
	"Governors asked for the results to be reported every term.",
	"Three changes were agreed and are tracked in the action plan.",
};
static const char *const strengths_pool[] = {
	"Families describe the welcome as warm and say staff listen.",
	"Children's views are gathered in ways that suit how they communicate.",
	"Parent carers helped to design the survey and shared the results.",
	"Practitioners have had training and use it in their daily work.",
	"Decisions are explained to families, with reasons given in writing.",
	"Young people sit on the panel and their suggestions have been acted on.",
	"Information is available in easy read and in community languages.",
	"Feedback is reported back through a 'you said, we did' board.",
};
static const char *const areas_pool[] = {
	"Fathers and male carers are rarely heard; we will try evening sessions.",
	"Children with complex needs are not yet included in surveys.",
	"Feedback is collected but not always reported back to families.",
	"Practitioners new to the team have not had co-production training.",
	"Families for whom English is an additional language are under-represented.",
	"Young people are not yet involved in reviewing policies.",
	"Records of involvement are kept in different places and are hard to find.",
	"The waiting list for assessment is a source of frustration for families.",
};
static const char *const action_titles[] = {
	"Run an evening session for working parents",
	"Translate the survey into the three most spoken community languages",
	"Invite the school council to review the behaviour policy",
	"Active listening training for all practitioners",
	"Publish a 'you said, we did' summary every term",
	"Walk the building with pupils who use adjustments",
	"Set up a young people's panel for the local offer",
	"Review the induction pack with a parent carer",
	"Add symbol-supported questions to the annual survey",
	"Agree a co-production charter with the Parent Carer Forum",
	"Record families' involvement in one shared place",
	"Contact families who have not been heard from this year",
};
static const char *const owners[] = {
	"SENCO", "Head teacher", "Deputy head", "Parent carer forum chair", "Family support worker",
	"Designated clinical officer", "Team manager", "Participation officer", "Inclusion lead",
};
static const char *const project_titles[] = {
	"Co-producing the short breaks offer", "Redesigning annual reviews with families",
	"Transition to secondary school: a guide by young people", "Rewriting the local offer website",
	"A waiting well pack for the neurodevelopmental pathway", "Preparing for adulthood workshops",
	"Making the EHCP process easier to follow", "Inclusive after-school clubs",
	"A sensory-friendly reception area", "Parent carer training on communication aids",
	"Young people's charter for health appointments", "Joint commissioning of speech and language support",
};
static const char *const service_areas[] = {
	"Education", "Health", "Social care", "Short breaks", "Preparing for adulthood",
	"Early years", "Local offer", "Therapies", "Mental health", "Transport",
};
static const char *const person_roles[] = {
	"Parent carer", "Young person", "SENCO", "Speech and language therapist", "Team manager",
	"Participation officer", "Social worker", "Family support worker", "Governor",
};
static const char *const designations[] = {
	"SENCO", "Parent carer representative", "Head teacher", "Service manager",
	"Participation officer", "Designated clinical officer", "Youth panel member",
	"Commissioning manager",
};
static const char *const return_comments[] = {
	"Please add evidence from children and young people for principles 1 and 5.",
	"The outcome differs from the suggested one: please give the reason.",
	"Who took part is unclear; please list the people completing the audit.",
	"Please say what will happen next and by when.",
};
static const char *const accept_comments[] = {
	"", "Thank you: a clear and honest audit.", "Accepted; the next steps are well chosen.",
	"Accepted. Please share the summary with the Parent Carer Forum.",
};
static const char *const next_steps_pool[] = {
	"Invite young people to co-chair the steering group",
	"Report back to families every term",
	"Train new staff in co-production within their first month",
	"Offer sessions at different times and places",
	"Ask the Parent Carer Forum to review the next audit",
	"Publish the audit summary on the local offer",
};
static const char *const step_notes[] = {
	"Planning meeting booked with the Parent Carer Forum.",
	"Young people's panel asked for more time; agreed.",
	"Draft shared with families for comments.",
	"Waiting for the commissioner's reply.",
};
static const char *const answer_notes[] = {
	"Agreed at the steering group.", "Families asked for this to be revisited.",
	"Partly done: the young people's panel has not met yet.", "",
};

/* ---- the instruments ------------------------------------------------------ */

typedef struct gen_indicator {
	const char *element, *key;
} gen_indicator;

typedef struct gen_element {
	const char *key;
	size_t first, n;                /* its indicators in instruments.indicators */
} gen_element;

typedef struct step_ref {
	const char *key;
	const char *questions[8];
	size_t n_questions;
} step_ref;

typedef struct principle_ref {
	const char *key;
	const char *levels[MAX_LEVELS];  /* lowest first */
	size_t n_levels;
} principle_ref;

typedef struct instruments {
	const framework *evaluation, *model, *audit;
	gen_indicator indicators[MAX_INDICATORS];
	size_t n_indicators;
	gen_element elements[MAX_ELEMENTS];
	size_t n_elements;
	step_ref steps[MAX_STEPS];
	size_t n_steps;
	principle_ref principles[MAX_PRINCIPLES];
	size_t n_principles;
	const char *outcomes[MAX_LEVELS];       /* lowest first, as the levels */
	size_t n_outcomes;
} instruments;

#define EVALUATION_FW "four-cornerstones"
#define MODEL_FW "york-strategic-model"
#define AUDIT_FW "york-joint-partnership-audit"

static int instruments_load(instruments *in, const fw_registry *reg, err *e)
{
	memset(in, 0, sizeof *in);
	in->evaluation = fw_registry_find(reg, EVALUATION_FW);
	in->model = fw_registry_find(reg, MODEL_FW);
	in->audit = fw_registry_find(reg, AUDIT_FW);
	if (!in->evaluation || !in->model || !in->audit)
		return err_set(e, ERR_NOTFOUND,
			       "the instruments %s, %s and %s must be installed in %s: set COPRO_FRAMEWORKS to copro's frameworks folder.",
			       EVALUATION_FW, MODEL_FW, AUDIT_FW, reg->dir ? reg->dir : "the frameworks folder");
	const framework *fw = in->evaluation;
	for (size_t s = 0; s < fw->n_sections; s++)
		for (size_t i = 0; i < fw->sections[s].n_elements; i++) {
			const fw_element *el = &fw->sections[s].elements[i];
			if (in->n_elements == MAX_ELEMENTS || in->n_indicators + el->n_indicators > MAX_INDICATORS)
				return err_set(e, ERR_INPUT, "%s has more statements or indicators than the generator holds.", fw->id);
			gen_element *er = &in->elements[in->n_elements++];
			er->key = el->key;
			er->first = in->n_indicators;
			er->n = el->n_indicators;
			for (size_t k = 0; k < el->n_indicators; k++)
				in->indicators[in->n_indicators++] = (gen_indicator){el->key, el->indicators[k].key};
		}
	fw = in->model;
	for (size_t s = 0; s < fw->n_sections; s++)
		for (size_t i = 0; i < fw->sections[s].n_elements && in->n_steps < MAX_STEPS; i++) {
			const fw_element *el = &fw->sections[s].elements[i];
			step_ref *st = &in->steps[in->n_steps++];
			st->key = el->key;
			for (size_t q = 0; q < el->n_questions && q < ARRAY_LEN(st->questions); q++)
				st->questions[st->n_questions++] = el->questions[q].key;
		}
	fw = in->audit;
	for (size_t s = 0; s < fw->n_sections && in->n_principles < MAX_PRINCIPLES; s++) {
		/* A principle is a section; its levels are those of its element. */
		if (!fw->sections[s].n_elements)
			continue;
		const fw_element *el = &fw->sections[s].elements[0];
		principle_ref *p = &in->principles[in->n_principles++];
		p->key = fw->sections[s].key;
		for (size_t l = 0; l < el->n_levels && l < MAX_LEVELS; l++)
			p->levels[p->n_levels++] = el->levels[l].key;
	}
	json_t *outcomes = json_object_get(fw->doc, "outcomes");
	for (size_t i = 0; i < json_array_size(outcomes) && i < MAX_LEVELS; i++)
		in->outcomes[in->n_outcomes++] = json_string_value(json_object_get(json_array_get(outcomes, i), "key"));
	if (!in->n_indicators || !in->n_steps || !in->n_principles || !in->n_outcomes)
		return err_set(e, ERR_INPUT, "the installed instruments lack indicators, steps, principles or outcomes.");
	for (size_t i = 0; i < in->n_principles; i++)
		if (in->principles[i].n_levels != in->n_outcomes)
			return err_set(e, ERR_INPUT,
				       "%s: principle %s has %zu levels but there are %zu outcomes; the generator maps one to the other.",
				       AUDIT_FW, in->principles[i].key, in->principles[i].n_levels, in->n_outcomes);
	return 0;
}

/* ---- what is planned for each area and organisation ----------------------- */

typedef struct area_plan {
	int64_t id;
	char name[64], la_code[16];
	double weight;
	int n_orgs;
	bool has_setting;
	int score_min, score_max;
	const char *rule;
	int64_t admin_user;
	char admin_name[48];
} area_plan;

typedef struct org_plan {
	int64_t id;
	size_t area;
	const org_kind *kind;
	double quality;                 /* how well co-production goes there */
	int eval_first, eval_years;     /* evaluations in years [first, first + years) */
	bool heavy;
	int project_year[MAX_PROJECTS]; /* -1: none */
	bool audit_year[YEARS];
	int64_t lead_user;
	char lead_name[48];
	/* filled in as the years are written */
	int64_t evidence_first, evidence_n;     /* the latest evaluation's evidence ids */
	int64_t projects[MAX_PROJECTS];
	size_t n_projects;
} org_plan;

/* ---- the generator -------------------------------------------------------- */

enum table {
	T_AREA, T_AREA_SETTING, T_ORG, T_USER, T_MEMBERSHIP, T_EVALUATION, T_EVIDENCE, T_LINK,
	T_REVIEW, T_ACTION, T_PROJECT, T_PROJECT_PERSON, T_PROJECT_STEP, T_PROJECT_ANSWER,
	T_PROJECT_EVIDENCE, T_AUDIT, T_AUDIT_PERSON, T_AUDIT_PRINCIPLE, T_AUDIT_EVIDENCE,
	T_AUDIT_EVENT, T_ACTIVITY, T_COUNT
};

static const struct {
	const char *name, *sql;
} tables[T_COUNT] = {
	[T_AREA] = {"area", "INSERT INTO area (id, name, created_at) VALUES (?, ?, ?)"},
	[T_AREA_SETTING] = {"area_setting",
		"INSERT INTO area_setting (area_id, score_min, score_max, outcome_rule, updated_at)"
		" VALUES (?, ?, ?, ?, ?)"},
	[T_ORG] = {"organisation",
		"INSERT INTO organisation (id, name, type, sector, area_id, urn, ukprn, ods_code,"
		" opened_on, created_at, updated_at, la_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"},
	[T_USER] = {"app_user",
		"INSERT INTO app_user (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)"},
	[T_MEMBERSHIP] = {"membership",
		"INSERT INTO membership (user_id, area_id, organisation_id, role, partner_group, created_at)"
		" VALUES (?, ?, ?, ?, ?, ?)"},
	[T_EVALUATION] = {"evaluation",
		"INSERT INTO evaluation (id, organisation_id, framework_id, framework_hash, cycle, status,"
		" created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"},
	[T_EVIDENCE] = {"evidence",
		"INSERT INTO evidence (id, organisation_id, title, description, evidence_date, url, with_cyp,"
		" with_parents, with_practitioners, created_at, updated_at)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"},
	[T_LINK] = {"evidence_link",
		"INSERT INTO evidence_link (evidence_id, evaluation_id, element_key, indicator_key, created_at)"
		" VALUES (?, ?, ?, ?, ?)"},
	[T_REVIEW] = {"statement_review",
		"INSERT INTO statement_review (evaluation_id, element_key, strengths, areas, status, with_cyp,"
		" with_parents, with_practitioners, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"},
	[T_ACTION] = {"action_item",
		"INSERT INTO action_item (id, organisation_id, title, owner, due_on, review_on, status,"
		" source_evaluation_id, source_element_key, created_at, updated_at, source_audit_id)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"},
	[T_PROJECT] = {"project",
		"INSERT INTO project (id, organisation_id, framework_id, framework_hash, title, service_area,"
		" description, starts_on, ends_on, created_at, updated_at)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"},
	[T_PROJECT_PERSON] = {"project_person",
		"INSERT INTO project_person (project_id, position, name, role, partner_group)"
		" VALUES (?, ?, ?, ?, ?)"},
	[T_PROJECT_STEP] = {"project_step",
		"INSERT INTO project_step (project_id, step_key, done, done_on, note, updated_at)"
		" VALUES (?, ?, ?, ?, ?, ?)"},
	[T_PROJECT_ANSWER] = {"project_answer",
		"INSERT INTO project_answer (project_id, step_key, question_key, answer, note, updated_at)"
		" VALUES (?, ?, ?, ?, ?, ?)"},
	[T_PROJECT_EVIDENCE] = {"project_evidence",
		"INSERT OR IGNORE INTO project_evidence (project_id, step_key, evidence_id, created_at)"
		" VALUES (?, ?, ?, ?)"},
	[T_AUDIT] = {"audit",
		"INSERT INTO audit (id, organisation_id, framework_hash, project_id, first_id, version, status,"
		" service_area, description, audit_date, outcome, outcome_reason, summary, next_steps,"
		" review_on, signed_by, signed_on, submitted_at, decided_at, created_at, updated_at)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"},
	[T_AUDIT_PERSON] = {"audit_person",
		"INSERT INTO audit_person (audit_id, position, name, designation) VALUES (?, ?, ?, ?)"},
	[T_AUDIT_PRINCIPLE] = {"audit_principle",
		"INSERT INTO audit_principle (audit_id, principle_key, level, score, notes, updated_at)"
		" VALUES (?, ?, ?, ?, ?, ?)"},
	[T_AUDIT_EVIDENCE] = {"audit_evidence",
		"INSERT OR IGNORE INTO audit_evidence (audit_id, principle_key, evidence_id, created_at)"
		" VALUES (?, ?, ?, ?)"},
	[T_AUDIT_EVENT] = {"audit_event",
		"INSERT INTO audit_event (id, audit_id, at, user_id, user_name, status, comment)"
		" VALUES (?, ?, ?, ?, ?, ?, ?)"},
	[T_ACTIVITY] = {"activity",
		"INSERT INTO activity (id, at, user_id, user_name, area_id, organisation_id, what)"
		" VALUES (?, ?, ?, ?, ?, ?, ?)"},
};

typedef struct gen {
	uint64_t seed;
	int n_orgs, n_areas;
	bool heavy;
	bool schema_only;               /* --schema-only: copro's tables, no rows */
	const char *path;
	store db;
	instruments in;
	area_plan *areas;
	org_plan *orgs;
	size_t n_plans;                 /* n_orgs, plus one with --heavy */
	sqlite3_stmt *st[T_COUNT];
	int64_t rows[T_COUNT];
	int64_t next_user, next_eval, next_evidence, next_action, next_project, next_audit,
		next_event, next_activity;
	int64_t today;                  /* GEN_TODAY, in seconds */
	err e;
} gen;

/* ---- writing rows --------------------------------------------------------- */

static void bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);   /* put() steps before returning */
	else
		sqlite3_bind_null(st, i);
}

static void bind_int(sqlite3_stmt *st, int i, int64_t v)
{
	sqlite3_bind_int64(st, i, v);
}

static void bind_id(sqlite3_stmt *st, int i, int64_t v)    /* 0: NULL */
{
	if (v)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

/* Binds `fmt` values in order: s text (NULL: NULL), i int64, d id (0:
 * NULL), n a number that is NULL when negative (an optional score). */
static int put(gen *g, enum table t, const char *fmt, ...)
{
	sqlite3_stmt *st = g->st[t];
	va_list ap;
	va_start(ap, fmt);
	for (int i = 1; *fmt; fmt++, i++) {
		if (*fmt == 's')
			bind_text(st, i, va_arg(ap, const char *));
		else if (*fmt == 'i')
			bind_int(st, i, va_arg(ap, int64_t));
		else if (*fmt == 'n') {
			int64_t v = va_arg(ap, int64_t);
			if (v < 0)
				sqlite3_bind_null(st, i);
			else
				bind_int(st, i, v);
		} else
			bind_id(st, i, va_arg(ap, int64_t));
	}
	va_end(ap);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return err_set(&g->e, ERR_INTERNAL, "writing %s failed: %s.", tables[t].name,
			       sqlite3_errmsg(g->db.db));
	if (sqlite3_changes(g->db.db))
		g->rows[t]++;
	return 0;
}

#define I(v) ((int64_t)(v))

static void iso_time(int64_t t, char out[21])
{
	time_iso(t, out);
}

static void iso_day(int64_t t, char out[11])
{
	char full[21];
	time_iso(t, full);
	memcpy(out, full, 10);
	out[10] = '\0';
}

/* 1 September of school year `year` (0 = 2024-25). */
static int64_t year_start(int year)
{
	char iso[21];
	snprintf(iso, sizeof iso, "%d-09-01T00:00:00Z", FIRST_YEAR + year);
	return time_parse_iso(iso);
}

/* The end of its summer term, or today for the current year. */
static int64_t year_end(const gen *g, int year)
{
	int64_t end = year_start(year + 1) - 32 * 86400;        /* 31 July */
	return end < g->today ? end : g->today;
}

/* A moment of a working day between `from` and `to`, never after today. */
static int64_t moment_in(gen *g, rng *r, int64_t from, int64_t to)
{
	if (to > g->today)
		to = g->today;
	if (to <= from)
		return from + 9 * 3600;
	int64_t day = rng_below(r, (uint32_t)((to - from) / 86400 + 1));
	int64_t second = rng_below(r, 10 * 3600);
	return from + day * 86400 + 8 * 3600 + second;
}

/* Some days after `t` (what follows it: a decision, a revision), capped
 * at today so that nothing has happened yet in the future. */
static int64_t later(gen *g, rng *r, int64_t t, int min_days, int max_days)
{
	int64_t days = rng_range(r, min_days, max_days);
	int64_t v = t + days * 86400 + rng_below(r, 3600);
	if (v < g->today)
		return v;
	return (t > g->today ? t : g->today) + rng_below(r, 600);
}

static int groups_random(rng *r, double cyp, double parents, double practitioners)
{
	int groups = rng_chance(r, cyp) ? 1 : 0;
	groups |= rng_chance(r, parents) ? 2 : 0;
	groups |= rng_chance(r, practitioners) ? 4 : 0;
	return groups;
}

static int activity(gen *g, int64_t at, int64_t user, const char *user_name, int64_t area,
		    int64_t org, const char *what)
{
	char iso[21];
	iso_time(at, iso);
	return put(g, T_ACTIVITY, "isdsdds", I(++g->next_activity), iso, I(user), user_name,
		   I(area), I(org), what);
}

/* Two different sentences of a pool, one after the other. */
static void two_of(rng *r, const char *const *pool, size_t n, char *out, size_t size)
{
	size_t first = rng_below(r, (uint32_t)n);
	size_t second = (first + 1 + rng_below(r, (uint32_t)n - 1)) % n;
	snprintf(out, size, "%s %s", pool[first], pool[second]);
}

#define TWO_OF(r, pool, out) two_of((r), (pool), ARRAY_LEN(pool), (out), sizeof (out))

static void person_name(rng *r, char *out, size_t size)
{
	const char *first = PICK(r, first_names);
	snprintf(out, size, "%s %s", first, PICK(r, last_names));
}

/* ---- areas ---------------------------------------------------------------- */

static int write_areas(gen *g)
{
	rng r;
	rng_init(&r, g->seed, 1, 0, 0);
	size_t np = ARRAY_LEN(places), npre = ARRAY_LEN(place_prefixes);
	char created[21];
	iso_time(year_start(0) - 120 * 86400, created);
	for (int a = 0; a < g->n_areas; a++) {
		area_plan *ap = &g->areas[a];
		ap->id = a + 1;
		size_t round = (size_t)a / np;
		if (round < npre)
			snprintf(ap->name, sizeof ap->name, "%s%s", place_prefixes[round], places[(size_t)a % np]);
		else
			snprintf(ap->name, sizeof ap->name, "%s %zu", places[(size_t)a % np], round);
		snprintf(ap->la_code, sizeof ap->la_code, "%03d", 201 + a);
		/* Local areas differ several-fold in size: log-normal weights. */
		double w = exp(0.6 * rng_normal(&r));
		ap->weight = w < 0.1 ? 0.1 : w > 4.5 ? 4.5 : w;
		if (put(g, T_AREA, "iss", I(ap->id), ap->name, created) < 0)
			return -1;
		ap->has_setting = rng_chance(&r, 0.4);
		if (ap->has_setting) {
			static const struct { int min, max; const char *rule; } settings[] = {
				{1, 3, "lowest-level"}, {1, 4, "lowest-level"}, {0, 4, "most-common-level"},
				{1, 5, "most-common-level"}, {1, 10, "lowest-level"}, {1, 3, "most-common-level"},
			};
			size_t k = rng_below(&r, ARRAY_LEN(settings));
			ap->score_min = settings[k].min;
			ap->score_max = settings[k].max;
			ap->rule = settings[k].rule;
			if (put(g, T_AREA_SETTING, "iiiss", I(ap->id), I(ap->score_min), I(ap->score_max),
				ap->rule, created) < 0)
				return -1;
		} else {
			/* copro's defaults while an area has saved none. */
			ap->score_min = 1;
			ap->score_max = 3;
			ap->rule = "lowest-level";
		}
		/* Two administrators; the first is the one pagetime signs in as. */
		for (int k = 1; k <= 2; k++) {
			char email[80], name[48];
			snprintf(email, sizeof email, "admin%d.area%lld@bench.invalid", k, (long long)ap->id);
			person_name(&r, name, sizeof name);
			int64_t user = ++g->next_user;
			if (k == 1) {
				ap->admin_user = user;
				snprintf(ap->admin_name, sizeof ap->admin_name, "%s", name);
			}
			if (put(g, T_USER, "issss", I(user), email, name, BENCH_PASSWORD_HASH, created) < 0 ||
			    put(g, T_MEMBERSHIP, "iddsss", I(user), I(ap->id), I(0), "area-admin",
				(const char *)NULL, created) < 0)
				return -1;
		}
	}
	return 0;
}

/* ---- organisations -------------------------------------------------------- */

/* A set of 64-bit name hashes per area, to keep names unique in an area. */
typedef struct name_set {
	uint64_t *slots;
	size_t cap;
} name_set;

static uint64_t name_hash(size_t area, const char *name)
{
	uint64_t h = 1469598103934665603ULL ^ (uint64_t)area;
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		h = (h ^ *p) * 1099511628211ULL;
	return h ? h : 1;
}

/* True when added, false when the name was there already. */
static bool name_add(name_set *s, uint64_t h)
{
	size_t i = (size_t)(h % s->cap);
	while (s->slots[i]) {
		if (s->slots[i] == h)
			return false;
		i = (i + 1) % s->cap;
	}
	s->slots[i] = h;
	return true;
}

static void org_name(gen *g, rng *r, name_set *names, const org_plan *o, char *out, size_t size)
{
	const org_kind *k = o->kind;
	size_t n_endings = 0;
	while (n_endings < ARRAY_LEN(k->endings) && k->endings[n_endings])
		n_endings++;
	const char *ending = k->endings[rng_below(r, (uint32_t)n_endings)];
	const char *base = k->naming == BY_STEM ? PICK(r, stems) : g->areas[o->area].name;
	snprintf(out, size, "%s %s", base, ending);
	for (int tries = 0; !name_add(names, name_hash(o->area, out)); tries++) {
		if (tries < 8)
			snprintf(out, size, "%s %s, %s", base, ending, PICK(r, districts));
		else
			snprintf(out, size, "%s %s (%d)", base, ending, tries);
	}
}

static size_t pick_area(const gen *g, rng *r, const double *cumulative)
{
	double x = rng_unit(r) * cumulative[g->n_areas - 1];
	size_t lo = 0, hi = (size_t)g->n_areas - 1;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cumulative[mid] > x)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

static void plan_org(org_plan *o, size_t index, rng *r)
{
	int weights[ARRAY_LEN(kinds)];
	for (size_t i = 0; i < ARRAY_LEN(kinds); i++)
		weights[i] = kinds[i].weight;
	o->id = (int64_t)index + 1;
	o->kind = &kinds[rng_weighted(r, weights, ARRAY_LEN(kinds))];
	o->quality = 0.3 + 0.6 * rng_normal(r);
	/* One to three self-evaluations, in consecutive school years. */
	static const int n_evals[] = {35, 35, 30};
	o->eval_years = 1 + (int)rng_weighted(r, n_evals, 3);
	o->eval_first = rng_range(r, 0, YEARS - o->eval_years);
	for (int p = 0; p < MAX_PROJECTS; p++)
		o->project_year[p] = -1;
	/* About a third work with York's joint partnership model. */
	if (rng_chance(r, 1.0 / 3)) {
		int n_projects = rng_chance(r, 0.7) ? 1 : 2;
		for (int p = 0; p < n_projects; p++)
			o->project_year[p] = rng_range(r, 0, YEARS - 1);
		int n_audits = rng_range(r, 1, 3);
		for (int a = 0; a < n_audits; a++)
			o->audit_year[rng_range(r, 0, YEARS - 1)] = true;
	}
}

static void plan_heavy(gen *g, org_plan *o)
{
	/* The largest area's heaviest organisation: every indicator evidenced,
	 * 500 items in its current evaluation, projects and audits each year. */
	size_t largest = 0;
	for (int a = 1; a < g->n_areas; a++)
		if (g->areas[a].n_orgs > g->areas[largest].n_orgs)
			largest = (size_t)a;
	o->area = largest;
	g->areas[largest].n_orgs++;
	o->kind = &kinds[4];
	o->quality = 0.8;
	o->heavy = true;
	o->eval_first = 0;
	o->eval_years = YEARS;
	o->project_year[0] = 0;
	o->project_year[1] = YEARS - 1;
	for (int y = 0; y < YEARS; y++)
		o->audit_year[y] = true;
}

static int write_org(gen *g, org_plan *o, name_set *names, rng *r)
{
	area_plan *ap = &g->areas[o->area];
	char name[200], urn[24] = "", ukprn[24] = "", ods[24] = "", opened[11] = "", created[21];
	if (o->heavy)
		snprintf(name, sizeof name, "Heavy Benchmark Academy");
	else
		org_name(g, r, names, o, name, sizeof name);
	if (o->heavy)
		name_add(names, name_hash(o->area, name));
	/* URNs are unique: spaced out by organisation index. */
	if (o->kind->ids == ID_URN || o->kind->ids == ID_URN_UKPRN)
		snprintf(urn, sizeof urn, "%lld", 100000LL + (o->id - 1) * 4 + rng_below(r, 4));
	if (o->kind->ids == ID_URN_UKPRN)
		snprintf(ukprn, sizeof ukprn, "%lld", 10000000LL + o->id * 7);
	if (o->kind->ids == ID_ODS) {
		int trust1 = 'A' + (int)rng_below(r, 26);
		int trust2 = 'A' + (int)rng_below(r, 26);
		snprintf(ods, sizeof ods, "R%c%c%02d", trust1, trust2, (int)rng_below(r, 100));
	}
	if (!strcmp(o->kind->sector, "education") || rng_chance(r, 0.3))
		iso_day(time_parse_iso("1950-01-01T00:00:00Z") + (int64_t)rng_below(r, 70 * 365) * 86400, opened);
	int64_t days_before = rng_range(r, 10, 100);
	iso_time(year_start(0) - days_before * 86400 + rng_below(r, 36000), created);
	if (put(g, T_ORG, "isssisssssss", I(o->id), name, o->kind->type, o->kind->sector,
		I(ap->id), urn[0] ? urn : NULL, ukprn[0] ? ukprn : NULL, ods[0] ? ods : NULL,
		opened[0] ? opened : NULL, created, created, ap->la_code) < 0)
		return -1;
	/* A lead for every organisation, a contributor for some. */
	char email[80];
	snprintf(email, sizeof email, "lead.org%lld@bench.invalid", (long long)o->id);
	person_name(r, o->lead_name, sizeof o->lead_name);
	o->lead_user = ++g->next_user;
	if (put(g, T_USER, "issss", I(o->lead_user), email, o->lead_name, BENCH_PASSWORD_HASH, created) < 0 ||
	    put(g, T_MEMBERSHIP, "iddsss", I(o->lead_user), I(0), I(o->id), "lead",
		(const char *)"practitioners", created) < 0)
		return -1;
	if (rng_chance(r, 0.25)) {
		char cname[48];
		static const char *const groups[] = {"parent-carers", "practitioners", "children-and-young-people"};
		snprintf(email, sizeof email, "contributor.org%lld@bench.invalid", (long long)o->id);
		person_name(r, cname, sizeof cname);
		int64_t user = ++g->next_user;
		if (put(g, T_USER, "issss", I(user), email, cname, BENCH_PASSWORD_HASH, created) < 0 ||
		    put(g, T_MEMBERSHIP, "iddsss", I(user), I(0), I(o->id), "contributor",
			PICK(r, groups), created) < 0)
			return -1;
	}
	return 0;
}

static int write_orgs(gen *g)
{
	rng r;
	rng_init(&r, g->seed, 2, 0, 0);
	double *cumulative = calloc((size_t)g->n_areas, sizeof *cumulative);
	name_set names = {.cap = (size_t)g->n_orgs * 3 + 17};
	names.slots = calloc(names.cap, sizeof *names.slots);
	if (!cumulative || !names.slots)
		abort();
	double total = 0;
	for (int a = 0; a < g->n_areas; a++)
		cumulative[a] = total += g->areas[a].weight;
	for (int i = 0; i < g->n_orgs; i++) {
		org_plan *o = &g->orgs[i];
		rng orng;
		rng_init(&orng, g->seed, 3, (uint64_t)i, 0);
		/* Every area gets one organisation first, so none is empty. */
		o->area = i < g->n_areas ? (size_t)i : pick_area(g, &r, cumulative);
		g->areas[o->area].n_orgs++;
		plan_org(o, (size_t)i, &orng);
	}
	if (g->heavy) {
		org_plan *o = &g->orgs[g->n_orgs];
		o->id = g->n_orgs + 1;
		for (int p = 0; p < MAX_PROJECTS; p++)
			o->project_year[p] = -1;
		plan_heavy(g, o);
	}
	int rc = 0;
	for (size_t i = 0; i < g->n_plans && rc == 0; i++) {
		rng orng;
		rng_init(&orng, g->seed, 4, i, 0);
		rc = write_org(g, &g->orgs[i], &names, &orng);
	}
	free(cumulative);
	free(names.slots);
	return rc;
}

/* ---- one organisation's school year --------------------------------------- */

typedef struct year_ctx {
	gen *g;
	org_plan *o;
	int year;
	rng *r;
	int64_t from, to;               /* the year's window */
	const char *cycle;
} year_ctx;

static int write_links(year_ctx *c, int64_t evidence, int64_t evaluation, size_t n_evidence_index,
		       const char *created, const size_t *focus, size_t n_focus)
{
	gen *g = c->g;
	rng *r = c->r;
	const instruments *in = &g->in;
	static const int n_links[] = {30, 30, 20, 12, 8};
	size_t n = 1 + rng_weighted(r, n_links, ARRAY_LEN(n_links));
	size_t chosen[5];
	size_t k = 0;
	/* The heavy organisation covers every indicator, in turn. */
	if (c->o->heavy)
		chosen[k++] = n_evidence_index % in->n_indicators;
	size_t el = rng_chance(r, 0.5) ? focus[rng_below(r, (uint32_t)n_focus)]
				      : rng_below(r, (uint32_t)in->n_elements);
	while (k < n) {
		size_t pick;
		if (rng_chance(r, 0.7)) {
			const gen_element *er = &in->elements[el];
			pick = er->first + rng_below(r, (uint32_t)er->n);
		} else {
			pick = rng_below(r, (uint32_t)in->n_indicators);
		}
		bool dup = false;
		for (size_t j = 0; j < k; j++)
			dup |= chosen[j] == pick;
		if (dup) {
			n--;    /* fewer links rather than a long search in a small statement */
			continue;
		}
		chosen[k++] = pick;
	}
	for (size_t j = 0; j < k; j++) {
		const gen_indicator *ir = &in->indicators[chosen[j]];
		if (put(g, T_LINK, "iisss", I(evidence), I(evaluation), ir->element, ir->key, created) < 0)
			return -1;
	}
	return 0;
}

static int write_reviews(year_ctx *c, int64_t evaluation, const char *status)
{
	gen *g = c->g;
	rng *r = c->r;
	double p = !strcmp(status, "submitted") ? 0.92 : !strcmp(status, "in-review") ? 0.75 : 0.35;
	if (c->o->heavy)
		p = 1;
	for (size_t i = 0; i < g->in.n_elements; i++) {
		if (!rng_chance(r, p))
			continue;
		const char *rs;
		if (c->o->heavy)
			rs = "complete";
		else if (!strcmp(status, "submitted"))
			rs = rng_chance(r, 0.9) ? "complete" : "in-progress";
		else if (!strcmp(status, "in-review"))
			rs = rng_chance(r, 0.6) ? "complete" : "in-progress";
		else
			rs = rng_chance(r, 0.2) ? "complete" : rng_chance(r, 0.75) ? "in-progress" : "not-started";
		char strengths[400], areas[200], at[21];
		if (rng_chance(r, 0.5))
			TWO_OF(r, strengths_pool, strengths);
		else
			snprintf(strengths, sizeof strengths, "%s", PICK(r, strengths_pool));
		snprintf(areas, sizeof areas, "%s", PICK(r, areas_pool));
		bool empty = !strcmp(rs, "not-started");
		int gr = empty ? 0 : groups_random(r, 0.5, 0.8, 0.95);
		int64_t when = moment_in(g, r, c->from, c->to);
		iso_time(when, at);
		if (put(g, T_REVIEW, "issssiiis", I(evaluation), g->in.elements[i].key, empty ? "" : strengths,
			empty ? "" : areas, rs, I(gr & 1), I((gr >> 1) & 1), I((gr >> 2) & 1), at) < 0)
			return -1;
		if (!empty) {
			char what[200];
			snprintf(what, sizeof what, "recorded the judgement on statement %s of evaluation %lld (%s)",
				 g->in.elements[i].key, (long long)evaluation, rs);
			if (activity(g, when, c->o->lead_user, c->o->lead_name, 0, c->o->id, what) < 0)
				return -1;
		}
	}
	return 0;
}

static int write_action(year_ctx *c, int64_t evaluation, const char *element, int64_t audit,
			const char *title, bool current)
{
	gen *g = c->g;
	rng *r = c->r;
	static const char *const old_status[] = {"done", "dropped", "in-progress", "open"};
	static const int old_weights[] = {60, 10, 15, 15};
	static const char *const new_status[] = {"open", "in-progress", "done"};
	static const int new_weights[] = {50, 35, 15};
	const char *status = current ? new_status[rng_weighted(r, new_weights, 3)]
				     : old_status[rng_weighted(r, old_weights, 4)];
	int64_t created = moment_in(g, r, c->from, c->to);
	int64_t due = created + (int64_t)rng_range(r, 30, 200) * 86400;
	char due_on[11], review_on[11], at[21], what[300];
	iso_day(due, due_on);
	iso_day(due - 14 * 86400, review_on);
	iso_time(created, at);
	int64_t id = ++g->next_action;
	const char *owner = PICK(r, owners);
	bool has_due = rng_chance(r, 0.85), has_review = rng_chance(r, 0.5);
	if (put(g, T_ACTION, "iisssssdsssd", I(id), I(c->o->id), title, owner, has_due ? due_on : NULL,
		has_review ? review_on : NULL, status, I(evaluation), element, at, at, I(audit)) < 0)
		return -1;
	snprintf(what, sizeof what, "added action %lld: %s", (long long)id, title);
	return activity(g, created, c->o->lead_user, c->o->lead_name, 0, c->o->id, what);
}

static int write_evaluation(year_ctx *c)
{
	gen *g = c->g;
	org_plan *o = c->o;
	rng *r = c->r;
	bool latest = c->year == o->eval_first + o->eval_years - 1;
	const char *status = "submitted";
	if (latest && c->year == YEARS - 1) {
		static const char *const s[] = {"draft", "in-review", "submitted"};
		static const int w[] = {55, 30, 15};
		status = s[rng_weighted(r, w, 3)];
	} else if (latest) {
		static const char *const s[] = {"submitted", "draft", "in-review"};
		static const int w[] = {65, 25, 10};
		status = s[rng_weighted(r, w, 3)];
	}
	if (o->heavy)
		status = latest ? "in-review" : "submitted";
	int64_t eval = ++g->next_eval;
	int64_t started = moment_in(g, r, c->from, c->from + 20 * 86400);
	char created[21], updated[21];
	iso_time(started, created);
	iso_time(c->to, updated);
	if (put(g, T_EVALUATION, "iissssss", I(eval), I(o->id), EVALUATION_FW, g->in.evaluation->hash,
		c->cycle, status, created, updated) < 0)
		return -1;
	/* What this organisation works on most: a few statements. */
	size_t focus[6];
	for (size_t i = 0; i < ARRAY_LEN(focus); i++)
		focus[i] = rng_below(r, (uint32_t)g->in.n_elements);
	int n = o->heavy && latest ? HEAVY_EVIDENCE : rng_range(r, 20, 60);
	o->evidence_first = g->next_evidence + 1;
	o->evidence_n = n;
	for (int i = 0; i < n; i++) {
		int64_t id = ++g->next_evidence;
		int64_t when = moment_in(g, r, c->from, c->to);
		int64_t added = later(g, r, when, 0, 6);
		char title[200], description[600], day[11], at[21], url[120];
		const char *kind = PICK(r, evidence_titles);
		if (rng_chance(r, 0.4))
			snprintf(title, sizeof title, "%s (%s)", kind, PICK(r, evidence_when));
		else
			snprintf(title, sizeof title, "%s", kind);
		if (rng_chance(r, 0.6))
			TWO_OF(r, sentences, description);
		else
			snprintf(description, sizeof description, "%s", PICK(r, sentences));
		snprintf(url, sizeof url, "https://files.example.org/org%lld/evidence-%lld.pdf",
			 (long long)o->id, (long long)id);
		iso_day(when, day);
		iso_time(added, at);
		int gr = groups_random(r, 0.45 + 0.2 * o->quality, 0.6, 0.9);
		if (put(g, T_EVIDENCE, "iissssiiiss", I(id), I(o->id), title, description, day,
			rng_chance(r, 0.2) ? url : NULL, I(gr & 1), I((gr >> 1) & 1), I((gr >> 2) & 1), at,
			at) < 0 ||
		    write_links(c, id, eval, (size_t)i, at, focus, ARRAY_LEN(focus)) < 0)
			return -1;
		char what[300];
		snprintf(what, sizeof what, "added evidence %lld \"%s\" in evaluation %lld", (long long)id,
			 title, (long long)eval);
		if (activity(g, added, o->lead_user, o->lead_name, 0, o->id, what) < 0)
			return -1;
	}
	if (write_reviews(c, eval, status) < 0)
		return -1;
	static const int n_actions[] = {20, 30, 25, 15, 10};
	size_t na = rng_weighted(r, n_actions, ARRAY_LEN(n_actions));
	for (size_t i = 0; i < na; i++)
		if (write_action(c, eval, g->in.elements[focus[i % ARRAY_LEN(focus)]].key, 0,
				 PICK(r, action_titles), c->year == YEARS - 1) < 0)
			return -1;
	return 0;
}

/* An evidence item of the organisation's latest evaluation, 0 if none. */
static int64_t some_evidence(year_ctx *c)
{
	if (!c->o->evidence_n)
		return 0;
	return c->o->evidence_first + rng_below(c->r, (uint32_t)c->o->evidence_n);
}

static int write_project(year_ctx *c)
{
	gen *g = c->g;
	org_plan *o = c->o;
	rng *r = c->r;
	const instruments *in = &g->in;
	int64_t id = ++g->next_project;
	int64_t starts = moment_in(g, r, c->from, c->to);
	char starts_on[11], ends_on[11], created[21], updated[21], description[400];
	iso_day(starts, starts_on);
	iso_day(starts + (int64_t)rng_range(r, 180, 540) * 86400, ends_on);
	iso_time(starts, created);
	TWO_OF(r, sentences, description);
	/* Older projects are further through the model's steps. */
	int64_t age_days = (g->today - starts) / 86400;
	int done = (int)(age_days / 45) + rng_range(r, -1, 2);
	if (o->heavy)
		done = (int)in->n_steps - 1;
	if (done < 0)
		done = 0;
	if (done > (int)in->n_steps)
		done = (int)in->n_steps;
	int64_t last = starts;
	iso_time(later(g, r, starts, 1, 20), updated);
	const char *title = PICK(r, project_titles), *service = PICK(r, service_areas);
	bool has_end = rng_chance(r, 0.7);
	if (put(g, T_PROJECT, "iisssssssss", I(id), I(o->id), MODEL_FW, in->model->hash, title, service,
		description, starts_on, has_end ? ends_on : NULL, created, updated) < 0)
		return -1;
	/* The people involved: a child's name only sometimes, as typed. */
	int people = rng_range(r, 3, 7);
	static const char *const groups[] = {"children-and-young-people", "parent-carers", "practitioners"};
	for (int p = 1; p <= people; p++) {
		const char *group = groups[p <= 3 ? p - 1 : (int)rng_below(r, 3)];
		char name[48] = "";
		if (strcmp(group, "children-and-young-people") != 0 || rng_chance(r, 0.3))
			person_name(r, name, sizeof name);
		const char *role = !strcmp(group, "children-and-young-people") ? "Young person"
				 : !strcmp(group, "parent-carers") ? "Parent carer" : PICK(r, person_roles);
		if (put(g, T_PROJECT_PERSON, "iisss", I(id), I(p), name, role, group) < 0)
			return -1;
	}
	static const char *const answers[] = {"yes", "partly", "no"};
	static const int answer_weights[] = {60, 30, 10};
	for (int s = 0; s < done + 1 && s < (int)in->n_steps; s++) {
		const step_ref *st = &in->steps[s];
		bool is_done = s < done;
		int64_t when = is_done ? starts + (int64_t)(s + 1) * (age_days * 86400 / (done + 1)) : g->today;
		if (when > g->today)
			when = g->today;
		if (when > last)
			last = when;
		char done_on[11], at[21];
		iso_day(when, done_on);
		iso_time(when, at);
		if (put(g, T_PROJECT_STEP, "isisss", I(id), st->key, I(is_done), is_done ? done_on : NULL,
			rng_chance(r, 0.4) ? PICK(r, step_notes) : "", at) < 0)
			return -1;
		for (size_t q = 0; q < st->n_questions && (is_done || rng_chance(r, 0.5)); q++) {
			const char *answer = answers[rng_weighted(r, answer_weights, 3)];
			if (put(g, T_PROJECT_ANSWER, "isssss", I(id), st->key, st->questions[q], answer,
				PICK(r, answer_notes), at) < 0)
				return -1;
		}
		for (int k = rng_chance(r, 0.3) ? rng_range(r, 1, 2) : 0; k > 0; k--) {
			int64_t ev = some_evidence(c);
			if (ev && put(g, T_PROJECT_EVIDENCE, "isis", I(id), st->key, I(ev), at) < 0)
				return -1;
		}
	}
	if (o->n_projects < MAX_PROJECTS)
		o->projects[o->n_projects++] = id;
	char what[200];
	snprintf(what, sizeof what, "started project %lld", (long long)id);
	return activity(g, starts, o->lead_user, o->lead_name, 0, o->id, what);
}

/* ---- audits ---------------------------------------------------------------- */

enum chain { C_DRAFT, C_SUBMITTED, C_ACCEPTED, C_RETURNED, C_RET_DRAFT, C_RET_SUBMITTED,
	     C_RET_ACCEPTED, C_COUNT };

typedef struct audit_judgement {
	int level[MAX_PRINCIPLES];      /* index into the levels; -1: none yet */
} audit_judgement;

/* The outcome the area's rule suggests, by copro's own rule
 * (audit_suggest_outcome), as an index into the outcomes; -1 while a
 * principle has no level. */
static int suggested_outcome(const instruments *in, const audit_judgement *j, const char *rule)
{
	const char *levels[MAX_PRINCIPLES];
	for (size_t p = 0; p < in->n_principles; p++) {
		if (j->level[p] < 0)
			return -1;
		levels[p] = in->principles[p].levels[j->level[p]];
	}
	const char *outcome = audit_suggest_outcome(levels, in->n_principles, rule);
	for (size_t o = 0; outcome && o < in->n_outcomes; o++)
		if (!strcmp(in->outcomes[o], outcome))
			return (int)o;
	return -1;
}

typedef struct audit_version {
	int64_t id, first_id;
	int version;
	const char *status;
	int64_t created, submitted, decided;    /* 0: not yet */
	const char *comment;
} audit_version;

static int write_audit_version(year_ctx *c, const audit_version *v, const audit_judgement *j,
			       int64_t project, int64_t audit_day)
{
	gen *g = c->g;
	org_plan *o = c->o;
	rng *r = c->r;
	const instruments *in = &g->in;
	const area_plan *ap = &g->areas[o->area];
	bool draft = !strcmp(v->status, "draft");
	int suggested = suggested_outcome(in, j, ap->rule);
	int outcome = suggested;
	const char *reason = "";
	/* Now and then the organisation judges differently, and says why. */
	if (outcome >= 0 && rng_chance(r, 0.07)) {
		outcome = outcome + 1 < (int)in->n_outcomes ? outcome + 1 : outcome - 1;
		reason = "The panel weighed the young people's feedback more heavily than the levels suggest.";
	}
	if (draft && rng_chance(r, 0.4))
		outcome = -1, reason = "";
	char audit_date[11], review_on[11], signed_on[11], created[21], submitted[21], decided[21],
		updated[21], signed_by[48], next_steps[400], summary[600];
	iso_day(audit_day, audit_date);
	iso_day(audit_day + 365 * 86400, review_on);
	iso_time(v->created, created);
	if (v->submitted)
		iso_time(v->submitted, submitted);
	if (v->decided)
		iso_time(v->decided, decided);
	int64_t last = v->decided ? v->decided : v->submitted ? v->submitted : v->created;
	iso_time(last, updated);
	iso_day(v->submitted ? v->submitted : v->created, signed_on);
	snprintf(signed_by, sizeof signed_by, "%s", o->lead_name);
	size_t first = rng_below(r, ARRAY_LEN(next_steps_pool));
	size_t second = (first + 1 + rng_below(r, ARRAY_LEN(next_steps_pool) - 1)) % ARRAY_LEN(next_steps_pool);
	snprintf(next_steps, sizeof next_steps, "- %s\n- %s", next_steps_pool[first], next_steps_pool[second]);
	const char *strength = PICK(r, strengths_pool), *area = PICK(r, areas_pool);
	snprintf(summary, sizeof summary, "%s %s %s", strength, area, PICK(r, sentences));
	/* A draft is filled in bit by bit. */
	bool signed_off = !draft || rng_chance(r, 0.3);
	bool has_date = !draft || rng_chance(r, 0.8);
	bool has_summary = !draft || rng_chance(r, 0.5);
	bool has_next = !draft || rng_chance(r, 0.5);
	const char *service = PICK(r, service_areas), *description = PICK(r, project_titles);
	if (put(g, T_AUDIT, "iisdiisssssssssssssss", I(v->id), I(o->id), in->audit->hash, I(project),
		I(v->first_id), I(v->version), v->status, service, description,
		has_date ? audit_date : NULL, outcome >= 0 ? in->outcomes[outcome] : NULL, reason,
		has_summary ? summary : "", has_next ? next_steps : "", draft ? NULL : review_on,
		signed_off ? signed_by : "", signed_off ? signed_on : NULL,
		v->submitted ? submitted : NULL, v->decided ? decided : NULL, created, updated) < 0)
		return -1;
	int people = rng_range(r, 2, 5);
	for (int p = 1; p <= people; p++) {
		char name[48];
		person_name(r, name, sizeof name);
		if (put(g, T_AUDIT_PERSON, "iiss", I(v->id), I(p), name, PICK(r, designations)) < 0)
			return -1;
	}
	for (size_t p = 0; p < in->n_principles; p++) {
		const principle_ref *pr = &in->principles[p];
		int l = j->level[p];
		if (l < 0 && rng_chance(r, 0.5))
			continue;       /* never opened */
		/* The score follows the level on the area's scale. */
		int span = ap->score_max - ap->score_min;
		int64_t score = ap->score_min + (l < 0 ? 0 : (int64_t)l * span / (int)(pr->n_levels - 1));
		if (span > 4)
			score += rng_range(r, -1, 1);
		if (score < ap->score_min)
			score = ap->score_min;
		if (score > ap->score_max)
			score = ap->score_max;
		bool scored = l >= 0 && rng_chance(r, 0.85);
		if (put(g, T_AUDIT_PRINCIPLE, "issnss", I(v->id), pr->key, l >= 0 ? pr->levels[l] : NULL,
			scored ? score : I(-1), rng_chance(r, 0.6) ? PICK(r, sentences) : "", created) < 0)
			return -1;
		for (int k = rng_range(r, 0, 3); k > 0; k--) {
			int64_t ev = some_evidence(c);
			if (ev && put(g, T_AUDIT_EVIDENCE, "isis", I(v->id), pr->key, I(ev), created) < 0)
				return -1;
		}
	}
	return 0;
}

static int audit_event(year_ctx *c, int64_t audit, int64_t at, bool by_area, const char *status,
		       const char *comment)
{
	gen *g = c->g;
	const area_plan *ap = &g->areas[c->o->area];
	char iso[21], what[200];
	iso_time(at, iso);
	int64_t user = by_area ? ap->admin_user : c->o->lead_user;
	const char *name = by_area ? ap->admin_name : c->o->lead_name;
	if (put(g, T_AUDIT_EVENT, "iisdsss", I(++g->next_event), I(audit), iso, I(user), name, status,
		comment) < 0)
		return -1;
	snprintf(what, sizeof what, "audit %lld: %s", (long long)audit, status);
	return activity(g, at, user, name, by_area ? ap->id : 0, c->o->id, what);
}

static void judge(year_ctx *c, audit_judgement *j, bool complete)
{
	const instruments *in = &c->g->in;
	rng *r = c->r;
	for (size_t p = 0; p < in->n_principles; p++) {
		/* Levels lean on the organisation's quality, so an audit's six
		 * judgements mostly agree, as they do in practice. */
		double x = c->o->quality + 0.35 * rng_normal(r);
		int top = (int)in->principles[p].n_levels - 1;
		int l = x < -0.6 ? 0 : x > 1.1 ? top : top / 2 + (top > 2 && x > 0.5 ? 1 : 0);
		j->level[p] = complete || rng_chance(r, 0.6) ? l : -1;
	}
}

static int write_audit(year_ctx *c)
{
	gen *g = c->g;
	org_plan *o = c->o;
	rng *r = c->r;
	static const int old_chain[C_COUNT] = {2, 4, 72, 4, 0, 2, 16};
	static const int new_chain[C_COUNT] = {25, 28, 27, 6, 7, 4, 3};
	enum chain chain = (enum chain)rng_weighted(r, c->year == YEARS - 1 ? new_chain : old_chain, C_COUNT);
	int64_t project = o->n_projects && rng_chance(r, 0.6) ? o->projects[rng_below(r, (uint32_t)o->n_projects)] : 0;
	int64_t audit_day = moment_in(g, r, c->from, c->to - 30 * 86400);
	bool returned = chain >= C_RETURNED;
	audit_judgement j;
	judge(c, &j, chain != C_DRAFT);
	audit_version v = {.id = ++g->next_audit, .version = 1};
	v.first_id = v.id;
	v.created = audit_day - (int64_t)rng_range(r, 1, 10) * 86400;
	if (chain != C_DRAFT)
		v.submitted = later(g, r, audit_day, 1, 14);
	if (chain == C_ACCEPTED || returned)
		v.decided = later(g, r, v.submitted, 3, 40);
	v.status = chain == C_DRAFT ? "draft" : chain == C_SUBMITTED ? "submitted"
		 : chain == C_ACCEPTED ? "accepted" : "returned";
	if (write_audit_version(c, &v, &j, project, audit_day) < 0 ||
	    audit_event(c, v.id, v.created, false, "draft", "") < 0 ||
	    (v.submitted && audit_event(c, v.id, v.submitted, false, "submitted", "") < 0))
		return -1;
	if (v.decided && audit_event(c, v.id, v.decided, true, v.status,
				     returned ? PICK(r, return_comments) : PICK(r, accept_comments)) < 0)
		return -1;
	int64_t decided = v.decided;
	if (returned && chain != C_RETURNED) {
		/* The revision: the returned version stays; the new one improves. */
		audit_version v2 = {.id = ++g->next_audit, .first_id = v.id, .version = 2};
		v2.created = later(g, r, v.decided, 3, 20);
		if (chain != C_RET_DRAFT)
			v2.submitted = later(g, r, v2.created, 2, 20);
		if (chain == C_RET_ACCEPTED)
			v2.decided = later(g, r, v2.submitted, 3, 30);
		v2.status = chain == C_RET_DRAFT ? "draft" : chain == C_RET_SUBMITTED ? "submitted" : "accepted";
		for (size_t p = 0; p < g->in.n_principles; p++)
			if (j.level[p] >= 0 && j.level[p] + 1 < (int)g->in.principles[p].n_levels &&
			    rng_chance(r, 0.3))
				j.level[p]++;
		if (write_audit_version(c, &v2, &j, project, audit_day) < 0 ||
		    audit_event(c, v2.id, v2.created, false, "draft", "") < 0 ||
		    (v2.submitted && audit_event(c, v2.id, v2.submitted, false, "submitted", "") < 0) ||
		    (v2.decided && audit_event(c, v2.id, v2.decided, true, "accepted", PICK(r, accept_comments)) < 0))
			return -1;
		decided = v2.decided;
	}
	/* Actions raised from the next steps of some decided audits. */
	if (decided && rng_chance(r, 0.4)) {
		int n = rng_range(r, 1, 3);
		for (int i = 0; i < n; i++)
			if (write_action(c, 0, NULL, v.id, PICK(r, next_steps_pool), c->year == YEARS - 1) < 0)
				return -1;
	}
	return 0;
}

static int write_year(gen *g, org_plan *o, int year)
{
	rng r;
	rng_init(&r, g->seed, 5, (uint64_t)o->id, (uint64_t)year);
	char cycle[24];
	snprintf(cycle, sizeof cycle, "%d-%02d", FIRST_YEAR + year, (FIRST_YEAR + year + 1) % 100);
	year_ctx c = {.g = g, .o = o, .year = year, .r = &r, .from = year_start(year),
		      .to = year_end(g, year), .cycle = cycle};
	if (year >= o->eval_first && year < o->eval_first + o->eval_years && write_evaluation(&c) < 0)
		return -1;
	for (int p = 0; p < MAX_PROJECTS; p++)
		if (o->project_year[p] == year && write_project(&c) < 0)
			return -1;
	if (o->audit_year[year] && write_audit(&c) < 0)
		return -1;
	return 0;
}

static int write_years(gen *g)
{
	size_t *order = malloc(g->n_plans * sizeof *order);
	if (!order)
		abort();
	for (int year = 0; year < YEARS; year++) {
		/* A different order each year: rows of one organisation end up
		 * spread through the file, as years of use would spread them. */
		rng r;
		rng_init(&r, g->seed, 6, (uint64_t)year, 0);
		for (size_t i = 0; i < g->n_plans; i++)
			order[i] = i;
		for (size_t i = g->n_plans; i > 1; i--) {
			size_t k = rng_below(&r, (uint32_t)i);
			size_t t = order[i - 1];
			order[i - 1] = order[k];
			order[k] = t;
		}
		for (size_t i = 0; i < g->n_plans; i++)
			if (write_year(g, &g->orgs[order[i]], year) < 0) {
				free(order);
				return -1;
			}
	}
	free(order);
	return 0;
}

/* ---- the whole run ---------------------------------------------------------- */

static double seconds_since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

static int exec(gen *g, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(g->db.db, sql, NULL, NULL, &msg) == SQLITE_OK)
		return 0;
	err_set(&g->e, ERR_INTERNAL, "%s failed: %s.", sql, msg ? msg : sqlite3_errmsg(g->db.db));
	sqlite3_free(msg);
	return -1;
}

/* The instrument texts, kept as copro keeps them for a record. */
static int keep_instruments(gen *g, const fw_registry *reg)
{
	arena mem = {0};
	domain d = {.db = &g->db, .frameworks = reg, .mem = &mem};
	int rc = store_begin(&g->db, &g->e);
	if (rc == 0 && (framework_version_keep(&d, g->in.evaluation, &g->e) < 0 ||
			framework_version_keep(&d, g->in.model, &g->e) < 0 ||
			framework_version_keep(&d, g->in.audit, &g->e) < 0 ||
			store_commit(&g->db, &g->e) < 0)) {
		store_rollback(&g->db);
		rc = -1;
	}
	arena_free(&mem);
	return rc;
}

/* Bulk load: no rollback journal and no fsync while the file is new (a
 * failed run deletes it), foreign keys checked once at the end instead of
 * on each row, and a large page cache. All of it is restored before the
 * database is closed: WAL, as store_open sets it; synchronous and
 * foreign_keys are per connection and copro sets them on every open. */
static int bulk_begin(gen *g)
{
	if (exec(g, "PRAGMA journal_mode = OFF") < 0 || exec(g, "PRAGMA synchronous = OFF") < 0 ||
	    exec(g, "PRAGMA foreign_keys = OFF") < 0 || exec(g, "PRAGMA cache_size = -262144") < 0 ||
	    exec(g, "PRAGMA temp_store = MEMORY") < 0)
		return -1;
	for (int t = 0; t < T_COUNT; t++)
		if (sqlite3_prepare_v2(g->db.db, tables[t].sql, -1, &g->st[t], NULL) != SQLITE_OK)
			return err_set(&g->e, ERR_INTERNAL, "cannot prepare the insert into %s: %s.",
				       tables[t].name, sqlite3_errmsg(g->db.db));
	return exec(g, "BEGIN");
}

static void finalize_all(gen *g)
{
	for (int t = 0; t < T_COUNT; t++) {
		sqlite3_finalize(g->st[t]);
		g->st[t] = NULL;
	}
}

static int bulk_end(gen *g)
{
	if (exec(g, "COMMIT") < 0)
		return -1;
	finalize_all(g);
	/* Every reference the rows make must hold, as if checked on insert. */
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(g->db.db, "PRAGMA foreign_key_check", -1, &st, NULL) != SQLITE_OK)
		return err_set(&g->e, ERR_INTERNAL, "%s", sqlite3_errmsg(g->db.db));
	int64_t broken = 0;
	char first[64] = "";
	while (sqlite3_step(st) == SQLITE_ROW)
		if (!broken++)
			snprintf(first, sizeof first, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (broken)
		return err_set(&g->e, ERR_INTERNAL,
			       "the generated rows break %lld references (first in table %s): a bug in bench/generate.c.",
			       (long long)broken, first);
	return exec(g, "PRAGMA journal_mode = WAL") < 0 || exec(g, "PRAGMA synchronous = FULL") < 0 ||
	       exec(g, "PRAGMA foreign_keys = ON") < 0 ? -1 : 0;
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: bench-generate --db PATH [--seed N] [--orgs N] [--areas N] [--heavy]\n"
		"       bench-generate --schema-only --db PATH-OR-URI\n"
		"\n"
		"Fills a new copro database with a national-scale dataset for benchmarks,\n"
		"the same for the same seed.\n"
		"\n"
		"  --db PATH   the database to create (it must not exist yet)\n"
		"  --seed N    random seed, a whole number (default 1)\n"
		"  --orgs N    organisations, 1 to %d (default 30000)\n"
		"  --areas N   local areas, 1 to %d and at most --orgs (default 150)\n"
		"  --heavy     add one heavy organisation to the largest area: every indicator\n"
		"              evidenced, %d evidence items in its current evaluation\n"
		"  --schema-only  make copro's schema and nothing else, in a new file or in an\n"
		"              empty PostgreSQL database (postgresql://...; bench/pg-load copies\n"
		"              a generated dataset into it)\n"
		"\n"
		"Every generated account signs in with the password \"%s\"\n"
		"(area administrators: admin1.areaN@bench.invalid, leads: lead.orgN@bench.invalid).\n"
		"They are for timing only: never load this data into a live system.\n",
		MAX_ORGS, MAX_AREAS, HEAVY_EVIDENCE, BENCH_PASSWORD);
}

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "bench-generate: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\nRun bench-generate --help for the options.\n");
	va_end(ap);
	return 2;
}

static bool parse_number(const char *text, unsigned long long max, unsigned long long *out)
{
	if (!text || !*text || *text == '-' || *text == '+')
		return false;
	char *end;
	errno = 0;
	unsigned long long v = strtoull(text, &end, 10);
	if (errno || *end || v > max)
		return false;
	*out = v;
	return true;
}

static bool is_uri(const char *path)
{
	return strncmp(path, "postgresql:", 11) == 0 || strncmp(path, "postgres:", 9) == 0;
}

static int parse_args(gen *g, int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage(stdout);
			exit(0);
		}
		if (!strcmp(a, "--heavy")) {
			g->heavy = true;
			continue;
		}
		if (!strcmp(a, "--schema-only")) {
			g->schema_only = true;
			continue;
		}
		bool known = !strcmp(a, "--db") || !strcmp(a, "--seed") || !strcmp(a, "--orgs") ||
			     !strcmp(a, "--areas");
		if (!known)
			return usage_error("unknown option %s.", a);
		if (i + 1 >= argc)
			return usage_error("%s needs a value.", a);
		const char *v = argv[++i];
		unsigned long long n = 0;
		if (!strcmp(a, "--db")) {
			if (!*v)
				return usage_error("--db needs a file path.");
			g->path = v;
		} else if (!strcmp(a, "--seed")) {
			if (!parse_number(v, UINT64_MAX, &n))
				return usage_error("--seed must be a whole number, 0 or more (not \"%s\").", v);
			g->seed = n;
		} else if (!strcmp(a, "--orgs")) {
			if (!parse_number(v, MAX_ORGS, &n) || n < 1)
				return usage_error("--orgs must be a whole number from 1 to %d (not \"%s\").", MAX_ORGS, v);
			g->n_orgs = (int)n;
		} else {
			if (!parse_number(v, MAX_AREAS, &n) || n < 1)
				return usage_error("--areas must be a whole number from 1 to %d (not \"%s\").", MAX_AREAS, v);
			g->n_areas = (int)n;
		}
	}
	if (!g->path)
		return usage_error("give --db PATH: the new database to fill (it must not exist yet).");
	/* The rows are written through SQLite's own API (bulk_begin). */
	if (is_uri(g->path) && !g->schema_only)
		return usage_error("--db %s is not a file: the rows are written through SQLite. Generate a file, "
				   "then copy it into PostgreSQL with bench/pg-load.", g->path);
	if (g->n_areas > g->n_orgs)
		return usage_error("--areas %d is more than --orgs %d: every area needs at least one organisation.",
				   g->n_areas, g->n_orgs);
	return 0;
}

static void print_summary(const gen *g, double seconds)
{
	printf("Generated %s (seed %llu): %d organisations in %d areas%s.\n", g->path,
	       (unsigned long long)g->seed, g->n_orgs, g->n_areas,
	       g->heavy ? ", plus the heavy organisation" : "");
	if (g->heavy)
		printf("Heavy organisation: %lld (%s), area %lld.\n", (long long)g->orgs[g->n_orgs].id,
		       "Heavy Benchmark Academy", (long long)g->areas[g->orgs[g->n_orgs].area].id);
	printf("Rows:\n");
	for (int t = 0; t < T_COUNT; t++)
		printf("  %-18s %10lld\n", tables[t].name, (long long)g->rows[t]);
	struct stat sb;
	if (stat(g->path, &sb) == 0)
		printf("Database size: %.1f MB\n", (double)sb.st_size / (1024.0 * 1024.0));
	printf("Password of every account: \"%s\" (timing only).\n", BENCH_PASSWORD);
	printf("Generated in %.1f s.\n", seconds);
}

static void remove_database(const char *path)
{
	static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
	for (size_t i = 0; i < ARRAY_LEN(suffixes); i++) {
		char p[4096];
		snprintf(p, sizeof p, "%s%s", path, suffixes[i]);
		remove(p);
	}
}

/* --schema-only: the migrations of copro's store on a new file or an
 * empty PostgreSQL database, for bench/pg-load to fill. */
static int make_schema(gen *g)
{
	struct stat sb;
	if (!is_uri(g->path) && stat(g->path, &sb) == 0) {
		fprintf(stderr, "bench-generate: %s exists already: give a new path.\n", g->path);
		return 1;
	}
	if (store_open(&g->db, g->path, STORE_CREATE, &g->e) < 0) {
		fprintf(stderr, "bench-generate: %s\n", g->e.msg);
		return 1;
	}
	int version = store_schema_version(&g->db, &g->e);
	if (version >= 0)
		printf("Made copro's schema (version %d) in %s.\n", version, g->db.path); /* no password */
	else
		fprintf(stderr, "bench-generate: %s\n", g->e.msg);
	store_close(&g->db);
	return version < 0;
}

int main(int argc, char **argv)
{
	gen g = {.seed = 1, .n_orgs = 30000, .n_areas = 150};
	int rc = parse_args(&g, argc, argv);
	if (rc)
		return rc;
	if (g.schema_only)
		return make_schema(&g);
	struct stat sb;
	if (stat(g.path, &sb) == 0) {
		fprintf(stderr, "bench-generate: %s exists already: the generator only fills a new database. Remove it or give --db another path.\n",
			g.path);
		return 1;
	}
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	g.today = time_parse_iso(GEN_TODAY);
	g.n_plans = (size_t)g.n_orgs + (g.heavy ? 1 : 0);
	g.areas = calloc((size_t)g.n_areas, sizeof *g.areas);
	g.orgs = calloc(g.n_plans, sizeof *g.orgs);
	if (!g.areas || !g.orgs)
		abort();
	fw_registry reg = {0};
	bool created = false;
	rc = 1;
	if (fw_registry_load(&reg, NULL, &g.e) < 0 || instruments_load(&g.in, &reg, &g.e) < 0)
		goto done;
	if (store_open(&g.db, g.path, STORE_CREATE, &g.e) < 0)
		goto done;
	created = true;
	if (keep_instruments(&g, &reg) < 0 || bulk_begin(&g) < 0 || write_areas(&g) < 0 ||
	    write_orgs(&g) < 0 || write_years(&g) < 0 || bulk_end(&g) < 0 ||
	    store_revisions_fold(&g.db, &g.e) < 0)      /* as copro serve would at start */
		goto done;
	rc = 0;
done:
	finalize_all(&g);
	if (g.db.db) {
		if (rc)
			sqlite3_exec(g.db.db, "ROLLBACK", NULL, NULL, NULL);
		store_close(&g.db);
	}
	if (rc) {
		fprintf(stderr, "bench-generate: %s\n", g.e.msg[0] ? g.e.msg : "failed.");
		if (created)
			remove_database(g.path);
	} else {
		print_summary(&g, seconds_since(&t0));
	}
	fw_registry_free(&reg);
	free(g.areas);
	free(g.orgs);
	return rc;
}
