/* library.c: the database library copro was built with, for `copro
 * --version` (the engine's name stays inside src/store). */
#include "store/store.h"

#include <libpq-fe.h>
#include <sqlite3.h>
#include <stdio.h>

const char *store_library_version(void)
{
	static char text[128];
	if (!text[0])
		snprintf(text, sizeof text, "SQLite %s\nPostgreSQL client library (libpq) %d.%d",
			 sqlite3_libversion(), PQlibVersion() / 10000, PQlibVersion() % 10000);
	return text;
}
