/* views_answer.c: the partner's side of a round (a link's token, a draft
 * response kept by a cookie, answers, submitting), paper forms typed in,
 * the lead's review and flagging of free text, and the retention purge. */
#include "domain/views_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/text.h"
#include "domain/account.h"
#include "domain/review.h"
#include "store/views.h"

/* Drafts and submissions come from people without accounts. */
static const user_row partner = {.id = 0, .name = "a partner (by link)"};

/* ---- a link's token ------------------------------------------------------------ */

static bool token_shaped(const char *t)
{
	return t && strlen(t) == VIEWS_TOKEN_LEN &&
	       strspn(t, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
		       VIEWS_TOKEN_LEN;
}

static enum view_link_status link_status(const view_round_row *r, const view_link_row *l)
{
	char today[11];
	date_today(today);
	if (views_state(r, today) != VIEW_OPEN)
		return VIEW_LINK_CLOSED;
	if (l->submitted >= r->answer_cap)
		return VIEW_LINK_FULL;
	return VIEW_LINK_OPEN;
}

int views_link_open(domain *d, const char *token, view_visit *out, enum view_link_status *status,
		    err *e)
{
	*status = VIEW_LINK_UNKNOWN;
	memset(out, 0, sizeof *out);
	if (!token_shaped(token))
		return 0;
	char hash[65];
	token_hash(token, hash);
	int found = store_view_link_by_hash(d->db, d->mem, hash, &out->link, e);
	if (found <= 0)
		return found;
	org_row o;
	views_org_settings s;
	if (views_get(d, out->link.round_id, &out->round, e) < 0 ||
	    org_get(d, out->round.organisation_id, &o, e) < 0 ||
	    views_org_settings_get(d, o.id, &s, e) < 0)
		return -1;
	out->organisation = o.name;
	out->safeguarding_contact = s.safeguarding_contact;
	*status = link_status(&out->round, &out->link);
	return 0;
}

/* The link as it is now, refused unless it takes answers. */
static int link_takes_answers(domain *d, int64_t link, view_round_row *r, err *e)
{
	view_link_row l;
	int found = store_view_link_get(d->db, d->mem, link, &l, e);
	if (found < 0)
		return -1;
	if (!found)
		return err_set(e, ERR_NOTFOUND, "this link no longer exists: ask whoever sent it for a new one.");
	if (views_get(d, l.round_id, r, e) < 0)
		return -1;
	switch (link_status(r, &l)) {
	case VIEW_LINK_OPEN:
		return 0;
	case VIEW_LINK_FULL:
		return err_set(e, ERR_CONFLICT, "this link has had all the answers it can take: thank you for trying.");
	default:
		return err_set(e, ERR_CONFLICT, "this round of views is closed: answers can no longer be given.");
	}
}

/* ---- responses -------------------------------------------------------------------- */

int views_response_start(domain *d, const view_visit *v, views_token cookie, int64_t *response,
			 err *e)
{
	view_round_row r;
	if (link_takes_answers(d, v->link.id, &r, e) < 0)
		return -1;
	char now[21], hash[65];
	time_now_iso(now);
	views_random_token(cookie);
	token_hash(cookie, hash);
	view_response_row row = {.round_id = r.id, .link_id = v->link.id, .cookie_hash = hash,
				 .started_at = now, .entered_by_name = ""};
	/* A draft is the partner's own progress, seen by nobody else and
	 * counted nowhere: no activity line until it is submitted. */
	return store_view_response_insert(d->db, &row, response, e);
}

int views_response_find(domain *d, int64_t link, const char *cookie, view_response_row *out,
			err *e)
{
	if (!token_shaped(cookie))
		return 0;
	char hash[65];
	token_hash(cookie, hash);
	int found = store_view_response_by_cookie(d->db, d->mem, hash, out, e);
	if (found <= 0)
		return found;
	return out->link_id == link;
}

/* The draft `response`, with its round refused unless its link takes answers. */
static int draft_get(domain *d, int64_t response, view_response_row *p, view_round_row *r,
		     err *e)
{
	int found = store_view_response_get(d->db, d->mem, response, p, e);
	if (found < 0)
		return -1;
	if (!found)
		return err_set(e, ERR_NOTFOUND, "these answers were not found: start again from the link you were given.");
	if (p->submitted_at)
		return err_set(e, ERR_CONFLICT, "these answers were sent already: thank you, there is nothing more to do.");
	return link_takes_answers(d, p->link_id, r, e);
}

int views_answer_save(domain *d, int64_t response, const char *element, int rating,
		      const char *good, const char *better, err *e)
{
	view_response_row p;
	view_round_row r;
	char now[21];
	time_now_iso(now);
	view_answer_row a = {.response_id = response, .element_key = element, .rating = rating,
			     .updated_at = now};
	if (draft_get(d, response, &p, &r, e) < 0 || views_element_check(d, &r, element, e) < 0 ||
	    views_rating_check(&r, rating, e) < 0 ||
	    views_text_check("\"What is good?\"", good, &a.good, e) < 0 ||
	    views_text_check("\"What could be better?\"", better, &a.better, e) < 0)
		return -1;
	return store_view_answer_put(d->db, &a, e);
}

DOMAIN_LIST_BY_ID(views_answers_of_response, store_view_answers_of_response, view_answer_list)

int views_response_submit(domain *d, int64_t response, err *e)
{
	view_response_row p;
	view_round_row r;
	view_answer_list answers;
	view_link_row l;
	char now[21];
	time_now_iso(now);
	if (store_begin(d->db, e) < 0)
		return -1;
	if (draft_get(d, response, &p, &r, e) < 0 ||
	    store_view_answers_of_response(d->db, d->mem, response, &answers, e) < 0)
		goto fail;
	if (!answers.n) {
		err_set(e, ERR_INPUT, "there are no answers to send yet: answer at least one question first.");
		goto fail;
	}
	if (store_view_link_get(d->db, d->mem, p.link_id, &l, e) < 0 ||
	    store_view_response_submit(d->db, response, now, e) < 0 ||
	    views_log(d, &partner, &r, arena_printf(d->mem, "answers from %s were sent", views_group_title(&l)), e) < 0 ||
	    store_commit(d->db, e) < 0)
		goto fail;
	return 0;
fail:
	store_rollback(d->db);
	return -1;
}

/* ---- paper forms -------------------------------------------------------------------- */

static int paper_check(domain *d, const view_round_row *r, const view_paper_answer *answers,
		       size_t n, err *e)
{
	if (!n)
		return err_set(e, ERR_INPUT, "the paper form has no answers: give at least one.");
	for (size_t i = 0; i < n; i++) {
		const char *kept;
		if (views_element_check(d, r, answers[i].element, e) < 0 ||
		    views_rating_check(r, answers[i].rating, e) < 0 ||
		    views_text_check("\"What is good?\"", answers[i].good, &kept, e) < 0 ||
		    views_text_check("\"What could be better?\"", answers[i].better, &kept, e) < 0)
			return -1;
		for (size_t j = 0; j < i; j++)
			if (!strcmp(answers[j].element, answers[i].element))
				return err_set(e, ERR_INPUT, "the paper form answers %s twice: give each answer once.", answers[i].element);
	}
	return 0;
}

/* A whole response written at once: a paper form typed in (`paper`), or
 * a signed-in member's own view. */
static int paper_write(domain *d, const user_row *who, const view_round_row *r,
		       const view_link_row *l, const view_paper_answer *answers, size_t n, bool paper,
		       int64_t *response, err *e)
{
	char now[21];
	time_now_iso(now);
	view_response_row p = {.round_id = r->id, .link_id = l->id, .started_at = now,
			       .submitted_at = now, .from_paper = paper,
			       .entered_by = who ? who->id : 0, .entered_by_name = views_who_name(who)};
	if (store_view_response_insert(d->db, &p, response, e) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		view_answer_row a = {.response_id = *response, .element_key = answers[i].element,
				     .rating = answers[i].rating, .updated_at = now};
		if (views_text_check("", answers[i].good, &a.good, e) < 0 ||
		    views_text_check("", answers[i].better, &a.better, e) < 0 ||
		    store_view_answer_put(d->db, &a, e) < 0)
			return -1;
	}
	return views_log(d, who, r, arena_printf(d->mem, paper ? "typed in a paper form from %s"
							 : "gave their own view as one of %s", views_group_title(l)), e);
}

int views_paper_add(domain *d, const user_row *who, int64_t round, int64_t link,
		    const view_paper_answer *answers, size_t n, int64_t *response, err *e)
{
	view_round_row r;
	view_link_row l;
	if (views_round_link(d, round, link, &r, &l, e) < 0)
		return -1;
	if (paper_check(d, &r, answers, n, e) < 0 || store_begin(d->db, e) < 0)
		return -1;
	if (paper_write(d, who, &r, &l, answers, n, true, response, e) < 0 || store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

int views_own_view_add(domain *d, const user_row *who, int64_t round, int64_t link,
		       const view_paper_answer *answers, size_t n, int64_t *response, err *e)
{
	view_round_row r;
	view_link_row l;
	char today[11];
	date_today(today);
	if (views_round_link(d, round, link, &r, &l, e) < 0)
		return -1;
	if (views_state(&r, today) != VIEW_OPEN)
		return err_set(e, ERR_CONFLICT, "the round is not open for views now: %s.", views_state_words(views_state(&r, today)));
	if (paper_check(d, &r, answers, n, e) < 0 || store_begin(d->db, e) < 0)
		return -1;
	if (paper_write(d, who, &r, &l, answers, n, false, response, e) < 0 || store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

static char *trimmed(arena *a, const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	return arena_printf(a, "%.*s", (int)n, s);
}

/* A rating as typed: a number, "-" for blank, or the scale's words. */
static int rating_parse(const view_round_row *r, const char *s, int *rating, err *e)
{
	if (!strcmp(s, "-")) {
		*rating = VIEW_NO_RATING;
		return 0;
	}
	char *end;
	long v = strtol(s, &end, 10);
	if (*s && !*end && v >= 0 && v <= 4) {
		*rating = (int)v;
		return views_rating_check(r, *rating, e);
	}
	const view_rating *scale;
	size_t n;
	views_scale(r, &scale, &n);
	for (size_t i = 0; i < n; i++)
		if (!strcasecmp(scale[i].words, s)) {
			*rating = scale[i].value;
			return 0;
		}
	return err_set(e, ERR_INPUT, "\"%.40s\" is not an answer: give a number from 0 (I don't know) to %d, the words, or - for none.",
		       s, views_scale_top(r));
}

static int paper_line(domain *d, const view_round_row *r, const char *line, size_t len,
		      view_paper_answer *out, err *e)
{
	char *text = trimmed(d->mem, line, len);
	char *fields[3] = {text, NULL, NULL};
	for (int i = 1; i < 3 && fields[i - 1]; i++) {
		char *bar = strchr(fields[i - 1], '|');
		if (bar)
			*bar = 0, fields[i] = bar + 1;
	}
	char *head = trimmed(d->mem, fields[0], strlen(fields[0]));
	size_t k = strcspn(head, " \t");
	out->element = arena_printf(d->mem, "%.*s", (int)k, head);
	char *rating = trimmed(d->mem, head + k, strlen(head + k));
	if (!*rating)
		return err_set(e, ERR_INPUT, "the line \"%.60s\" has no answer: write ELEMENT RATING, such as 1i 3.", text);
	out->good = fields[1] ? trimmed(d->mem, fields[1], strlen(fields[1])) : NULL;
	out->better = fields[2] ? trimmed(d->mem, fields[2], strlen(fields[2])) : NULL;
	return rating_parse(r, rating, &out->rating, e);
}

int views_paper_parse(domain *d, const view_round_row *r, const char *text,
		      view_paper_answer **out, size_t *n, err *e)
{
	size_t lines = 1;
	for (const char *p = text; *p; p++)
		lines += *p == '\n';
	*out = ARENA_ARRAY(d->mem, lines, *out);
	*n = 0;
	for (const char *p = text; *p;) {
		size_t len = strcspn(p, "\n");
		char *line = trimmed(d->mem, p, len);
		if (*line && *line != '#' && paper_line(d, r, line, strlen(line), &(*out)[(*n)++], e) < 0)
			return -1;
		p += len + (p[len] == '\n');
	}
	return 0;
}

/* ---- comments ------------------------------------------------------------------------- */

DOMAIN_LIST_BY_ID(views_comments, store_view_comments, view_answer_list)

static int comment_get(domain *d, int64_t round, int64_t response, const char *element,
		       view_round_row *r, view_answer_row *a, err *e)
{
	if (views_get(d, round, r, e) < 0)
		return -1;
	int found = store_view_answer_get(d->db, d->mem, round, response, element ? element : "",
					  a, e);
	if (found < 0)
		return -1;
	if (!found || !a->submitted_at || (!a->good && !a->better))
		return err_set(e, ERR_NOTFOUND, "round %lld has no comment of response %lld on %.20s: `copro views comments %lld` lists them.",
			       (long long)round, (long long)response, element ? element : "",
			       (long long)round);
	return 0;
}

int views_comment_review(domain *d, const user_row *who, int64_t round, int64_t response,
			 const char *element, err *e)
{
	view_round_row r;
	view_answer_row a;
	char now[21];
	time_now_iso(now);
	if (comment_get(d, round, response, element, &r, &a, e) < 0)
		return -1;
	if (a.reviewed_at)
		return err_set(e, ERR_CONFLICT, "that comment was reviewed already (%s).", a.reviewed_at);
	if (store_begin(d->db, e) < 0)
		return -1;
	if (store_view_answer_review(d->db, response, element, who ? who->id : 0, now, e) < 0 ||
	    views_log(d, who, &r, arena_printf(d->mem, "reviewed a comment on %s (response %lld)", element, (long long)response), e) < 0 ||
	    store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

int views_comment_flag(domain *d, const user_row *who, int64_t round, int64_t response,
		       const char *element, bool flag, err *e)
{
	view_round_row r;
	view_answer_row a;
	char now[21];
	time_now_iso(now);
	if (comment_get(d, round, response, element, &r, &a, e) < 0)
		return -1;
	if (flag == (a.flagged_at != NULL))
		return err_set(e, ERR_CONFLICT, flag ? "that comment is flagged already (by %s)." : "that comment is not flagged%s.",
			       flag ? a.flagged_by_name : "");
	if (store_begin(d->db, e) < 0)
		return -1;
	if (store_view_answer_flag(d->db, response, element, who ? who->id : 0,
				   views_who_name(who), flag ? now : NULL, e) < 0 ||
	    views_log(d, who, &r, arena_printf(d->mem, flag ? "flagged a comment on %s (response %lld) for safeguarding follow-up" : "took the safeguarding flag off a comment on %s (response %lld)", element, (long long)response), e) < 0 ||
	    store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

int views_comment_to_you_said(domain *d, const user_row *who, int64_t round, int64_t response,
			      const char *element, bool better, int64_t *id, err *e)
{
	view_round_row r;
	view_answer_row a;
	view_link_row l;
	if (comment_get(d, round, response, element, &r, &a, e) < 0)
		return -1;
	const char *text = better ? a.better : a.good;
	if (!text)
		return err_set(e, ERR_INPUT, "that answer has no \"%s\" comment: choose the other one.",
			       better ? "What could be better?" : "What is good?");
	if (!a.reviewed_at || a.flagged_at)
		return err_set(e, ERR_CONFLICT, a.flagged_at ? "that comment is flagged for safeguarding follow-up: deal with it first, then unflag it." : "review that comment first: only reviewed comments leave the leads' review.");
	if (views_round_link(d, round, a.link_id, &r, &l, e) < 0)
		return -1;
	you_said_row y = {.organisation_id = r.organisation_id, .said = text, .did = "",
			  .said_on = arena_printf(d->mem, "%.10s", a.submitted_at),
			  .groups = views_group_flag(l.partner_group)};
	if (store_begin(d->db, e) < 0)
		return -1;
	if (you_said_add(d, &y, id, e) < 0 ||
	    store_view_you_said_insert(d->db, *id, round, response, element, e) < 0 ||
	    views_log(d, who, &r, arena_printf(d->mem, "made \"You said, we did\" record %lld from a comment on %s", (long long)*id, element), e) < 0 ||
	    store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

int views_round_of_you_said(domain *d, int64_t you_said, int64_t *round, err *e)
{
	return store_view_you_said_round(d->db, you_said, round, e);
}

/* ---- retention ---------------------------------------------------------------------------- */

/* `now` (an ISO time) moved back `months` months, the day kept within the
 * month it lands in. */
static void months_before(const char *now, int months, char out[32])
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y = atoi(now), m = atoi(now + 5), day = atoi(now + 8);
	int total = y * 12 + (m - 1) - months;
	y = total / 12;
	m = total % 12 + 1;
	int last = days[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100) || y % 400 == 0));
	snprintf(out, 32, "%04d-%02d-%02d%.10s", y, m, day > last ? last : day, now + 10);
}

int views_purge(domain *d, const user_row *who, size_t *deleted, err *e)
{
	*deleted = 0;
	char now[21];
	time_now_iso(now);
	view_purge_list orgs;
	if (store_begin(d->db, e) < 0)
		return -1;
	if (store_view_purge_orgs(d->db, d->mem, VIEWS_RETENTION_DEFAULT, &orgs, e) < 0)
		goto fail;
	for (size_t i = 0; i < orgs.n; i++) {
		char cutoff[32];
		int64_t n = 0;
		months_before(now, orgs.items[i].retention_months, cutoff);
		if (store_view_text_purge(d->db, orgs.items[i].organisation_id, cutoff, &n, e) < 0)
			goto fail;
		if (n && activity_log(d, who, orgs.items[i].organisation_id, 0,
				      arena_printf(d->mem, "deleted the free text of %lld %s older than %d months (the retention period)",
						   (long long)n, n == 1 ? "answer" : "answers",
						   orgs.items[i].retention_months), e) < 0)
			goto fail;
		*deleted += (size_t)n;
	}
	if (store_commit(d->db, e) < 0)
		goto fail;
	return 0;
fail:
	store_rollback(d->db);
	*deleted = 0;
	return -1;
}
