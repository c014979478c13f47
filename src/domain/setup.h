/* setup.h: the set-up code (issue 15, hole 6). Until copro has an
 * account, creating the first one (the area administrator, /setup) needs
 * a one-time code that `copro serve` prints when it starts and `copro
 * setup-code` prints on demand, so that the first visitor cannot claim a
 * database that `demo`, `import` or `org import-csv` filled. */
#ifndef COPRO_DOMAIN_SETUP_H
#define COPRO_DOMAIN_SETUP_H

#include "domain/domain.h"

/* Six groups of four from 32 letters and digits that cannot be taken for
 * one another (no 0, O, 1, I): 120 random bits, "7KQM-..." */
#define SETUP_CODE_GROUPS 6
#define SETUP_CODE_SIZE (SETUP_CODE_GROUPS * 5)

/* A new code, which replaces the one in force (each start of `copro
 * serve` makes one: the last printed is the one that works). Only its
 * SHA-256 is stored. ERR_CONFLICT once an account exists. */
int setup_code_new(domain *d, char code[SETUP_CODE_SIZE], err *e);

/* What a wrong code gets (ERR_INPUT), for the form to put by its field. */
#define SETUP_CODE_WRONG "The set-up code is not right. Use the latest one copro printed when it " \
	"started, or run copro setup-code on the server for a new one."

/* The first account with the code: the code is checked (letters in
 * either case, spaces and dashes ignored) before the password is hashed,
 * then again, and spent, in the transaction that makes the administrator
 * (account_first_insert), which the hash comes before. ERR_INPUT and
 * nothing written when it is wrong. */
int setup_first_account(domain *d, const char *code, const char *name, const char *email,
			const char *password, const char *area, int64_t *user, err *e);

#endif
