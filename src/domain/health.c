/* health.c: copro's versions and the database check of GET /healthz
 * (health.h). One read of the smallest table: cheap enough for a load
 * balancer that asks every second, and it writes nothing. */
#include "domain/health.h"

#include <stdio.h>

#include "store/store.h"

int health_schema_latest(void)
{
	return store_latest_version();
}

const char *health_database_library(void)
{
	return store_library_version();
}

int health_check(domain *d, char *reason, size_t size, err *e)
{
	int have = store_schema_version(d->db, e);
	if (have < 0) {
		snprintf(reason, size, "the database does not answer%s",
			 e->kind == ERR_BUSY ? ": it is busy" : "");
		return -1;
	}
	/* A newer copro migrated the shared database (an upgrade under way):
	 * this one must take no more requests until it is upgraded too. */
	if (have != store_latest_version()) {
		snprintf(reason, size, "the database schema is %d, this copro knows %d", have,
			 store_latest_version());
		return err_set(e, ERR_CONFLICT, "%s: upgrade this copro", reason);
	}
	return 0;
}
