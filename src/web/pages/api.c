/* api.c: the area's read-only JSON API for data dashboards (docs/api.md),
 * opened by an API token rather than a session. */
#include "web/pages/pages.h"

const route api_routes[] = {
	{0},
};
