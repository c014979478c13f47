/* account.h: people who sign in: passwords, sessions, roles and what each
 * role may do, invitations, and the activity log. */
#ifndef COPRO_DOMAIN_ACCOUNT_H
#define COPRO_DOMAIN_ACCOUNT_H

#include "domain/domain.h"

/* Passwords: 12 to 128 characters, any characters, never truncated
 * (OWASP ASVS 5.0 V6.2). */
#define PASSWORD_MIN 12
#define PASSWORD_MAX 128

/* Sessions end after this long without a request, or this long after
 * sign-in whatever happens. */
#define SESSION_IDLE_SECONDS (2 * 60 * 60)
#define SESSION_ABSOLUTE_SECONDS (12 * 60 * 60)

/* Sign-in failures within the window slow down further tries: from one
 * address for one account, and from one address overall. */
#define FAILURE_WINDOW_SECONDS (15 * 60)
#define FAILURES_PER_ACCOUNT 5
#define FAILURES_PER_ADDRESS 50

/* What a role may do in an organisation, lowest first. */
enum access {
	ACCESS_NONE = 0,
	ACCESS_VIEW,            /* viewer: reads */
	ACCESS_CONTRIBUTE,      /* contributor: adds evidence and views */
	ACCESS_LEAD,            /* organisation lead: runs the organisation */
	ACCESS_AREA             /* area administrator: everything in the area */
};

/* The length rule, then what cracklib refuses (common words and
 * passwords, also with numbers or symbols added; patterns), then the
 * person's own name or email address in it (password_policy.c).
 * password_check is the same without a person. */
int password_check(const char *password, err *e);
int password_check_for(const char *password, const char *email, const char *name, err *e);
/* argon2id through libsodium's crypto_pwhash_str, at the cost
 * password_hash_cost gives (defined weak in account.c). */
int password_hash(const char *password, char out[128], err *e);
void password_hash_cost(unsigned long long *ops, size_t *mem);
/* 1 when `password` is the one `hash` was made from, 0 when not, -1 when
 * it could not be checked (`e` says why: the thread refuses to hash). */
int password_matches(const char *hash, const char *password, err *e);

/* Hashing's bounds. At most `most` hashes run at once in the process (1
 * unless set; copro serve sets its hashing threads' number). A thread
 * that refuses (copro serve's web workers, when the hashing queue is
 * full) makes password_hash and password_matches fail at once with
 * ERR_BUSY and PASSWORD_BUSY_MESSAGE; password_hashing_refused says
 * whether they did since the refusal was turned on. */
#define PASSWORD_BUSY_MESSAGE "Too many people are signing in at once. " DOMAIN_BUSY_ADVICE
void password_hashing_limit(int most);
void password_hashing_refuse(bool on);
bool password_hashing_refused(void);
/* Hashes made or checked by this process (the web tests compare it
 * around a request). */
unsigned long password_hashes_made(void);
/* Of those, the ones made while this thread had a transaction open, so
 * holding the database's write lock for a hash's time: none should be
 * (the tests check, tests/web/webtest.c). */
unsigned long password_hashes_in_transaction(void);
/* 1 when the account `u` was read with still has that password hash, in
 * the transaction that acts on a password checked before it; else -1
 * with ERR_INPUT ("has just been changed"). */
int password_unchanged(domain *d, const user_row *u, err *e);

/* First run: the first account is the area administrator of `area`; the
 * activity log says so in the same transaction. */
int account_create_first(domain *d, const char *name, const char *email, const char *password,
			 const char *area, int64_t *user, err *e);
int account_create(domain *d, const char *name, const char *email, const char *password,
		   int64_t *user, err *e);

/* The same in two steps, so that no write lock is held while the
 * password is hashed: account_hash checks the fields and hashes (outside
 * any transaction); account_insert writes the account, in the caller's
 * transaction or its own, refusing an address already in use. The
 * account_first_ pair does so for account_create_first. */
typedef struct new_account {
	const char *name, *email, *area;
	char hash[128], created_at[21];
} new_account;
int account_hash(domain *d, const char *name, const char *email, const char *password,
		 new_account *out, err *e);
int account_insert(domain *d, const new_account *a, int64_t *user, err *e);
int account_first_hash(domain *d, const char *name, const char *email, const char *password,
		       const char *area, new_account *out, err *e);
int account_first_insert(domain *d, const new_account *a, int64_t *user, err *e);

/* A signed-in session: the cookie holds `token` (64 hex digits, 256
 * random bits); the database keeps only its SHA-256. */
typedef struct session {
	char token[65];
	char csrf[65];
	user_row user;
	bool valid;
	/* A lead or area administrator whose area asks for two-factor
	 * sign-in, not set up yet (read with the session: two_factor_gate). */
	bool two_factor_missing;
	char device[65];        /* after sign-in: the browser's new device cookie */
	/* Set instead of a session when the password was right and the
	 * account asks for a second step (domain/two_factor.h). */
	char pending[65];
	/* What session_read left for session_keep, and the session's hash. */
	enum session_due { SESSION_DUE_NONE, SESSION_DUE_TOUCH, SESSION_DUE_END } due;
	char due_hash[65];
} session;

/* Checks an email and password; refuses without saying whether the
 * account exists, and slows repeated failures. */
int sign_in(domain *d, const char *email, const char *password, const char *address,
	    session *out, err *e);
/* The same from a browser that presents `device`, its device cookie (NULL
 * if none): failures from a live cookie of the account count against that
 * cookie only (domain/device.h). On success out->device is the browser's
 * new cookie. */
int sign_in_device(domain *d, const char *email, const char *password, const char *address,
		   const char *device, session *out, err *e);
/* sign_in_device for account `user`, just made by this request from the
 * password it was given (set-up, joining): the password is not checked
 * again, so not hashed twice. */
int sign_in_made(domain *d, int64_t user, const char *address, const char *device, session *out, err *e);
/* The session of cookie `token`: 1 and `out` when it is live, 0 when
 * there is none or it timed out (removed), -1 on error. Keeps the idle
 * clock, a write at most once a minute (session.c). */
int session_resume(domain *d, const char *token, session *out, err *e);
/* The same in two steps, for a read-only snapshot, where nothing may be
 * written: session_read only reads, and leaves in `out` what is due (the
 * idle clock, or removing a timed-out session), which session_keep
 * writes once the snapshot is over. */
int session_read(domain *d, const char *token, session *out, err *e);
int session_keep(domain *d, session *s, err *e);
/* session_read's read, with the memberships access_to_org (org > 0) or
 * else access_to_area (area > 0) would read for the session's user,
 * asked with other reads (domain_reads_begin) before that user is known:
 * one round trip for a request's checks on PostgreSQL. Once the reads are
 * ended, session_take answers as session_read would have, and
 * access_to_org_take and access_to_area_take as access_to_org and
 * access_to_area would have for that session's user (true), or false
 * when they cannot (not asked for that organisation or area, or not for
 * this live session): then ask those. */
typedef struct checks_asked {
	char hash[65];
	bool asked;             /* the cookie was a token: the session was asked */
	bool memberships_asked;
	int64_t org, area;      /* what the memberships were asked for */
	session_list session;
	membership_list memberships;
} checks_asked;
/* `hash`, when not NULL, is token_hash's of this token, already made. */
int session_ask(domain *d, const char *token, const char *hash, int64_t org, int64_t area,
		checks_asked *q, err *e);
int session_take(const char *token, const checks_asked *q, session *out);
bool access_to_org_take(const checks_asked *q, const session *s, int64_t org, enum access *level,
			int64_t *area);
bool access_to_area_take(const checks_asked *q, const session *s, int64_t area, bool *admin);
/* A new session for `u`, in the caller's transaction. */
int session_start(domain *d, const user_row *u, session *out, err *e);
int session_end(domain *d, const char *token, err *e);
void token_hash(const char *token, char out[65]);

/* What the user may do in organisation `org` (ACCESS_NONE if nothing),
 * and the organisation's area as its memberships read it (0 when none
 * of theirs says). */
int access_to_org(domain *d, int64_t user, int64_t org, enum access *level, int64_t *area,
		  err *e);

/* Whether the user administers area `area`. */
int access_to_area(domain *d, int64_t user, int64_t area, bool *admin, err *e);

/* API tokens for the area's read-only JSON API (docs/api.md): `token`
 * receives the secret once; only its hash is stored. */
int api_token_create(domain *d, int64_t by, int64_t area, const char *name, char token[65],
		     int64_t *id, err *e);
int api_token_revoke(domain *d, int64_t area, int64_t id, err *e);
/* The same, with a line in the area's activity log by `who` (NULL: the
 * command line, logged as "copro"), all in one transaction. */
int api_token_create_logged(domain *d, const user_row *who, int64_t area, const char *name,
			    char token[65], int64_t *id, err *e);
int api_token_revoke_logged(domain *d, const user_row *who, int64_t area, int64_t id, err *e);
/* The area a presented token is for; 0 when the token is unknown or
 * revoked. */
int api_token_area(domain *d, const char *token, int64_t *area, err *e);

/* Invitations: a one-time link, valid 14 days, for a role in an
 * organisation. `token` receives the secret part of the link. */
int invitation_create(domain *d, int64_t by, int64_t org, const char *role,
		      const char *group, const char *name, char token[65], err *e);
/* The new account and its membership, and the activity line saying it
 * joined, in one transaction. */
int invitation_accept(domain *d, const char *token, const char *email, const char *password,
		      int64_t *user, err *e);

/* Members of an organisation. `member` is a membership id; one that is
 * not of organisation `org` is not found. Neither call lets `by` (the
 * person asking) demote or remove themselves when they are the
 * organisation's last lead. */
int membership_change(domain *d, int64_t by, int64_t org, int64_t member, const char *role,
		      const char *group, err *e);
/* Removes the membership; when the person has no other, ends all their
 * sessions so the removal takes effect at once (*signed_out). */
int membership_remove(domain *d, int64_t by, int64_t org, int64_t member, bool *signed_out,
		      err *e);

/* An account with its role, from the terminal (`copro user add`): "lead",
 * "contributor" or "viewer" of organisation `org`, or "area-admin" of the
 * area named `area` (made if it is new). All or nothing; an unknown role
 * is ERR_INPUT. */
int user_add(domain *d, const char *name, const char *email, const char *password,
	     const char *role, int64_t org, const char *area, int64_t *user, err *e);

/* One line in the activity log: who changed what, in organisation `org`
 * (with `area` its area, when the caller read it in the same transaction,
 * else 0) or in area `area` alone (org 0). A line that cannot be written
 * fails the change it records (the compiler holds callers to it). */
int activity_log(domain *d, const user_row *who, int64_t org, int64_t area, const char *what,
		 err *e) __attribute__((warn_unused_result));
/* The latest `limit` lines of an organisation's log (area 0) or an
 * area's (org 0), newest first. */
int activity_of(domain *d, int64_t org, int64_t area, int limit, activity_list *out, err *e);

/* ---- reading accounts --------------------------------------------------- */

/* How many accounts exist (0 before set-up). */
int user_count(domain *d, int64_t *n, err *e);
int memberships_of_user(domain *d, int64_t user, membership_list *out, err *e);
int memberships_of_org(domain *d, int64_t org, membership_list *out, err *e);
/* Membership `id` when it is of organisation `org`; else ERR_NOTFOUND. */
int membership_get_in_org(domain *d, int64_t org, int64_t id, membership_row *out, err *e);
int api_tokens_of_area(domain *d, int64_t area, api_token_list *out, err *e);

#endif
