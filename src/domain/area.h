/* area.h: the area's picture as its administrators see it: every
 * organisation's latest accepted audit against York's six principles, the
 * levels counted per principle, outcomes per academic year, where to offer
 * support, and the area's joint partnership projects. Wording (principles,
 * levels, outcomes, models) always comes from the instruments. */
#ifndef COPRO_DOMAIN_AREA_PICTURE_H
#define COPRO_DOMAIN_AREA_PICTURE_H

#include "domain/domain.h"

#define PICTURE_AUDIT_FRAMEWORK "york-joint-partnership-audit"

/* An area by name: 1 found (*id), 0 none, -1 error. */
int area_find(domain *d, const char *name, int64_t *id, err *e);
/* An area's name; not found is an error (ERR_NOTFOUND). */
int area_name(domain *d, int64_t area, const char **name, err *e);
/* The kinds of organisation in an area ("Academy", "Community school"
 * ...), for filters. */
int area_org_types(domain *d, int64_t area, picture_text_list *out, err *e);

/* The dates every question is asked about, from today (YYYY-MM-DD):
 * "the last 12 months" is since..today (365 days back), "this year" the
 * academic year holding today, 1 September to 31 August. */
typedef struct picture_dates {
	char today[11], since[11], year_from[11], year_to[11];
	int year;               /* the academic year's first calendar year */
} picture_dates;

/* NULL `today`: today's date (COPRO_NOW honoured). */
void picture_dates_for(const char *today, picture_dates *out);
picture_window picture_dates_window(const picture_dates *d);

/* The outcomes an audit can end in, from the instrument's "outcomes" (key
 * and title), in its order; 0 when it has none. */
size_t picture_outcomes(arena *a, const framework *fw, fw_item **out);
/* Index of `key` among the items, -1 when absent. */
int picture_item_index(const fw_item *items, size_t n, const char *key);

/* An organisation in the picture: its row, and for each principle of the
 * instrument the level recorded in its latest accepted audit (the key as
 * stored, NULL when none was recorded). */
typedef struct picture_org {
	picture_org_row row;
	const char **levels;    /* per principle (instrument order) */
	bool review_overdue;    /* the latest accepted audit's review date has passed */
} picture_org;

typedef struct area_picture {
	const framework *fw;    /* the installed audit instrument */
	/* The installed Four Cornerstones tool, NULL when it is not; the
	 * organisations' latest self-evaluations are read either way. */
	const framework *evaluation_fw;
	picture_dates dates;
	picture_org *orgs;
	size_t n_orgs, audited, audited_recently, reviews_overdue;
	size_t started, submitted;      /* self-evaluations: the latest started, submitted */
	/* The level columns: the first principle's levels (York's principles
	 * share them), lowest first. counts[p * n_levels + l] is how many
	 * latest accepted audits put principle p at level l; recorded[p] how
	 * many recorded any level for it. */
	const fw_item *levels;
	size_t n_levels;
	size_t *counts, *recorded;
} area_picture;

/* Loads the picture of `area` narrowed by `f` (NULL: every organisation).
 * Fails with a message when the audit instrument is not installed. */
int area_picture_load(domain *d, int64_t area, const picture_filter *f, const char *today,
		      area_picture *p, err *e);
/* The picture of every organisation of `area` for its portfolio: as
 * area_picture_load, with the statements of each latest self-evaluation
 * judged complete (row.judged) that the installed Four Cornerstones tool
 * has. Fails with a message when either instrument is not installed. */
int area_portfolio_load(domain *d, int64_t area, area_picture *p, err *e);
/* The message for a self-evaluation instrument that is not installed. */
int picture_no_evaluation_fw(err *e);
/* Index of level `key` among the picture's level columns, -1 if absent. */
int picture_level_index(const area_picture *p, const char *key);

/* A principle and how many latest accepted audits put it at the lowest
 * level, of how many that recorded a level for it. */
typedef struct picture_support {
	const fw_section *principle;
	size_t at_lowest, recorded;
} picture_support;

/* Principles with any audit at the lowest level, most first (ties in the
 * instrument's order). */
size_t picture_support_ranking(const area_picture *p, arena *a, picture_support **out);

/* Accepted audits per academic year, one entry for every year from the
 * first with an audit to the last, counts per outcome of the instrument. */
typedef struct picture_year {
	int year;
	size_t *counts;         /* per outcome */
	size_t total;
} picture_year;

typedef struct picture_trend {
	fw_item *outcomes;
	size_t n_outcomes;
	picture_year *years;
	size_t n_years, most;   /* most: the largest total of a year */
} picture_trend;

int picture_trend_load(domain *d, int64_t area, const picture_filter *f, picture_trend *t, err *e);

/* A project with its model's title and number of steps, from the version
 * of the model it was recorded with (the installed one if that is lost). */
typedef struct picture_project {
	picture_project_row row;
	const char *model;
	size_t steps;           /* 0 when the model cannot be found */
} picture_project;

int picture_projects_load(domain *d, int64_t area, const picture_filter *f, picture_project **out,
			  size_t *n, err *e);

/* ---- self-evaluations (domain/area_evaluations.c) ------------------------ */

#define PICTURE_EVALUATION_FRAMEWORK "four-cornerstones"

/* One cornerstone of an organisation's latest self-evaluation: its
 * statements and how many are judged (complete), the source's indicators
 * and how many have evidence linked, and the partner groups involved (who
 * took part in a judgement or in linked evidence). */
typedef struct picture_cornerstone {
	const fw_section *section;
	size_t statements, judged, indicators, evidenced;
	int groups;
} picture_cornerstone;

/* An organisation with its latest self-evaluation (row.evaluation_id 0:
 * none started): per cornerstone (the installed instrument's order), and
 * in total; changed_at is the latest change to the evaluation, its
 * judgements or its evidence links. */
typedef struct picture_evaluation {
	picture_evaluation_row row;
	picture_cornerstone *cornerstones;
	size_t statements, judged, indicators, evidenced;
	int groups;
	const char *changed_at;
} picture_evaluation;

typedef struct area_evaluations {
	const framework *fw;            /* the installed Four Cornerstones tool */
	picture_evaluation *orgs;
	size_t n_orgs, started, submitted;
} area_evaluations;

/* Every organisation of `area` narrowed by `f` (NULL: all) with its latest
 * Four Cornerstones self-evaluation, its judgements and its evidence
 * counted (the whole area's evidence links: the self-evaluations page, the
 * report and the export; the portfolio and the dashboard count what they
 * show with the organisations, area_portfolio_load). Fails with a message
 * when the instrument is not installed. */
int area_evaluations_load(domain *d, int64_t area, const picture_filter *f, area_evaluations *out,
			  err *e);
/* "Draft", "In review", "Submitted" for an evaluation's status. */
const char *evaluation_status_words(const char *status);

#endif
