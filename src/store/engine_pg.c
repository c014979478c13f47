/* engine_pg.c: PostgreSQL through libpq (being built: issue 16). */
#include "store/engine.h"

static int pg_open(store *s, const char *where, enum store_mode mode, err *e)
{
	(void)s, (void)where, (void)mode;
	return err_set(e, ERR_INPUT, "copro cannot use PostgreSQL yet.");
}

static void pg_close(store *s)
{
	(void)s;
}

const sql_engine sql_engine_pg = {.name = "PostgreSQL", .open = pg_open, .close = pg_close};
