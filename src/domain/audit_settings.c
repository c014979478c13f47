/* audit_settings.c: an area's local audit settings (the score scale and the
 * rule from principle levels to a suggested outcome, both local choices the
 * York tool leaves open) and the instrument's titles for fields, outcomes
 * and principles. */
#include "domain/audit_internal.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "store/account.h"
#include "store/audit.h"
#include "store/store.h"
/* ---- area settings ------------------------------------------------------ */

bool audit_rule_known(const char *rule)
{
	return rule && (strcmp(rule, AUDIT_RULE_LOWEST) == 0 ||
			strcmp(rule, AUDIT_RULE_MOST_COMMON) == 0);
}

const char *audit_rule_name(const char *rule)
{
	if (!rule)
		return NULL;
	if (strcmp(rule, AUDIT_RULE_LOWEST) == 0)
		return "lowest level";
	if (strcmp(rule, AUDIT_RULE_MOST_COMMON) == 0)
		return "most common level";
	return NULL;
}

const char *audit_rule_describe(const char *rule)
{
	if (!rule)
		return NULL;
	if (strcmp(rule, AUDIT_RULE_LOWEST) == 0)
		return "Lowest level: if any principle is at Room for Improvement the suggestion is "
		       "Requires Improvement; if every principle is Excellent it is Outstanding; "
		       "otherwise it is Good.";
	if (strcmp(rule, AUDIT_RULE_MOST_COMMON) == 0)
		return "Most common level: the level most principles reached decides (a tie goes to "
		       "the lower level): Room for Improvement suggests Requires Improvement, Good "
		       "suggests Good, Excellent suggests Outstanding.";
	return NULL;
}

static void settings_default(audit_settings *out)
{
	*out = (audit_settings){.score_min = AUDIT_DEFAULT_SCORE_MIN,
				.score_max = AUDIT_DEFAULT_SCORE_MAX,
				.rule = AUDIT_DEFAULT_RULE, .is_default = true};
}

int audit_settings_get(domain *d, int64_t area, audit_settings *out, err *e)
{
	settings_default(out);
	if (!area)
		return 0;
	area_setting_row row;
	int found = store_area_setting_get(d->db, d->mem, area, &row, e);
	if (found <= 0)
		return found;
	*out = (audit_settings){.score_min = row.score_min, .score_max = row.score_max,
				.rule = row.outcome_rule, .is_default = false};
	return 0;
}

int audit_settings_of_org(domain *d, int64_t org, audit_settings *out, err *e)
{
	int64_t area = 0;
	if (store_org_area(d->db, org, &area, e) < 0)
		return -1;
	return audit_settings_get(d, area, out, e);
}

int audit_settings_validate(const audit_settings *s, err *e)
{
	if (s->score_min < 0 || s->score_min > 99)
		return err_set(e, ERR_INPUT,
			       "The lowest score must be a whole number from 0 to 99 (got %d).",
			       s->score_min);
	if (s->score_max < 1 || s->score_max > 100)
		return err_set(e, ERR_INPUT,
			       "The highest score must be a whole number from 1 to 100 (got %d).",
			       s->score_max);
	if (s->score_max <= s->score_min)
		return err_set(e, ERR_INPUT,
			       "The highest score (%d) must be more than the lowest score (%d).",
			       s->score_max, s->score_min);
	if (!audit_rule_known(s->rule))
		return err_set(e, ERR_INPUT,
			       "The outcome rule \"%.40s\" is not known: use lowest-level or most-common-level.",
			       s->rule ? s->rule : "");
	return 0;
}

int audit_settings_set(domain *d, int64_t area, const audit_settings *s, err *e)
{
	if (audit_settings_validate(s, e) < 0)
		return -1;
	if (!area)
		return err_set(e, ERR_INPUT, "Choose the area whose audit settings to change.");
	char now[21];
	time_now_iso(now);
	area_setting_row row = {.area_id = area, .score_min = s->score_min,
				.score_max = s->score_max, .outcome_rule = s->rule,
				.updated_at = now};
	if (store_begin(d->db, e) < 0)
		return -1;
	if (store_area_setting_put(d->db, &row, e) < 0 || store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

/* ---- the suggestion ----------------------------------------------------- */

/* 0, 1, 2 from the lowest level up; -1 for no level or an unknown one. */
static int level_rank(const char *level)
{
	if (!level)
		return -1;
	if (strcmp(level, AUDIT_LEVEL_LOW) == 0)
		return 0;
	if (strcmp(level, AUDIT_LEVEL_MID) == 0)
		return 1;
	if (strcmp(level, AUDIT_LEVEL_HIGH) == 0)
		return 2;
	return -1;
}

static const char *const outcome_of_rank[3] = {AUDIT_OUTCOME_LOW, AUDIT_OUTCOME_MID,
					       AUDIT_OUTCOME_HIGH};

const char *audit_suggest_outcome(const char *const *levels, size_t n, const char *rule)
{
	if (!n || !audit_rule_known(rule))
		return NULL;
	size_t count[3] = {0, 0, 0};
	for (size_t i = 0; i < n; i++) {
		int rank = level_rank(levels[i]);
		if (rank < 0)
			return NULL;
		count[rank]++;
	}
	if (strcmp(rule, AUDIT_RULE_LOWEST) == 0) {
		if (count[0])
			return AUDIT_OUTCOME_LOW;
		return count[2] == n ? AUDIT_OUTCOME_HIGH : AUDIT_OUTCOME_MID;
	}
	/* Most common; scanning from the lowest with a strict comparison sends
	 * a tie to the lower level. */
	int best = 0;
	for (int rank = 1; rank < 3; rank++)
		if (count[rank] > count[best])
			best = rank;
	return outcome_of_rank[best];
}

/* ---- instrument lookups ------------------------------------------------- */

const char *audit_field_title(const framework *fw, const char *key)
{
	const fw_field *f = framework_field(fw, key);
	return f ? f->title : NULL;
}

const char *audit_outcome_title(const framework *fw, const char *key)
{
	const fw_item *o = framework_outcome(fw, key);
	return o ? o->title : NULL;
}

const fw_element *audit_principle_indicator(const framework *fw, const char *principle)
{
	const fw_section *sec = framework_section(fw, principle);
	return sec && sec->n_elements ? &sec->elements[0] : NULL;
}

int audit_outcome_list(const framework *fw, arena *a, audit_outcome **out, size_t *n)
{
	*n = fw->n_outcomes;
	*out = ARENA_ARRAY(a, *n, *out);
	for (size_t i = 0; i < *n; i++)
		(*out)[i] = (audit_outcome){fw->outcomes[i].key, fw->outcomes[i].title};
	return 0;
}

/* "1, 2, 3, 4, 5 or 6": the principle keys, for messages. */
const char *audit_principle_keys(arena *a, const framework *fw)
{
	const char *text = "";
	for (size_t i = 0; i < fw->n_sections; i++)
		text = arena_printf(a, "%s%s%s", text,
				    i == 0 ? "" : i + 1 == fw->n_sections ? " or " : ", ",
				    fw->sections[i].key);
	return text;
}

const char *audit_level_keys(arena *a, const fw_element *el)
{
	const char *text = "";
	for (size_t i = 0; i < el->n_levels; i++)
		text = arena_printf(a, "%s%s%s", text,
				    i == 0 ? "" : i + 1 == el->n_levels ? " or " : ", ",
				    el->levels[i].key);
	return text;
}

const char *audit_outcome_keys(arena *a, const framework *fw)
{
	audit_outcome *o;
	size_t n;
	audit_outcome_list(fw, a, &o, &n);
	const char *text = "";
	for (size_t i = 0; i < n; i++)
		text = arena_printf(a, "%s%s%s", text, i == 0 ? "" : i + 1 == n ? " or " : ", ",
				    o[i].key);
	return text;
}

