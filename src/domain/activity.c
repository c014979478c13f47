/* activity.c: the activity log, who changed what and when, written in
 * the transaction of the change it records. */
#include "domain/account.h"

#include "core/text.h"
#include "store/account.h"

int activity_log(domain *d, const user_row *who, int64_t org, int64_t area, const char *what,
		 err *e)
{
	char now[21];
	time_now_iso(now);
	activity_row r = {.at = now, .user_id = who ? who->id : 0,
			  .user_name = who ? who->name : "copro", .area_id = area,
			  .organisation_id = org, .what = what};
	return store_activity_add(d->db, &r, e);
}

int activity_of(domain *d, int64_t org, int64_t area, int limit, activity_list *out, err *e)
{
	return store_activity_list(d->db, d->mem, org, area, limit, out, e);
}
