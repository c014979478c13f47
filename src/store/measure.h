/* measure.h: rows and queries for success measures: the measures an
 * organisation chose (or wrote) per cycle with their monitoring grid, their
 * metrics, dated readings, and the links between measures. Part of the
 * store layer; see store.h for conventions. */
#ifndef COPRO_STORE_MEASURE_H
#define COPRO_STORE_MEASURE_H

#include "store/store.h"

int store_measure_insert(store *s, const measure_row *m, int64_t *id, err *e);
/* Writes the four grid texts and updated_at. */
int store_measure_update_grid(store *s, const measure_row *m, err *e);
int store_measure_get(store *s, arena *a, int64_t id, measure_row *out, err *e);
/* An organisation's measures by cornerstone, newest cycle first, then in
 * the order chosen; cycle NULL lists every cycle. */
int store_measure_list(store *s, arena *a, int64_t org, const char *cycle, measure_list *out,
		       err *e);
/* The measure with catalogue key `key` in that cycle, if chosen. */
int store_measure_find_catalogue(store *s, arena *a, int64_t org, const char *cycle,
				 const char *key, measure_row *out, err *e);

/* ---- metrics and readings ---------------------------------------------- */

int store_metric_insert(store *s, const metric_row *m, int64_t *id, err *e);
int store_metric_get(store *s, arena *a, int64_t id, metric_row *out, err *e);
/* A measure's metrics in the order added. */
int store_metric_list(store *s, arena *a, int64_t measure, metric_list *out, err *e);
int store_reading_insert(store *s, const reading_row *r, int64_t *id, err *e);
/* A metric's readings, oldest date first, whatever order they were added in. */
int store_reading_list(store *s, arena *a, int64_t metric, reading_list *out, err *e);
/* The metric's reading taken on `date`, if any. */
int store_reading_on(store *s, arena *a, int64_t metric, const char *date, reading_row *out,
		     err *e);

/* ---- links between measures -------------------------------------------- */

/* Links have no direction: the pair is stored once, lower id first (the
 * caller passes any order). Answers 1 when added, 0 when there already. */
int store_measure_link_add(store *s, int64_t a, int64_t b, const char *now, err *e);
/* Answers 1 when removed, 0 when there was no such link. */
int store_measure_link_remove(store *s, int64_t a, int64_t b, err *e);
/* The measures linked to `measure`, either way, by cornerstone then id. */
int store_measure_links(store *s, arena *a, int64_t measure, measure_list *out, err *e);

#endif
