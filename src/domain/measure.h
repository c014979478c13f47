/* measure.h: success measures (Four Cornerstones Success Measures, source
 * document 002). An organisation chooses measures per cornerstone from the
 * catalogue, or writes its own, fills the monitoring grid, gives each
 * measure metrics with a baseline, a target and dated readings, and links
 * measures to one another. Writes validate everything first and then run
 * in one transaction. */
#ifndef COPRO_DOMAIN_MEASURE_H
#define COPRO_DOMAIN_MEASURE_H

#include "domain/domain.h"

#define MEASURE_FRAMEWORK "four-cornerstones-success-measures"

/* ---- the catalogue, from an instrument's JSON -------------------------- */

/* A measure of the catalogue, a column of the monitoring grid or one of
 * the source's worked examples; strings belong to the instrument. */
typedef struct measure_item {
	const char *key, *text, *note, *gap;
} measure_item;

typedef struct measure_column {
	const char *key, *title, *hint, *gap;
} measure_column;

typedef struct measure_exemplar {
	const char *section, *title;
	const char *cells[4];           /* improve, know, measuring, evaluation; NULL when empty */
} measure_exemplar;

/* The grid's four columns an organisation writes, in the source's order. */
extern const char *const measure_grid_keys[4];   /* improve, know, measuring, evaluation */

/* The installed catalogue; NULL with a message when it is not installed. */
const framework *measure_instrument(domain *d, err *e);
/* The catalogue measures of one cornerstone (an arena array). */
size_t measure_catalogue(arena *a, const framework *fw, const char *cornerstone,
			 measure_item **out);
/* Catalogue measure `key` of any cornerstone: 1 found (and *section set to
 * its cornerstone's key), 0 not. */
int measure_catalogue_find(const framework *fw, const char *key, measure_item *out,
			   const char **section);
/* The grid column with key `key`, or NULL. */
int measure_column_find(const framework *fw, const char *key, measure_column *out);
size_t measure_exemplars(arena *a, const framework *fw, measure_exemplar **out);

/* ---- measures ---------------------------------------------------------- */

/* Adds measure m (organisation, cycle, cornerstone, and a catalogue key or
 * its own text) from the installed catalogue, keeping the catalogue's
 * text. A catalogue key with no cornerstone takes its own; given, they
 * must agree. The same catalogue measure twice in one cycle is
 * ERR_CONFLICT. */
int measure_add(domain *d, measure_row *m, int64_t *id, err *e);
/* Not found is an error (ERR_NOTFOUND). */
int measure_get(domain *d, int64_t id, measure_row *out, err *e);
int measure_get_in_org(domain *d, int64_t org, int64_t id, measure_row *out, err *e);
/* The organisation's measures of one cycle (NULL: every cycle). */
int measures_of_org(domain *d, int64_t org, const char *cycle, measure_list *out, err *e);
int metrics_of_measure(domain *d, int64_t measure, metric_list *out, err *e);
int readings_of_metric(domain *d, int64_t metric, reading_list *out, err *e);

/* The grid texts; NULL leaves one as it is. */
typedef struct measure_grid {
	const char *improve, *know, *measuring, *evaluation;
} measure_grid;

int measure_grid_check(const measure_grid *g, err *e);
int measure_edit(domain *d, int64_t id, const measure_grid *g, err *e);

/* The catalogue as stored with measure m (the version it was chosen from). */
framework *measure_framework(domain *d, const measure_row *m, bool *changed, err *e);
/* What a measure says: its own text, or the catalogue's wording (from
 * `fw`, the stored version), or "[GAP IN SOURCE]" when the source lost it. */
const char *measure_text(const framework *fw, const measure_row *m);
/* measure_text for every measure of a list, loading each stored catalogue
 * version once: an arena array of n strings. */
int measure_texts(domain *d, const measure_row *items, size_t n, const char ***out, err *e);
/* The cornerstone's title in `fw`, or its key when not there. */
const char *measure_cornerstone_title(const framework *fw, const char *key);

/* ---- metrics and readings ---------------------------------------------- */

/* A number typed by a person: decimal, finite, nothing after it. */
int measure_number_parse(const char *what, const char *text, double *out, err *e);
/* The same for a whole number 0 or more (a numerator, a denominator). */
int measure_whole_parse(const char *what, const char *text, int64_t *out, err *e);

int metric_validate(const metric_row *m, err *e);
/* Adds metric m to measure m->measure_id. */
int metric_add(domain *d, metric_row *m, int64_t *id, err *e);
int metric_get(domain *d, int64_t id, metric_row *out, err *e);

/* Checks a reading against its metric: a real date not in the future, a
 * value that fits the kind, a known source, and for a percentage either
 * the value or numerator and denominator (the value is then computed). */
int reading_validate(const metric_row *metric, reading_row *r, err *e);
/* Adds reading r to metric r->metric_id; a second reading on one date is
 * ERR_CONFLICT. */
int reading_add(domain *d, reading_row *r, int64_t *id, err *e);

/* Where a metric stands, from its readings sorted by date. */
enum measure_trend {
	TREND_NOT_ENOUGH,       /* nothing to compare with */
	TREND_IMPROVING,
	TREND_WORSE,
	TREND_SAME
};

typedef struct metric_status {
	size_t n_readings;
	const reading_row *latest, *previous;   /* NULL when missing */
	int target_met;                         /* 1 met, 0 not yet, -1 no target or no reading */
	enum measure_trend since_previous, since_baseline;
	enum measure_trend trend;               /* since the previous reading, else the baseline */
	const char *sentence;                   /* all of it in plain words */
} metric_status;

/* "improving", "getting worse", "no change", "not enough readings". */
const char *measure_trend_words(enum measure_trend t);
/* "62%", "8", "3.5 per 100 pupils". */
const char *metric_value_text(arena *a, const metric_row *m, double v);
void metric_status_of(arena *a, const metric_row *m, const reading_row *readings, size_t n,
		      metric_status *out);

/* ---- links ------------------------------------------------------------- */

/* Links (or unlinks) two measures of one organisation; a measure cannot
 * link to itself, a link is made once. */
int measure_link(domain *d, int64_t a, int64_t b, bool unlink, err *e);

/* ---- a measure whole --------------------------------------------------- */

typedef struct metric_detail {
	metric_row metric;
	reading_row *readings;          /* oldest first */
	size_t n_readings;
	metric_status status;
} metric_detail;

typedef struct measure_detail {
	measure_row measure;
	framework *fw;                  /* the stored catalogue (goes with d->mem) */
	bool framework_changed;
	const char *text, *cornerstone_title;
	metric_detail *metrics;
	size_t n_metrics;
	measure_list links;             /* linked measures, either way */
	const char **link_texts;        /* what each says */
} measure_detail;

int measure_detail_load(domain *d, int64_t id, measure_detail *md, err *e);

#endif
