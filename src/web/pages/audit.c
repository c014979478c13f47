/* audit.c: joint partnership audits: the organisation's form, submitting,
 * and the area's queue, decisions and audit settings. */
#include "web/pages/pages.h"

const route audit_routes[] = {
	{0},
};
