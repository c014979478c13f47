/* area.h: the area's picture in a few aggregate queries: each
 * organisation's latest accepted audit and its levels, outcomes per
 * academic year, levels counted per principle, and the area's projects.
 * Part of the store layer; see store.h for conventions. Names start
 * store_picture_ / picture_ to stay apart from the exports' area_data.h. */
#ifndef COPRO_STORE_AREA_PICTURE_H
#define COPRO_STORE_AREA_PICTURE_H

#include "store/store.h"

/* The area's name: 1 found, 0 not. An old name of store_area_name, kept
 * while pages call it. */
static inline int store_picture_area_name(store *s, arena *a, int64_t area, const char **name,
					  err *e)
{
	return store_area_name(s, a, area, name, e);
}
/* The service types of the area's organisations, each once, sorted; no
 * empty type. */
int store_picture_types(store *s, arena *a, int64_t area, picture_text_list *out, err *e);
/* Every organisation of the area (by name), with its latest accepted
 * audit, projects, whether it was audited recently, and its latest
 * self-evaluation on w->framework with its judged statements (counted
 * only when w->judged_keys is given). */
int store_picture_orgs(store *s, arena *a, int64_t area, const picture_filter *f,
		       const picture_window *w, picture_org_list *out, err *e);
/* The levels of every principle in those latest accepted audits, by
 * organisation id. */
int store_picture_levels(store *s, arena *a, int64_t area, const picture_filter *f,
			 picture_level_list *out, err *e);
/* Accepted audits (one per audit, whatever its versions) counted per
 * academic year and outcome, oldest year first. */
int store_picture_outcomes(store *s, arena *a, int64_t area, const picture_filter *f,
			   picture_outcome_count_list *out, err *e);
/* The area's projects, latest start first, with steps done and the
 * outcome of their latest accepted audit. */
int store_picture_projects(store *s, arena *a, int64_t area, const picture_filter *f,
			   picture_project_list *out, err *e);

/* Every organisation of the area (by name) with its latest Four
 * Cornerstones self-evaluation (`framework`), if any. */
int store_picture_evaluations(store *s, arena *a, int64_t area, const char *framework,
			      const picture_filter *f, picture_evaluation_list *out, err *e);
/* The statements of those self-evaluations: their judgements, and their
 * evidence (the source's indicators with evidence, its partner groups),
 * each by evaluation and statement. */
int store_picture_reviews(store *s, arena *a, int64_t area, const char *framework,
			  const picture_filter *f, picture_statement_list *out, err *e);
int store_picture_evidence(store *s, arena *a, int64_t area, const char *framework,
			   const picture_filter *f, picture_statement_list *out, err *e);

/* The area's overdue actions (as action_overdue has it: open or in
 * progress, due before `today`), the longest overdue first, then by
 * organisation. */
int store_picture_overdue_actions(store *s, arena *a, int64_t area, const char *today,
				  picture_action_list *out, err *e);

#endif
