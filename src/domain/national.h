/* national.h: the whole-country summary for whoever runs the installation:
 * per area, organisations, self-evaluations, York audits (latest accepted,
 * in the last 12 months, outcomes, the lowest level, reviews overdue) and
 * overdue actions, with the totals; as JSON and CSV. Outcome and level
 * wording comes from the installed audit instrument. */
#ifndef COPRO_DOMAIN_NATIONAL_H
#define COPRO_DOMAIN_NATIONAL_H

#include <jansson.h>

#include "domain/area.h"
#include "domain/area_export.h"
#include "domain/domain.h"

#define NATIONAL_FORMAT "copro-summary-1"

/* Self-evaluation statuses (evaluation.status), in this order. */
enum { NATIONAL_DRAFT, NATIONAL_IN_REVIEW, NATIONAL_SUBMITTED, NATIONAL_STATUSES };
extern const char *const national_status_names[NATIONAL_STATUSES];

/* An area's figures, or the country's. "Latest audit" is an
 * organisation's latest accepted audit (by audit date, then id). */
typedef struct national_counts {
	size_t organisations;
	size_t with_evaluation;         /* with at least one self-evaluation */
	size_t evaluations[NATIONAL_STATUSES];  /* self-evaluations by status */
	size_t audited;                 /* with a latest audit */
	size_t audited_in_window;       /* ... dated in the last 12 months */
	size_t *outcomes;               /* ... of those, per outcome of the instrument */
	size_t at_lowest;               /* latest audit has a principle at the lowest level */
	size_t reviews_overdue;         /* latest audit's review date has passed */
	size_t actions_overdue;         /* open or in progress, due before today */
} national_counts;

typedef struct national_area {
	int64_t id;                     /* 0: organisations with no area */
	const char *name;
	national_counts n;
} national_area;

typedef struct national_summary {
	picture_dates dates;            /* today, and since: the window's first day */
	char generated_at[21];
	fw_item *outcomes;              /* the instrument's outcomes, in its order */
	size_t n_outcomes;
	fw_item lowest;                 /* the lowest level: key and title */
	national_area *areas;           /* by name; "no area" last, if any */
	size_t n_areas;
	national_counts totals;
} national_summary;

/* Loads the summary as of `today` (YYYY-MM-DD; NULL: today, COPRO_NOW
 * honoured). Fails with a message when the audit instrument is not
 * installed. Everything lives in d->mem. */
int national_summary_load(domain *d, const char *today, national_summary *out, err *e);

/* {"format", "generated_at", "today", "window": {"from", "to"},
 *  "outcomes": [{"key", "title"}], "lowest_level": {"key", "title"},
 *  "areas": [{"id", "name", COUNTS}], "totals": {COUNTS}} (docs/export.md). */
json_t *national_summary_json(const national_summary *s);

/* One row per area, then a totals row (empty area_id, area "All areas"),
 * under a header row; RFC 4180 with the formula guard of area_export.h. */
int national_summary_csv(const national_summary *s, export_sink *out, err *e);

#endif
