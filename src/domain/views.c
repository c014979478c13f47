/* views.c: rounds of views (opening, reading, closing, changing, links),
 * the rating scales and partner groups they use, and the organisation's
 * and area's partner-voice settings. */
#include "domain/views_internal.h"

#include <ctype.h>
#include <sodium.h>
#include <string.h>
#include <strings.h>

#include "core/lang.h"
#include "core/text.h"
#include "domain/account.h"
#include "domain/audit.h"
#include "store/account.h"
#include "store/views.h"

/* ---- ratings -------------------------------------------------------------- */

static const view_rating cornerstone_scale[] = {
	{4, N_("Really well")}, {3, N_("Quite well")}, {2, N_("Not very well")},
	{1, N_("Not at all")}, {0, N_("I don't know")},
};
static const view_rating york_scale[] = {
	{3, N_("Excellent")}, {2, N_("Good")}, {1, N_("Room for improvement")},
	{0, N_("I don't know")},
};

bool views_is_audit(const view_round_row *r)
{
	return r->audit_id != 0;
}

void views_scale(const view_round_row *r, const view_rating **scale, size_t *n)
{
	if (views_is_audit(r)) {
		*scale = york_scale;
		*n = sizeof york_scale / sizeof *york_scale;
	} else {
		*scale = cornerstone_scale;
		*n = sizeof cornerstone_scale / sizeof *cornerstone_scale;
	}
}

int views_scale_top(const view_round_row *r)
{
	return views_is_audit(r) ? 3 : 4;
}

const char *views_rating_words(const view_round_row *r, int rating)
{
	const view_rating *scale;
	size_t n;
	views_scale(r, &scale, &n);
	for (size_t i = 0; i < n; i++)
		if (scale[i].value == rating)
			return scale[i].words;
	return NULL;
}

int views_rating_check(const view_round_row *r, int rating, err *e)
{
	if (rating == VIEW_NO_RATING || views_rating_words(r, rating))
		return 0;
	return err_set(e, ERR_INPUT, "the answer %d is not one of this round's answers: choose one from 0 (I don't know) to %d.",
		       rating, views_scale_top(r));
}

/* ---- partner groups --------------------------------------------------------- */

static const struct {
	const char *word, *group;
} group_words[] = {
	{"cyp", "cyp"}, {"young-people", "cyp"}, {"children", "cyp"},
	{"children-and-young-people", "cyp"}, {"parents", "parents"},
	{"parent-carers", "parents"}, {"carers", "parents"}, {"practitioners", "practitioners"},
	{"staff", "practitioners"},
};

static int group_word(arena *a, const char *p, size_t n, view_group *out, err *e)
{
	if (n > 6 && strncmp(p, "other:", 6) == 0) {
		char *name = arena_printf(a, "%.*s", (int)(n - 6), p + 6);
		if (text_check_line("The group's name", name, true, e) < 0)
			return -1;
		if (utf8_chars(name) > 80)
			return err_set(e, ERR_INPUT, "the group's name \"%.40s...\" is too long: keep it under 80 characters.", name);
		*out = (view_group){"other", name};
		return 0;
	}
	for (size_t i = 0; i < sizeof group_words / sizeof *group_words; i++)
		if (strlen(group_words[i].word) == n && strncmp(group_words[i].word, p, n) == 0) {
			*out = (view_group){group_words[i].group, ""};
			return 0;
		}
	return err_set(e, ERR_INPUT, "\"%.*s\" is not a partner group: use young-people, parents, practitioners or other:NAME, separated by commas.",
		       (int)(n > 40 ? 40 : n), p);
}

int views_groups_parse(arena *a, const char *text, view_group **out, size_t *n, err *e)
{
	const char *p = text ? text : "";
	*out = ARENA_ARRAY(a, strlen(p) / 2 + 1, *out);
	*n = 0;
	while (*p) {
		size_t len = strcspn(p, ",");
		view_group g;
		if (len && group_word(a, p, len, &g, e) < 0)
			return -1;
		bool dup = false;
		for (size_t i = 0; len && i < *n; i++)
			dup |= !strcmp((*out)[i].group, g.group) && !strcmp((*out)[i].name, g.name);
		if (len && !dup)
			(*out)[(*n)++] = g;
		p += len;
		p += *p == ',';
	}
	if (!*n)
		return err_set(e, ERR_INPUT, "name at least one partner group: young-people, parents, practitioners or other:NAME.");
	return 0;
}

const char *views_group_title(const view_link_row *l)
{
	if (!strcmp(l->partner_group, "cyp"))
		return "Children and young people";
	if (!strcmp(l->partner_group, "parents"))
		return "Parent carers";
	if (!strcmp(l->partner_group, "practitioners"))
		return "Practitioners";
	return l->group_name;
}

int views_group_flag(const char *partner_group)
{
	if (!strcmp(partner_group, "cyp"))
		return GROUP_CYP;
	if (!strcmp(partner_group, "parents"))
		return GROUP_PARENTS;
	if (!strcmp(partner_group, "practitioners"))
		return GROUP_PRACTITIONERS;
	return 0;
}

/* ---- helpers the views files share ------------------------------------------ */

void views_random_token(views_token out)
{
	unsigned char bytes[32];
	randombytes_buf(bytes, sizeof bytes);
	sodium_bin2base64(out, VIEWS_TOKEN_LEN + 1, bytes, sizeof bytes,
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

int views_log(domain *d, const user_row *who, const view_round_row *r, const char *what, err *e)
{
	return activity_log(d, who, r->organisation_id, 0,
			    arena_printf(d->mem, "round of views %lld: %s", (long long)r->id, what), e);
}

const char *views_who_name(const user_row *who)
{
	return who ? who->name : "copro";
}

int views_text_check(const char *what, const char *text, const char **out, err *e)
{
	*out = NULL;
	if (!text || !text[strspn(text, " \t\r\n")])
		return 0;
	if (text_check_long(what, text, false, e) < 0)
		return -1;
	size_t n = utf8_chars(text);
	if (n > VIEWS_TEXT_MAX)
		return err_set(e, ERR_INPUT, "%s has %zu characters: shorten it to %d or fewer.", what,
			       n, VIEWS_TEXT_MAX);
	*out = text;
	return 0;
}

int views_element_check(domain *d, const view_round_row *r, const char *element, err *e)
{
	view_element_list els;
	if (store_view_elements(d->db, d->mem, r->id, &els, e) < 0)
		return -1;
	char *keys = "";
	for (size_t i = 0; i < els.n; i++) {
		if (element && !strcmp(els.items[i].element_key, element))
			return 0;
		keys = arena_printf(d->mem, "%s%s%s", keys, i ? ", " : "", els.items[i].element_key);
	}
	return err_set(e, ERR_INPUT, "round %lld does not ask about \"%.20s\": it asks about %s.",
		       (long long)r->id, element ? element : "", keys);
}

/* ---- opening a round ---------------------------------------------------------- */

/* What a round is of: its organisation and instrument. */
typedef struct round_source {
	int64_t org;
	const char *framework_id, *framework_hash;
} round_source;

static int source_of(domain *d, const view_round_input *in, round_source *src, err *e)
{
	if (!in->evaluation_id == !in->audit_id)
		return err_set(e, ERR_INPUT, "a round of views is of one evaluation or one audit: name exactly one.");
	if (in->evaluation_id) {
		evaluation_row ev;
		if (evaluation_get(d, in->evaluation_id, &ev, e) < 0)
			return -1;
		if (strcmp(ev.framework_id, "four-cornerstones") != 0)
			return err_set(e, ERR_INPUT, "evaluation %lld uses %s: rounds of views ask about Four Cornerstones statements or York's principles (open one from an audit).",
				       (long long)ev.id, ev.framework_id);
		*src = (round_source){ev.organisation_id, ev.framework_id, ev.framework_hash};
		return 0;
	}
	audit_row au;
	if (audit_get(d, in->audit_id, &au, e) < 0)
		return -1;
	*src = (round_source){au.organisation_id, AUDIT_FRAMEWORK_ID, au.framework_hash};
	return 0;
}

static bool language_valid(const char *s)
{
	size_t n = strlen(s), letters = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
	if (n > 35 || letters < 2 || letters > 3 || (s[letters] && s[letters] != '-'))
		return false;
	for (const char *p = s; *p; p++)
		if (!isalnum((unsigned char)*p) && *p != '-')
			return false;
	return s[n - 1] != '-';
}

const lang_info *views_language(const char *tag)
{
	const lang_info *l = tag ? lang_find(tag) : NULL;
	if (!l)
		return NULL;
	size_t primary = strcspn(tag, "-_");
	return !strncasecmp(l->tag, tag, primary) && strcspn(l->tag, "-_") == primary ? l : NULL;
}

/* Checks the fields a lead sets (open and change alike). */
static int round_fields_check(view_round_row *r, const char *today, bool opening, err *e)
{
	if (text_check_line("The round's title", r->title, true, e) < 0)
		return -1;
	if (utf8_chars(r->title) > TEXT_NAME_MAX)
		return err_set(e, ERR_INPUT, "the round's title is too long: keep it under %d characters.", TEXT_NAME_MAX);
	if (strcmp(r->wording, VIEWS_WORDING_STANDARD) && strcmp(r->wording, VIEWS_WORDING_EASY))
		return err_set(e, ERR_INPUT, "the wording \"%.40s\" is not known: use standard or easy-read.", r->wording);
	if (!language_valid(r->language))
		return err_set(e, ERR_INPUT, "the language \"%.40s\" is not a language tag: use one such as en-GB, cy or pl.", r->language);
	if (date_check("The opening date", r->opens_on, e) < 0 ||
	    (r->closes_on && date_check("The closing date", r->closes_on, e) < 0))
		return -1;
	if (r->closes_on && strcmp(r->closes_on, r->opens_on) < 0)
		return err_set(e, ERR_INPUT, "the closing date (%s) is before the opening date (%s): check both dates.", r->closes_on, r->opens_on);
	if (opening && r->closes_on && strcmp(r->closes_on, today) < 0)
		return err_set(e, ERR_INPUT, "the closing date (%s) has passed: give a date from today on.", r->closes_on);
	if (r->answer_cap < 1 || r->answer_cap > VIEWS_CAP_MAX)
		return err_set(e, ERR_INPUT, "the answer cap must be a whole number from 1 to %d (got %d).", VIEWS_CAP_MAX, r->answer_cap);
	return 0;
}

/* Adds an element key once. */
static void add_key(const char **keys, size_t *n, const char *key)
{
	for (size_t i = 0; i < *n; i++)
		if (!strcmp(keys[i], key))
			return;
	keys[(*n)++] = key;
}

/* The elements asked about: statement keys, or a cornerstone's statements. */
static int round_elements(domain *d, const framework *fw, const view_round_input *in,
			  const char ***keys, size_t *n, err *e)
{
	*keys = ARENA_ARRAY(d->mem, fw->n_elements + 1, *keys);
	*n = 0;
	for (size_t i = 0; i < in->n_elements; i++) {
		const char *k = in->elements[i];
		const fw_element *el = framework_element(fw, k);
		const fw_section *sec = el ? NULL : framework_section(fw, k);
		if (!el && !sec)
			return err_set(e, ERR_INPUT, "\"%.20s\" is not a %s of %s: give keys such as %s.",
				       k ? k : "", fw->term_element ? fw->term_element : "statement",
				       fw->title, fw->sections[0].elements[0].key);
		if (el)
			add_key(*keys, n, el->key);
		for (size_t j = 0; sec && j < sec->n_elements; j++)
			add_key(*keys, n, sec->elements[j].key);
	}
	if (*n)
		return 0;
	for (size_t s = 0; s < fw->n_sections; s++)
		for (size_t j = 0; j < fw->sections[s].n_elements; j++)
			add_key(*keys, n, fw->sections[s].elements[j].key);
	return 0;
}

static int links_make(domain *d, const view_round_input *in, int64_t round, const char *now,
		      view_new_link **links, size_t *n_links, err *e)
{
	if (!in->n_groups)
		return err_set(e, ERR_INPUT, "name at least one partner group: young-people, parents, practitioners or other:NAME.");
	*links = ARENA_ARRAY(d->mem, in->n_groups, *links);
	for (size_t i = 0; i < in->n_groups; i++) {
		const view_group *g = &in->groups[i];
		if (!g->group || (strcmp(g->group, "other") && !views_group_flag(g->group)))
			return err_set(e, ERR_INPUT, "\"%.40s\" is not a partner group: use cyp, parents, practitioners or other with a name.", g->group ? g->group : "");
		const char *name = strcmp(g->group, "other") ? "" : (g->name ? g->name : "");
		if (!strcmp(g->group, "other") && text_check_line("The group's name", name, true, e) < 0)
			return -1;
		view_new_link *l = &(*links)[i];
		views_random_token(l->token);
		char hash[65];
		token_hash(l->token, hash);
		view_link_row row = {.round_id = round, .partner_group = g->group, .group_name = name,
				     .token_hash = hash, .created_at = now};
		for (size_t j = 0; j < i; j++)
			if (!strcmp((*links)[j].partner_group, g->group) && !strcmp((*links)[j].group_name, name))
				return err_set(e, ERR_INPUT, "the group %s is named twice: one link per group.", *name ? name : g->group);
		if (store_view_link_insert(d->db, &row, &l->id, e) < 0)
			return -1;
		l->partner_group = g->group;
		l->group_name = name;
	}
	*n_links = in->n_groups;
	return 0;
}

static int round_insert(domain *d, const user_row *who, view_round_row *r, const char **keys,
			size_t n_keys, err *e)
{
	if (store_view_round_insert(d->db, r, &r->id, e) < 0)
		return -1;
	for (size_t i = 0; i < n_keys; i++) {
		view_element_row el = {.round_id = r->id, .position = (int)i + 1,
				       .element_key = keys[i]};
		if (store_view_element_insert(d->db, &el, e) < 0)
			return -1;
	}
	return views_log(d, who, r, arena_printf(d->mem, "opened \"%s\" (%zu %s)", r->title,
						 n_keys, n_keys == 1 ? "element" : "elements"), e);
}

/* The default title: "Views on Four Cornerstones ..., October 2026". */
static const char *default_title(domain *d, const framework *fw, const char *opens_on)
{
	const char *words = date_in_words(d->mem, opens_on);
	const char *month = strchr(words, ' ');
	return arena_printf(d->mem, "Views on %s, %s", fw->title, month ? month + 1 : words);
}

int views_open(domain *d, const user_row *who, const view_round_input *in, int64_t *round,
	       view_new_link **links, size_t *n_links, err *e)
{
	char now[21], today[11];
	time_now_iso(now);
	date_today(today);
	round_source src = {0};
	if (source_of(d, in, &src, e) < 0)
		return -1;
	bool changed;
	framework *fw = framework_version_load(d, src.framework_id, src.framework_hash, &changed, e);
	if (!fw)
		return -1;
	view_round_row r = {
		.organisation_id = src.org, .evaluation_id = in->evaluation_id,
		.audit_id = in->audit_id, .framework_id = src.framework_id,
		.framework_hash = src.framework_hash, .title = in->title,
		.wording = in->wording ? in->wording : VIEWS_WORDING_STANDARD,
		.language = in->language ? in->language : VIEWS_LANGUAGE_DEFAULT,
		.opens_on = in->opens_on ? in->opens_on : today, .closes_on = in->closes_on,
		.answer_cap = in->answer_cap ? in->answer_cap : VIEWS_CAP_DEFAULT,
		.created_by = who ? who->id : 0, .created_by_name = views_who_name(who),
		.created_at = now, .updated_at = now};
	if (r.closes_on && !*r.closes_on)
		r.closes_on = NULL;
	if (date_check("The opening date", r.opens_on, e) < 0)
		return -1;
	if (!r.title || !*r.title)
		r.title = default_title(d, fw, r.opens_on);
	const char **keys;
	size_t n_keys;
	if (round_fields_check(&r, today, true, e) < 0 ||
	    round_elements(d, fw, in, &keys, &n_keys, e) < 0 || store_begin(d->db, e) < 0)
		return -1;
	if (round_insert(d, who, &r, keys, n_keys, e) < 0 ||
	    links_make(d, in, r.id, now, links, n_links, e) < 0 || store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		*n_links = 0;
		return -1;
	}
	*round = r.id;
	return 0;
}

/* ---- reading rounds ------------------------------------------------------------ */

int views_get(domain *d, int64_t round, view_round_row *out, err *e)
{
	return domain_found(store_view_round_get(d->db, d->mem, round, out, e), e,
			    "there is no round of views number %lld: `copro views list ORG` shows them.",
			    (long long)round);
}

DOMAIN_GET_IN_ORG(views_get_in_org, views_get, view_round_row, "round of views")
DOMAIN_LIST_BY_ID(views_of_org, store_view_rounds_of_org, view_round_list)
DOMAIN_LIST_BY_ID(views_elements, store_view_elements, view_element_list)
DOMAIN_LIST_BY_ID(views_links, store_view_links, view_link_list)

framework *views_framework(domain *d, const view_round_row *r, err *e)
{
	bool changed;
	return framework_version_load(d, r->framework_id, r->framework_hash, &changed, e);
}

enum view_state views_state(const view_round_row *r, const char *today)
{
	if (r->closed)
		return VIEW_CLOSED;
	if (strcmp(today, r->opens_on) < 0)
		return VIEW_NOT_YET;
	if (r->closes_on && strcmp(today, r->closes_on) > 0)
		return VIEW_ENDED;
	return VIEW_OPEN;
}

const char *views_state_words(enum view_state s)
{
	switch (s) {
	case VIEW_OPEN:
		return "open";
	case VIEW_NOT_YET:
		return "not open yet";
	case VIEW_ENDED:
		return "ended";
	case VIEW_CLOSED:
		return "closed";
	}
	return "";
}

/* ---- changing rounds ------------------------------------------------------------- */

static int round_update(domain *d, const user_row *who, view_round_row *r, const char *what,
			err *e)
{
	char now[21];
	time_now_iso(now);
	r->updated_at = now;
	if (store_begin(d->db, e) < 0)
		return -1;
	if (store_view_round_update(d->db, r, e) < 0 || views_log(d, who, r, what, e) < 0 ||
	    store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

int views_close(domain *d, const user_row *who, int64_t round, err *e)
{
	view_round_row r;
	if (views_get(d, round, &r, e) < 0)
		return -1;
	if (r.closed)
		return err_set(e, ERR_CONFLICT, "round %lld is closed already: `copro views reopen %lld` opens it again.",
			       (long long)round, (long long)round);
	r.closed = true;
	return round_update(d, who, &r, "closed", e);
}

int views_reopen(domain *d, const user_row *who, int64_t round, err *e)
{
	view_round_row r;
	char today[11];
	date_today(today);
	if (views_get(d, round, &r, e) < 0)
		return -1;
	if (!r.closed)
		return err_set(e, ERR_CONFLICT, "round %lld is not closed: there is nothing to reopen.", (long long)round);
	if (r.closes_on && strcmp(r.closes_on, today) < 0)
		return err_set(e, ERR_CONFLICT, "round %lld's closing date (%s) has passed: give it a later closing date first.",
			       (long long)round, r.closes_on);
	r.closed = false;
	return round_update(d, who, &r, "reopened", e);
}

int views_change(domain *d, const user_row *who, int64_t round, const view_round_change *c,
		 err *e)
{
	view_round_row r;
	char today[11];
	date_today(today);
	if (views_get(d, round, &r, e) < 0)
		return -1;
	r.title = c->title ? c->title : r.title;
	r.wording = c->wording ? c->wording : r.wording;
	r.language = c->language ? c->language : r.language;
	r.opens_on = c->opens_on ? c->opens_on : r.opens_on;
	if (c->closes_on)
		r.closes_on = *c->closes_on ? c->closes_on : NULL;
	r.answer_cap = c->answer_cap ? c->answer_cap : r.answer_cap;
	if (round_fields_check(&r, today, false, e) < 0)
		return -1;
	return round_update(d, who, &r, "changed its settings", e);
}

int views_set_easy_read(domain *d, const user_row *who, int64_t round, const char *element,
			const char *text, err *e)
{
	view_round_row r;
	const char *kept;
	if (views_get(d, round, &r, e) < 0 || views_element_check(d, &r, element, e) < 0 ||
	    views_text_check("The easy-read text", text, &kept, e) < 0 || store_begin(d->db, e) < 0)
		return -1;
	if (store_view_element_set_easy_read(d->db, round, element, kept, e) < 0 ||
	    views_log(d, who, &r, arena_printf(d->mem, kept ? "adapted the easy-read text of %s" : "went back to copro's easy-read text of %s", element), e) < 0 ||
	    store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

int views_round_link(domain *d, int64_t round, int64_t link, view_round_row *r,
		     view_link_row *l, err *e)
{
	if (views_get(d, round, r, e) < 0)
		return -1;
	int found = store_view_link_get(d->db, d->mem, link, l, e);
	if (found < 0)
		return -1;
	if (!found || l->round_id != round)
		return err_set(e, ERR_NOTFOUND, "round %lld has no link number %lld: `copro views show %lld` lists its links.",
			       (long long)round, (long long)link, (long long)round);
	return 0;
}

int views_link_replace(domain *d, const user_row *who, int64_t round, int64_t link,
		       view_new_link *out, err *e)
{
	view_round_row r;
	view_link_row l;
	char now[21], hash[65];
	time_now_iso(now);
	if (views_round_link(d, round, link, &r, &l, e) < 0)
		return -1;
	views_random_token(out->token);
	token_hash(out->token, hash);
	out->id = link;
	out->partner_group = l.partner_group;
	out->group_name = l.group_name;
	if (store_begin(d->db, e) < 0)
		return -1;
	if (store_view_link_rehash(d->db, round, link, hash, now, e) < 0 ||
	    views_log(d, who, &r, arena_printf(d->mem, "replaced the link of %s (the old one no longer works)", views_group_title(&l)), e) < 0 ||
	    store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

/* ---- settings ------------------------------------------------------------------ */

int views_org_settings_get(domain *d, int64_t org, views_org_settings *out, err *e)
{
	*out = (views_org_settings){"", VIEWS_RETENTION_DEFAULT, true};
	view_org_setting_row row;
	int found = store_view_org_setting_get(d->db, d->mem, org, &row, e);
	if (found <= 0)
		return found;
	*out = (views_org_settings){row.safeguarding_contact, row.retention_months, false};
	return 0;
}

int views_org_settings_set(domain *d, const user_row *who, int64_t org,
			   const views_org_settings *s, err *e)
{
	org_row o;
	const char *contact = s->safeguarding_contact ? s->safeguarding_contact : "";
	if (org_get(d, org, &o, e) < 0 ||
	    text_check_line("The safeguarding contact", contact, false, e) < 0)
		return -1;
	if (utf8_chars(contact) > TEXT_NAME_MAX)
		return err_set(e, ERR_INPUT, "the safeguarding contact is too long: keep it under %d characters.", TEXT_NAME_MAX);
	if (s->retention_months < 1 || s->retention_months > 120)
		return err_set(e, ERR_INPUT, "free text is kept from 1 to 120 months (got %d): give a whole number in that range.", s->retention_months);
	char now[21];
	time_now_iso(now);
	view_org_setting_row row = {org, contact, s->retention_months, now};
	if (store_begin(d->db, e) < 0)
		return -1;
	if (store_view_org_setting_put(d->db, &row, e) < 0 ||
	    activity_log(d, who, org, 0, arena_printf(d->mem, "set partner voice settings: safeguarding contact \"%s\", free text kept %d months", contact, s->retention_months), e) < 0 ||
	    store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

int views_min_group_get(domain *d, int64_t area, int *n, err *e)
{
	*n = VIEWS_MIN_GROUP_DEFAULT;
	if (!area)
		return 0;
	view_area_setting_row row;
	int found = store_view_area_setting_get(d->db, d->mem, area, &row, e);
	if (found > 0)
		*n = row.min_group;
	return found < 0 ? -1 : 0;
}

int views_min_group_of_org(domain *d, int64_t org, int *n, err *e)
{
	int64_t area = 0;
	if (store_org_area(d->db, org, &area, e) < 0)
		return -1;
	return views_min_group_get(d, area, n, e);
}

int views_min_group_set(domain *d, const user_row *who, int64_t area, int n, err *e)
{
	if (!area)
		return err_set(e, ERR_INPUT, "choose the area whose smallest group to change.");
	if (n < 1 || n > 100)
		return err_set(e, ERR_INPUT, "the smallest group shown must be a whole number from 1 to 100 (got %d).", n);
	char now[21];
	time_now_iso(now);
	view_area_setting_row row = {area, n, now};
	if (store_begin(d->db, e) < 0)
		return -1;
	if (store_view_area_setting_put(d->db, &row, e) < 0 ||
	    activity_log(d, who, 0, area, arena_printf(d->mem, "set the smallest group of partner views shown to %d", n), e) < 0 ||
	    store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}
