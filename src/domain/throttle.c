/* throttle.c: the throttle of anonymous changes (domain/throttle.h). */
#include "core/text.h"
#include "domain/account.h"
#include "domain/throttle.h"
#include "store/throttle.h"

int throttle_hit(domain *d, const char *scope, const char *address, const throttle_limits *lim,
		 err *e)
{
	char now[21], since[21], scope_hash[65], address_hash[65];
	time_now_iso(now);
	time_iso(time_now_epoch() - THROTTLE_WINDOW_SECONDS, since);
	token_hash(scope ? scope : "", scope_hash);
	token_hash(address ? address : "", address_hash);
	int64_t per_scope = 0, per_address = 0;
	if (store_throttle_prune(d->db, since, e) < 0 ||
	    store_throttle_count(d->db, scope_hash, address_hash, since, &per_scope, &per_address, e) < 0)
		return -1;
	if (per_address >= lim->per_address)
		return err_set(e, ERR_BUSY, "Too many answers have been sent from this place in the last hour. Please try again later.");
	if (per_scope >= lim->per_scope)
		return err_set(e, ERR_BUSY, "Too many answers have been sent to this link in the last hour. Please try again later.");
	return store_throttle_add(d->db, scope_hash, address_hash, now, e);
}
