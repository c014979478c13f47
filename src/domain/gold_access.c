/* gold_access.c: assessors (invited by an area administrator to one
 * evaluation until a date, read-only), their comments per statement and
 * decisions, and the awards those record. */
#include <ctype.h>
#include <sodium.h>
#include <string.h>

#include "core/text.h"
#include "domain/gold.h"
#include "domain/internal.h"
#include "store/account.h"
#include "store/gold.h"

#define INVITE_SECONDS (14 * 24 * 3600)    /* the join link, as other invitations */

bool gold_access_current(const assessor_row *a)
{
	char today[11];
	date_today(today);
	return a->user_id && !a->ended_at && strcmp(a->until, today) >= 0;
}

static int check_email_text(const char *email, err *e)
{
	const char *at = email ? strchr(email, '@') : NULL;
	if (!email || !*email)
		return err_set(e, ERR_INPUT, "Enter the assessor's email address.");
	if (!at || at == email || !at[1] || strchr(email, ' ') || strlen(email) > 254)
		return err_set(e, ERR_INPUT, "Enter an email address in the right format, like name@example.org.");
	return 0;
}

static int check_until(domain *d, const char *until, err *e)
{
	char today[11], latest[11];
	date_today(today);
	gold_add_days(today, GOLD_ACCESS_DAYS_MAX - 1, latest);
	if (date_check("The last day of access", until, e) < 0)
		return -1;
	if (strcmp(until, today) < 0)
		return err_set(e, ERR_INPUT, "The last day of access must be today or in the future.");
	if (strcmp(until, latest) > 0)
		return err_set(e, ERR_INPUT, "The last day of access can be at most a year from today (%s).",
			       arena_strdup(d->mem, latest));
	return 0;
}

int gold_invite_assessor(domain *d, const user_row *who, int64_t area, const gold_invite *in,
			 char token[65], int64_t *id, err *e)
{
	evaluation_row ev;
	org_row org;
	if (text_check_line("The assessor's name", in->name, true, e) < 0 || check_email_text(in->email, e) < 0)
		return -1;
	if (!in->evaluation || evaluation_get(d, in->evaluation, &ev, e) < 0 ||
	    org_get(d, ev.organisation_id, &org, e) < 0)
		return err_set(e, ERR_INPUT, "Choose the self-evaluation the assessor will read.");
	int64_t org_area = 0;
	if (store_org_area(d->db, org.id, &org_area, e) < 0)
		return -1;
	if (org_area != area)
		return err_set(e, ERR_INPUT, "Choose a self-evaluation of one of your area's organisations.");
	char today[11], until[11], now[21], expires[21], hash[65];
	date_today(today);
	gold_add_days(today, GOLD_ACCESS_DAYS_DEFAULT, until);
	if (in->until && check_until(d, in->until, e) < 0)
		return -1;
	time_now_iso(now);
	time_iso(time_now_epoch() + INVITE_SECONDS, expires);
	unsigned char bytes[32];
	randombytes_buf(bytes, sizeof bytes);
	sodium_bin2hex(token, 65, bytes, sizeof bytes);
	token_hash(token, hash);
	char *email = arena_strdup(d->mem, in->email);
	for (char *p = email; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	assessor_row r = {.organisation_id = org.id, .evaluation_id = ev.id, .name = in->name,
			  .email = email, .token_hash = hash, .invite_expires_at = expires,
			  .until = in->until ? in->until : until, .created_by = who ? who->id : 0,
			  .created_at = now};
	const char *line = arena_printf(d->mem, "invited %s as assessor of %s's self-evaluation %s until %s",
					in->name, org.name, ev.cycle, r.until);
	if (store_begin(d->db, e) < 0)
		return -1;
	if (store_assessor_insert(d->db, &r, id, e) < 0 || activity_log(d, who, 0, area, line, e) < 0 ||
	    activity_log(d, who, org.id, 0, line, e) < 0 || store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

int gold_invite_find(domain *d, const char *token, assessor_row *out, err *e)
{
	if (!token || strlen(token) != 64)
		return 0;
	char hash[65], now[21];
	token_hash(token, hash);
	time_now_iso(now);
	int found = store_assessor_by_token(d->db, d->mem, hash, out, e);
	if (found <= 0)
		return found;
	return !out->ended_at && strcmp(out->invite_expires_at, now) >= 0;
}

/* The account the link is used by: a new one (*user 0, `fresh` made
 * ready to insert), or an existing one whose password is right (an
 * assessor may assess several organisations). Outside the transaction,
 * as it hashes; `same` is what the transaction checks again. */
static int invite_account(domain *d, const assessor_row *a, const char *email, const char *password,
			  new_account *fresh, user_row *same, int64_t *user, err *e)
{
	char *normal = arena_strdup(d->mem, email ? email : "");
	for (char *p = normal; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	*user = 0;
	int found = store_user_by_email(d->db, d->mem, normal, same, e);
	if (found < 0)
		return -1;
	if (!found)
		return account_hash(d, a->name, email, password, fresh, e);
	int right = password_matches(same->password_hash, password, e);
	if (right < 0)
		return -1;
	if (!right)
		return err_set(e, ERR_INPUT, "That email address and password do not go together. If you already "
			       "use copro, enter the password of your account to add this assessment to it.");
	*user = same->id;
	return 0;
}

/* In the transaction, run again when it loses (domain_write): makes the
 * new account, or finds the existing one unchanged since its password
 * was checked, and joins the link's assessment. */
typedef struct assessor_try {
	const assessor_row *a;
	const new_account *fresh;
	const user_row *same;
	int64_t *user;
	int64_t found;          /* the existing account's id; 0: a new one */
} assessor_try;

static int assessor_write(domain *d, void *ctx, err *e)
{
	assessor_try *t = ctx;
	*t->user = t->found;
	if ((t->found ? password_unchanged(d, t->same, e) : account_insert(d, t->fresh, t->user, e)) < 0)
		return -1;
	int joined = store_assessor_join(d->db, t->a->id, *t->user, e);
	if (joined != 1)
		return joined < 0 ? -1 : err_set(e, ERR_CONFLICT, "This invitation link has just been used. Ask for a new one.");
	user_row who = {.id = *t->user, .name = t->a->name};
	return activity_log(d, &who, t->a->organisation_id, 0, arena_printf(d->mem, "joined as assessor of "
			    "self-evaluation %s until %s", t->a->cycle, t->a->until), e);
}

int gold_invite_accept(domain *d, const char *token, const char *email, const char *password,
		       int64_t *user, err *e)
{
	assessor_row a;
	int ok = gold_invite_find(d, token, &a, e);
	if (ok < 0)
		return -1;
	if (!ok)
		return err_set(e, ERR_NOTFOUND, "This invitation link has been used or has expired. Ask the area "
			       "administrator who invited you for a new one.");
	new_account fresh;
	user_row same;
	if (invite_account(d, &a, email, password, &fresh, &same, user, e) < 0)
		return -1;
	assessor_try t = {.a = &a, .fresh = &fresh, .same = &same, .user = user, .found = *user};
	return domain_write(d, assessor_write, &t, e);
}

int gold_assessors_of_area(domain *d, int64_t area, assessor_list *out, err *e)
{
	return store_assessors_of_area(d->db, d->mem, area, out, e);
}

int gold_assessors_of_user(domain *d, int64_t user, assessor_list *out, err *e)
{
	return store_assessors_of_user(d->db, d->mem, user, 0, out, e);
}

int gold_assessor_end(domain *d, const user_row *who, int64_t area, int64_t id, err *e)
{
	assessor_row a;
	char now[21];
	time_now_iso(now);
	int found = store_assessor_get(d->db, d->mem, id, &a, e);
	if (found < 0)
		return -1;
	if (store_begin(d->db, e) < 0)
		return -1;
	int changed = found ? store_assessor_end(d->db, area, id, now, e) : 0;
	if (changed < 0)
		goto fail;
	if (!changed) {
		err_set(e, ERR_NOTFOUND, "There is no such assessor's access in your area, or it has ended already.");
		goto fail;
	}
	const char *line = arena_printf(d->mem, "ended %s's access as assessor of %s", a.name, a.org_name);
	if (activity_log(d, who, 0, area, line, e) < 0 || activity_log(d, who, a.organisation_id, 0, line, e) < 0)
		goto fail;
	bool ended;
	if (a.user_id && gold_sign_out_if_ended(d, a.user_id, &ended, e) < 0)
		goto fail;
	return store_commit(d->db, e) < 0 ? store_rollback(d->db), -1 : 0;
fail:
	store_rollback(d->db);
	return -1;
}

int gold_access_to_org(domain *d, int64_t user, int64_t org, enum assessor_state *state,
		       assessor_row *a, err *e)
{
	*state = ASSESSOR_NONE;
	assessor_list all;
	if (store_assessors_of_user(d->db, d->mem, user, org, &all, e) < 0)
		return -1;
	for (size_t i = 0; i < all.n; i++) {
		if (gold_access_current(&all.items[i])) {
			*state = ASSESSOR_CURRENT;
			*a = all.items[i];
			return 0;
		}
		if (*state == ASSESSOR_NONE) {
			*state = ASSESSOR_ENDED;
			*a = all.items[i];
		}
	}
	return 0;
}

int gold_evidence_in(domain *d, int64_t evidence, int64_t evaluation, bool *in, err *e)
{
	int64_t n = 0;
	if (store_evidence_links_in(d->db, evidence, evaluation, &n, e) < 0)
		return -1;
	*in = n > 0;
	return 0;
}

int gold_sign_out_if_ended(domain *d, int64_t user, bool *ended, err *e)
{
	*ended = false;
	membership_list ms;
	assessor_list all;
	if (store_memberships_of_user(d->db, d->mem, user, &ms, e) < 0 ||
	    store_assessors_of_user(d->db, d->mem, user, 0, &all, e) < 0)
		return -1;
	if (ms.n)
		return 0;
	for (size_t i = 0; i < all.n; i++)
		if (gold_access_current(&all.items[i]))
			return 0;
	*ended = true;
	return store_sessions_delete_user(d->db, user, e);
}

/* ---- the assessor's review ------------------------------------------------ */

int gold_comment_set(domain *d, const user_row *who, const assessor_row *a, const char *element,
		     const char *comment, err *e)
{
	evaluation_row ev;
	if (text_check_long("Your comment", comment, false, e) < 0 ||
	    evaluation_statement(d, a->evaluation_id, element, &ev, e) < 0)
		return -1;
	char now[21];
	time_now_iso(now);
	gold_comment_row r = {a->evaluation_id, element, comment ? comment : "", who->name, now};
	if (store_begin(d->db, e) < 0)
		return -1;
	if (store_gold_comment_put(d->db, &r, e) < 0 ||
	    activity_log(d, who, a->organisation_id, 0, arena_printf(d->mem, "%s the assessor's comment on statement %s",
				 *r.comment ? "wrote" : "removed", element), e) < 0 ||
	    store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

int gold_comments_of(domain *d, int64_t evaluation, gold_comment_list *out, err *e)
{
	return store_gold_comments_of(d->db, d->mem, evaluation, out, e);
}

int gold_decision_record(domain *d, const user_row *who, const assessor_row *a,
			 const gold_decide *in, gold_decision_row *out, err *e)
{
	bool award = in->decision && !strcmp(in->decision, "awarded");
	if (!award && !(in->decision && !strcmp(in->decision, "not-yet")))
		return err_set(e, ERR_INPUT, "Choose whether Charter Gold is awarded or not yet.");
	if (text_check_long("Reasons", in->reasons, !award, e) < 0)
		return -1;
	gold_settings set;
	if (gold_settings_of_org(d, a->organisation_id, &set, e) < 0)
		return -1;
	char today[11], due[11], now[21];
	date_today(today);
	gold_add_years(today, set.award_years, due);
	time_now_iso(now);
	*out = (gold_decision_row){.organisation_id = a->organisation_id, .evaluation_id = a->evaluation_id,
				   .decision = award ? "awarded" : "not-yet", .reasons = in->reasons ? in->reasons : "",
				   .decided_on = arena_strdup(d->mem, today),
				   .due_on = award ? arena_strdup(d->mem, due) : NULL, .assessor = who->name,
				   .created_at = arena_strdup(d->mem, now)};
	const char *line = award ? arena_printf(d->mem, "awarded Charter Gold on self-evaluation %s, "
						"reaccreditation due %s", a->cycle, due)
				 : arena_printf(d->mem, "decided Charter Gold not yet on self-evaluation %s", a->cycle);
	if (store_begin(d->db, e) < 0)
		return -1;
	if (store_gold_decision_insert(d->db, out, &out->id, e) < 0 ||
	    activity_log(d, who, a->organisation_id, 0, line, e) < 0 || store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

int gold_decisions_of(domain *d, int64_t org, int64_t evaluation, gold_decision_list *out, err *e)
{
	return store_gold_decisions_of(d->db, d->mem, org, evaluation, out, e);
}

int gold_award_of_org(domain *d, int64_t org, gold_decision_row *out, err *e)
{
	gold_decision_list all;
	if (store_gold_decisions_of(d->db, d->mem, org, 0, &all, e) < 0)
		return -1;
	for (size_t i = 0; i < all.n; i++)
		if (!strcmp(all.items[i].decision, "awarded")) {
			*out = all.items[i];
			return 1;
		}
	return 0;
}

int gold_awards_of_area(domain *d, int64_t area, gold_decision_list *out, err *e)
{
	return store_gold_awards_of_area(d->db, d->mem, area, out, e);
}
