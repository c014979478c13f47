/* project.c: service development projects worked through a York model's
 * steps (the strategic model's 12, the individual model's 6). */
#include "web/pages/pages.h"

const route project_routes[] = {
	{0},
};
