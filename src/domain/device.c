/* device.c: device cookies (domain/device.h). */
#include "domain/device.h"

#include <sodium.h>
#include <string.h>

#include "core/text.h"
#include "domain/account.h"
#include "store/device.h"

/* The hash of a well-formed cookie, false for anything else. */
static bool cookie_hash(const char *token, char hash[65])
{
	if (!token || strlen(token) != 64 || strspn(token, "0123456789abcdef") != 64)
		return false;
	token_hash(token, hash);
	return true;
}

int device_trusted(domain *d, const char *token, int64_t user, bool *locked, err *e)
{
	*locked = false;
	char hash[65], now[21], oldest[21];
	if (!cookie_hash(token, hash))
		return 0;
	device_row r;
	int found = store_device_get(d->db, d->mem, hash, &r, e);
	if (found <= 0)
		return found;
	time_now_iso(now);
	time_iso(time_now_epoch() - DEVICE_LIFETIME_SECONDS, oldest);
	/* Compared in constant time although found by its hash: the row is
	 * the cookie's only if the whole hash matches. */
	if (sodium_memcmp(r.token_hash, hash, 64) != 0 || r.user_id != user ||
	    strcmp(r.created_at, oldest) < 0)
		return 0;
	*locked = r.locked_until && strcmp(r.locked_until, now) > 0;
	return 1;
}

int device_failed(domain *d, const char *token, err *e)
{
	char hash[65], until[21];
	if (!cookie_hash(token, hash))
		return 0;
	time_iso(time_now_epoch() + DEVICE_LOCK_SECONDS, until);
	return store_device_failed(d->db, hash, DEVICE_FAILURES, until, e);
}

int device_issue(domain *d, int64_t user, const char *old, char out[65], err *e)
{
	char hash[65], now[21], oldest[21];
	unsigned char bytes[32];
	time_now_iso(now);
	time_iso(time_now_epoch() - DEVICE_LIFETIME_SECONDS, oldest);
	if ((cookie_hash(old, hash) && store_device_delete(d->db, hash, e) < 0) ||
	    store_device_prune(d->db, oldest, e) < 0)
		return -1;
	randombytes_buf(bytes, sizeof bytes);
	sodium_bin2hex(out, 65, bytes, sizeof bytes);
	token_hash(out, hash);
	device_row r = {.token_hash = hash, .user_id = user, .created_at = now};
	return store_device_insert(d->db, &r, e);
}
