/* setup.c: the set-up code (domain/setup.h). */
#include "domain/setup.h"

#include <ctype.h>
#include <sodium.h>
#include <string.h>

#include "core/text.h"
#include "domain/account.h"
#include "domain/internal.h"
#include "store/account.h"
#include "store/setup.h"

static const char alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/* The code as typed, in capitals without spaces or dashes, hashed; false
 * when it cannot be a code. */
static bool code_hash(const char *typed, char out[65])
{
	char plain[SETUP_CODE_GROUPS * 4 + 1];
	size_t n = 0;
	for (const char *p = typed ? typed : ""; *p; p++) {
		if (*p == ' ' || *p == '-' || *p == '\t')
			continue;
		char c = (char)toupper((unsigned char)*p);
		if (n == sizeof plain - 1 || !strchr(alphabet, c) || !c)
			return false;
		plain[n++] = c;
	}
	plain[n] = '\0';
	if (n != sizeof plain - 1)
		return false;
	token_hash(plain, out);
	return true;
}

int setup_code_new(domain *d, char code[SETUP_CODE_SIZE], err *e)
{
	char *p = code;
	for (int g = 0; g < SETUP_CODE_GROUPS; g++) {
		for (int i = 0; i < 4; i++)
			*p++ = alphabet[randombytes_uniform(sizeof alphabet - 1)];
		*p++ = g + 1 < SETUP_CODE_GROUPS ? '-' : '\0';
	}
	char hash[65], now[21];
	if (!code_hash(code, hash))
		return err_set(e, ERR_INTERNAL, "the new set-up code is not one: this is a bug.");
	time_now_iso(now);
	int64_t users = 0;
	if (store_begin(d->db, e) < 0)
		return -1;
	if (store_user_count(d->db, &users, e) < 0)
		goto fail;
	if (users > 0) {
		err_set(e, ERR_CONFLICT, "copro is set up already: it has accounts. Sign in, or add accounts with "
			"copro user add.");
		goto fail;
	}
	if (store_setup_code_set(d->db, hash, now, e) < 0 || store_commit(d->db, e) < 0)
		goto fail;
	return 0;
fail:
	store_rollback(d->db);
	sodium_memzero(code, SETUP_CODE_SIZE);
	return -1;
}

/* Whether `code` is the one copro printed (-1 with `e` set when wrong). */
static int code_right(domain *d, const char *code, char hash[65], err *e)
{
	int right = code_hash(code, hash) ? store_setup_code_is(d->db, hash, e) : 0;
	if (right < 0)
		return -1;
	return right ? 0 : err_set(e, ERR_INPUT, "%s", SETUP_CODE_WRONG);
}

/* In the transaction, run again when it loses (domain_write): the code
 * checked again and spent, and the first account made. */
typedef struct first_try {
	const char *code;
	const new_account *a;
	int64_t *user;
} first_try;

static int first_write(domain *d, void *ctx, err *e)
{
	first_try *t = ctx;
	char hash[65];
	if (code_right(d, t->code, hash, e) < 0 || store_setup_code_clear(d->db, e) < 0)
		return -1;
	return account_first_insert(d, t->a, t->user, e);
}

/* The code is checked before the password is hashed, so that a stranger
 * without it cannot make copro hash; the hash is made once, before the
 * transaction, so that its write lock is not held meanwhile. */
int setup_first_account(domain *d, const char *code, const char *name, const char *email,
			const char *password, const char *area, int64_t *user, err *e)
{
	char hash[65];
	new_account a;
	if (code_right(d, code, hash, e) < 0 || account_first_hash(d, name, email, password, area, &a, e) < 0)
		return -1;
	first_try t = {.code = code, .a = &a, .user = user};
	return domain_write(d, first_write, &t, e);
}
