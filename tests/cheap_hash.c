/* cheap_hash.c: linked into the test programs only (never into copro: see
 * the Makefile), it overrides account.c's weak password_hash_cost with
 * argon2id's minimum cost, so that the hundreds of accounts the tests make
 * and sign in take microseconds instead of a tenth of a second each. */
#include <sodium.h>

#include "domain/account.h"

void password_hash_cost(unsigned long long *ops, size_t *mem)
{
	*ops = crypto_pwhash_OPSLIMIT_MIN;
	*mem = crypto_pwhash_MEMLIMIT_MIN;
}
