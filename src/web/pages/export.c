/* export.c: the area's exports (CSV, Excel) and its API tokens. */
#include "web/pages/pages.h"

const route export_routes[] = {
	{0},
};
