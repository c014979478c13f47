/* plan.c: team and service plans built on the Four Cornerstones, strengths
 * first, seeded from the latest self-evaluation. */
#include "web/pages/pages.h"

const route plan_routes[] = {
	{0},
};
