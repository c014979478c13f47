/* cheap_hash.c: linked into the test programs only (never into copro: see
 * the Makefile), it overrides account.c's weak password_hash_cost with
 * argon2id's minimum cost, so that the hundreds of accounts the tests make
 * and sign in take microseconds instead of a tenth of a second each. */
#include <sodium.h>
#include <stdatomic.h>

#include "domain/account.h"

/* How many passwords were hashed: a test can check that two answers cost
 * the same work without timing them (testutil.h). */
atomic_ulong cheap_hash_calls;

void password_hash_cost(unsigned long long *ops, size_t *mem)
{
	atomic_fetch_add(&cheap_hash_calls, 1);
	*ops = crypto_pwhash_OPSLIMIT_MIN;
	*mem = crypto_pwhash_MEMLIMIT_MIN;
}
