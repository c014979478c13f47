/* account.c: passwords, accounts, sign-in and its throttling, and
 * invitations. Secrets never reach the database in the clear: passwords
 * as argon2id hashes, session and invitation tokens as SHA-256. */
#include "domain/account.h"

#include <ctype.h>
#include <pthread.h>
#include <sodium.h>
#include <string.h>

#include "core/text.h"
#include "domain/account_life.h"
#include "domain/device.h"
#include "domain/internal.h"
#include "domain/security.h"
#include "domain/two_factor.h"
#include "store/account.h"
#include "store/store.h"

/* At most `hashing_max` argon2id hashes at once in the process: each
 * takes 64 MiB while it runs, so sign-ins arriving together would
 * otherwise add 64 MiB each to the server's memory. One for the command
 * line; copro serve allows as many as its hashing threads (web/server.c),
 * the only threads that hash there, so none of them waits here. */
static pthread_mutex_t hashing = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t hashing_done = PTHREAD_COND_INITIALIZER;
static int hashing_now, hashing_max = 1;
static _Atomic unsigned long hashes_made, hashes_in_tx;
/* This thread refuses to hash (password_hashing_refuse), and did. */
static _Thread_local bool refusing, refused;

void password_hashing_limit(int most)
{
	pthread_mutex_lock(&hashing);
	hashing_max = most > 0 ? most : 1;
	pthread_cond_broadcast(&hashing_done);
	pthread_mutex_unlock(&hashing);
}

void password_hashing_refuse(bool on)
{
	refusing = on;
	refused = false;
}

bool password_hashing_refused(void)
{
	return refused;
}

unsigned long password_hashes_made(void)
{
	return hashes_made;
}

unsigned long password_hashes_in_transaction(void)
{
	return hashes_in_tx;
}

/* Takes a slot to hash in: 0, or -1 when this thread refuses to hash. */
static int hashing_begin(err *e)
{
	if (refusing) {
		refused = true;
		return err_set(e, ERR_BUSY, PASSWORD_BUSY_MESSAGE);
	}
	pthread_mutex_lock(&hashing);
	while (hashing_now >= hashing_max)
		pthread_cond_wait(&hashing_done, &hashing);
	hashing_now++;
	pthread_mutex_unlock(&hashing);
	hashes_made++;
	hashes_in_tx += store_thread_in_tx();
	return 0;
}

static void hashing_end(void)
{
	pthread_mutex_lock(&hashing);
	hashing_now--;
	pthread_cond_signal(&hashing_done);
	pthread_mutex_unlock(&hashing);
}

/* t=2 and 64 MiB: above OWASP's argon2id floor (t=2, 19 MiB). Weak only
 * so that the test programs can link the minimum cost instead
 * (tests/cheap_hash.c); nothing in src or bench defines another
 * (tests/lint), so the copro binary always hashes at this cost. */
__attribute__((weak)) void password_hash_cost(unsigned long long *ops, size_t *mem)
{
	*ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
	*mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
}

int password_hash(const char *password, char out[128], err *e)
{
	unsigned long long ops;
	size_t mem;
	password_hash_cost(&ops, &mem);
	if (hashing_begin(e) < 0)
		return -1;
	int rc = crypto_pwhash_str_alg(out, password, strlen(password), ops, mem,
				       crypto_pwhash_ALG_ARGON2ID13);
	hashing_end();
	if (rc != 0)
		return err_set(e, ERR_INTERNAL, "not enough memory to protect the password: try again.");
	return 0;
}

int password_unchanged(domain *d, const user_row *u, err *e)
{
	user_row now;
	int found = store_user_get(d->db, d->mem, u->id, &now, e);
	if (found < 0)
		return -1;
	if (!found || strcmp(now.password_hash, u->password_hash))
		return err_set(e, ERR_INPUT, "Your password has just been changed from another page: enter your current password again.");
	return 1;
}

int password_matches(const char *hash, const char *password, err *e)
{
	if (hashing_begin(e) < 0)
		return -1;
	bool ok = crypto_pwhash_str_verify(hash, password ? password : "",
					   strlen(password ? password : "")) == 0;
	hashing_end();
	return ok;
}

void token_hash(const char *token, char out[65])
{
	unsigned char digest[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(digest, (const unsigned char *)token, strlen(token));
	sodium_bin2hex(out, 65, digest, sizeof digest);
}

void token_random(char out[65])
{
	unsigned char bytes[32];
	randombytes_buf(bytes, sizeof bytes);
	sodium_bin2hex(out, 65, bytes, sizeof bytes);
}

/* Emails are compared in lower case: people type them both ways. */
static char *normal_email(arena *a, const char *email)
{
	char *s = arena_strdup(a, email ? email : "");
	for (char *p = s; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return s;
}

static int check_email(const char *email, err *e)
{
	if (text_check_line("Email address", email, true, e) < 0)
		return -1;
	const char *at = strchr(email, '@');
	if (!at || at == email || !strchr(at, '.') || strchr(email, ' '))
		return err_set(e, ERR_INPUT,
			       "Enter an email address in the right format, like name@example.org.");
	return 0;
}

int account_hash(domain *d, const char *name, const char *email, const char *password,
		 new_account *out, err *e)
{
	if (text_check_line("Your name", name, true, e) < 0 || check_email(email, e) < 0 ||
	    password_check_for(password, email, name, e) < 0 || password_hash(password, out->hash, e) < 0)
		return -1;
	out->name = name;
	out->email = normal_email(d->mem, email);
	time_now_iso(out->created_at);
	return 0;
}

int account_insert(domain *d, const new_account *a, int64_t *user, err *e)
{
	user_row u = {.email = a->email, .name = a->name, .password_hash = a->hash,
		      .created_at = a->created_at};
	user_row same;
	if (store_begin(d->db, e) < 0)
		return -1;
	int found = store_user_by_email(d->db, d->mem, u.email, &same, e);
	if (found > 0)
		err_set(e, ERR_CONFLICT, "There is already an account for %s: sign in instead.", u.email);
	if (found != 0 || store_user_insert(d->db, &u, user, e) < 0 || store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

int account_create(domain *d, const char *name, const char *email, const char *password,
		   int64_t *user, err *e)
{
	new_account a;
	return account_hash(d, name, email, password, &a, e) < 0 ? -1 : account_insert(d, &a, user, e);
}

/* Refuses once copro has an account: before hashing, and again in the
 * transaction that makes the first. */
static int first_refused(domain *d, err *e)
{
	int64_t users = 0;
	if (store_user_count(d->db, &users, e) < 0)
		return -1;
	if (users > 0)
		return err_set(e, ERR_CONFLICT, "copro already has an administrator: sign in instead.");
	return 0;
}

int account_first_hash(domain *d, const char *name, const char *email, const char *password,
		       const char *area, new_account *out, err *e)
{
	if (text_check_line("The local area", area, true, e) < 0 || first_refused(d, e) < 0 ||
	    account_hash(d, name, email, password, out, e) < 0)
		return -1;
	out->area = area;
	return 0;
}

int account_first_insert(domain *d, const new_account *a, int64_t *user, err *e)
{
	char now[21];
	time_now_iso(now);
	int64_t area_id = 0, mid;
	if (store_begin(d->db, e) < 0)
		return -1;
	if (first_refused(d, e) < 0 || account_insert(d, a, user, e) < 0 ||
	    store_area_by_name(d->db, a->area, now, &area_id, e) < 0)
		goto fail;
	membership_row m = {.role = "area-admin", .created_at = now, .user_id = *user, .area_id = area_id};
	user_row who = {.id = *user, .name = a->name};
	if (store_membership_insert(d->db, &m, &mid, e) < 0 ||
	    activity_log(d, &who, 0, 0, "created the administrator account", e) < 0 ||
	    store_commit(d->db, e) < 0)
		goto fail;
	return 0;
fail:
	store_rollback(d->db);
	return -1;
}

int account_create_first(domain *d, const char *name, const char *email, const char *password,
			 const char *area, int64_t *user, err *e)
{
	new_account a;
	if (account_first_hash(d, name, email, password, area, &a, e) < 0)
		return -1;
	return account_first_insert(d, &a, user, e);
}

int session_start(domain *d, const user_row *u, session *out, err *e)
{
	char now[21], hash[65];
	time_now_iso(now);
	token_random(out->token);
	token_random(out->csrf);
	token_hash(out->token, hash);
	session_row r = {.token_hash = hash, .user_id = u->id, .csrf_token = out->csrf,
			 .created_at = now, .last_seen_at = now};
	if (store_session_insert(d->db, &r, e) < 0)
		return -1;
	out->user = *u;
	out->valid = true;
	return 0;
}

/* A hash to verify against when the account does not exist, so a wrong
 * email takes as long as a wrong password. Made once (the lock keeps two
 * first sign-ins from writing it together); NULL with `e` set when it
 * cannot be made now. */
static const char *dummy_hash(err *e)
{
	static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
	static char hash[128];
	static bool made;
	pthread_mutex_lock(&lock);
	if (!made && password_hash("not a real password at all", hash, e) == 0)
		made = true;
	bool ready = made;
	pthread_mutex_unlock(&lock);
	return ready ? hash : NULL;
}

/* Without a device cookie of the account: failures per account and
 * address, and per address (*locked when either is spent). */
static int untrusted_locked(domain *d, const char *key, const char *address, bool *locked, err *e)
{
	char since[21];
	time_iso(time_now_epoch() - FAILURE_WINDOW_SECONDS, since);
	int64_t per_account = 0, per_address = 0;
	if (store_failure_count(d->db, key, address, since, &per_account, e) < 0 ||
	    store_failure_count(d->db, NULL, address, since, &per_address, e) < 0)
		return -1;
	*locked = per_account >= FAILURES_PER_ACCOUNT || per_address >= FAILURES_PER_ADDRESS;
	return 0;
}

/* A failed sign-in, in its transaction: forgets failures past their
 * keeping time, and tells the account's areas (an unknown email has none)
 * of the refusal and of the failure that locks the account for this
 * browser or address. */
static int refused_event(domain *d, int64_t user, const char *key, const char *address,
			 const char *device, int trusted, err *e)
{
	if (security_failures_prune(d, (time_t)time_now_epoch(), e) < 0)
		return -1;
	if (!user)
		return 0;
	if (security_event(d, user, "sign-in refused (wrong password)", address, e) < 0)
		return -1;
	bool locked = false;
	if ((trusted ? device_trusted(d, device, user, &locked, e)
		     : untrusted_locked(d, key, address, &locked, e)) < 0)
		return -1;
	if (!locked)
		return 0;
	return security_event(d, user, arena_printf(d->mem, "locked out for %d minutes after repeated failed sign-ins%s",
						    (trusted ? DEVICE_LOCK_SECONDS : FAILURE_WINDOW_SECONDS) / 60,
						    trusted ? " from their own browser" : ""),
			      address, e);
}

int sign_in(domain *d, const char *email, const char *password, const char *address,
	    session *out, err *e)
{
	return sign_in_device(d, email, password, address, NULL, out, e);
}

/* What a sign-in writes once its password is checked: a wrong one's
 * failure, or a right one's session, run again when it loses
 * (domain_write): two wrong passwords at once both read and write
 * sign_in_failure, and the loser was told to try again (429) with its
 * failure left uncounted. The hash is not repeated. */
typedef struct sign_in_outcome {
	const user_row *u;              /* NULL: no such account */
	const char *key, *address, *device, *now;
	int trusted;
	bool ok;
	session *out;
} sign_in_outcome;

static int sign_in_record(domain *d, void *ctx, err *e)
{
	sign_in_outcome *o = ctx;
	if (!o->ok) {
		if ((o->trusted ? device_failed(d, o->device, e) : store_failure_add(d->db, o->key, o->address, o->now, e)) < 0)
			return -1;
		return refused_event(d, o->u ? o->u->id : 0, o->key, o->address, o->device, o->trusted, e);
	}
	/* Only an untrusted success forgives the failures from its address:
	 * the owner's browser signing in says nothing of who else failed.
	 * With two-factor sign-in nothing is forgiven, no device cookie given
	 * and no sign-in logged until the code is right too, so a known
	 * password does not buy more guesses. */
	bool asked = false;
	memset(o->out, 0, sizeof *o->out);
	if (two_factor_pending(d, o->u->id, o->out->pending, &asked, e) < 0 ||
	    (!asked && ((!o->trusted && store_failures_clear(d->db, o->key, o->address, e) < 0) ||
			device_issue(d, o->u->id, o->device, o->out->device, e) < 0 ||
			session_start(d, o->u, o->out, e) < 0 ||
			security_event(d, o->u->id, "signed in", o->address, e) < 0)))
		return -1;
	return 0;
}

int sign_in_device(domain *d, const char *email, const char *password, const char *address,
		   const char *device, session *out, err *e)
{
	memset(out, 0, sizeof *out);
	char now[21];
	time_now_iso(now);
	char *key = normal_email(d->mem, email);
	user_row u;
	bool locked = false;
	int found = store_user_by_email(d->db, d->mem, key, &u, e);
	/* A browser that signed in to this account before has an allowance
	 * of its own (domain/device.h); everyone else shares the counts. */
	int trusted = found > 0 ? device_trusted(d, device, u.id, &locked, e) : found;
	if (trusted < 0 || (!trusted && untrusted_locked(d, key, address, &locked, e) < 0))
		return -1;
	if (locked)
		return err_set(e, ERR_BUSY, "Too many attempts to sign in%s. Wait 15 minutes and try again.",
			       trusted ? " from this browser" : "");
	const char *hash = found ? u.password_hash : dummy_hash(e);
	int right = hash ? password_matches(hash, password, e) : -1;
	if (right < 0)
		return -1;      /* nothing counted: no password was tried */
	bool ok = right && found;
	/* Said only to whoever knows the password. */
	bool off = false;
	if (ok && account_disabled(d, u.id, &off, e) < 0)
		return -1;
	if (off)
		return err_set(e, ERR_CONFLICT, "This account has been turned off. Ask your area administrator to turn it on again.");
	sign_in_outcome o = {.u = found ? &u : NULL, .key = key, .address = address, .device = device,
			     .now = now, .trusted = trusted, .ok = ok, .out = out};
	if (domain_write(d, sign_in_record, &o, e) < 0)
		return -1;
	if (!ok)
		return err_set(e, ERR_INPUT,
			       "The email address or password is not right. Check them and try again.");
	return 0;
}

/* The account was made by this request with the password just hashed:
 * checking that password again would cost a second hash for nothing. The
 * address's lock still holds, as at any sign-in. */
int sign_in_made(domain *d, int64_t user, const char *address, const char *device, session *out, err *e)
{
	memset(out, 0, sizeof *out);
	char now[21];
	time_now_iso(now);
	user_row u;
	bool locked = false;
	int found = store_user_get(d->db, d->mem, user, &u, e);
	if (found <= 0)
		return found < 0 ? -1 : err_set(e, ERR_NOTFOUND, "The new account is not there: sign in.");
	if (untrusted_locked(d, u.email, address, &locked, e) < 0)
		return -1;
	if (locked)
		return err_set(e, ERR_BUSY, "Too many attempts to sign in. Wait 15 minutes and try again.");
	sign_in_outcome o = {.u = &u, .key = u.email, .address = address, .device = device, .now = now,
			     .trusted = 0, .ok = true, .out = out};
	return domain_write(d, sign_in_record, &o, e);
}

int invitation_create(domain *d, int64_t by, int64_t org, const char *role,
		      const char *group, const char *name, char token[65], err *e)
{
	if (text_check_line("Their name", name, true, e) < 0)
		return -1;
	if (!role_known(role))
		return err_set(e, ERR_INPUT, "Choose a role: organisation lead, contributor or viewer.");
	if (one_group(group, &group, e) < 0)
		return -1;
	char now[21], expires[21], hash[65];
	time_now_iso(now);
	time_iso(time_now_epoch() + 14 * 24 * 3600, expires);
	token_random(token);
	token_hash(token, hash);
	invitation_row r = {.token_hash = hash, .organisation_id = org, .role = role,
			    .partner_group = group, .name = name,
			    .created_by = by, .created_at = now, .expires_at = expires};
	if (store_begin(d->db, e) < 0)
		return -1;
	if (store_invitation_insert(d->db, &r, e) < 0 || store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

/* In the transaction, run again when it loses (domain_write): the
 * account, the link's use (checked again: it may have been used since)
 * and the membership. */
typedef struct join_try {
	const invitation_row *inv;
	const char *hash, *now;
	const new_account *a;
	int64_t *user;
} join_try;

static int join_write(domain *d, void *ctx, err *e)
{
	join_try *t = ctx;
	if (account_insert(d, t->a, t->user, e) < 0) {
		if (e->kind == ERR_CONFLICT)
			err_set(e, ERR_CONFLICT, "copro could not make a new account with that email address. If you "
				"already use copro, sign in first, then open this link again to join with your account.");
		return -1;
	}
	int used = store_invitation_use(d->db, t->hash, t->now, e);
	if (used != 1)
		return used < 0 ? -1 : err_set(e, ERR_CONFLICT, "This invitation link has just been used. Ask for a new one.");
	int64_t mid;
	membership_row m = {.user_id = *t->user, .organisation_id = t->inv->organisation_id, .role = t->inv->role,
			    .partner_group = t->inv->partner_group, .created_at = t->now};
	user_row who = {.id = *t->user, .name = t->inv->name};
	if (store_membership_insert(d->db, &m, &mid, e) < 0)
		return -1;
	return activity_log(d, &who, 0, 0, "joined by invitation", e);
}

int invitation_accept(domain *d, const char *token, const char *email, const char *password,
		      int64_t *user, err *e)
{
	char hash[65], now[21];
	token_hash(token ? token : "", hash);
	time_now_iso(now);
	invitation_row inv;
	int found = store_invitation_get(d->db, d->mem, hash, &inv, e);
	if (found < 0)
		return -1;
	if (!found || inv.used_at || strcmp(inv.expires_at, now) < 0)
		return err_set(e, ERR_NOTFOUND,
			       "This invitation link has been used or has expired. Ask your organisation lead for a new one.");
	/* The password is hashed before the address is looked up, so an
	 * address with an account costs the same as a new one, and the
	 * answer does not say which it was (issue 15, hole 5); and once,
	 * before the transaction, whose write lock would hold up others
	 * meanwhile. */
	new_account a;
	if (account_hash(d, inv.name, email, password, &a, e) < 0)
		return -1;
	join_try t = {.inv = &inv, .hash = hash, .now = now, .a = &a, .user = user};
	return domain_write(d, join_write, &t, e);
}

/* In the transaction, run again when it loses (domain_write). */
typedef struct user_try {
	bool admin;                     /* an area-admin of `area`; else of `org` */
	int64_t org;
	const char *role, *area, *now;
	const new_account *a;
	int64_t *user;                  /* the new account's id */
} user_try;

static int user_write(domain *d, void *ctx, err *e)
{
	user_try *t = ctx;
	org_row o;
	membership_row m = {.role = t->role, .organisation_id = t->admin ? 0 : t->org, .created_at = t->now};
	if ((!t->admin && org_get(d, t->org, &o, e) < 0) ||
	    (t->admin && store_area_by_name(d->db, t->area, t->now, &m.area_id, e) < 0) ||
	    account_insert(d, t->a, t->user, e) < 0)
		return -1;
	/* After the account's own fields, as the database's check on the
	 * role came before: a command with several mistakes hears of the
	 * same one first. */
	if (!t->admin && !role_known(t->role))
		return err_set(e, ERR_INPUT, "role \"%s\" is not known: use area-admin, lead, contributor or viewer.",
			       t->role ? t->role : "");
	m.user_id = *t->user;
	int64_t mid;
	return store_membership_insert(d->db, &m, &mid, e);
}

int user_add(domain *d, const char *name, const char *email, const char *password,
	     const char *role, int64_t org, const char *area, int64_t *user, err *e)
{
	bool admin = role && !strcmp(role, "area-admin");
	if (admin ? !area : !org)
		return err_set(e, ERR_INPUT, admin ? "an area-admin needs an area."
						  : "a lead, contributor or viewer needs an organisation.");
	char now[21];
	time_now_iso(now);
	org_row o;
	new_account a;
	if ((!admin && org_get(d, org, &o, e) < 0) || account_hash(d, name, email, password, &a, e) < 0)
		return -1;
	user_try t = {.a = &a, .role = role, .area = area, .now = now, .org = org, .admin = admin, .user = user};
	return domain_write(d, user_write, &t, e);
}

int user_count(domain *d, int64_t *n, err *e)
{
	return store_user_count(d->db, n, e);
}
