/* area.c: the area's picture: every organisation's latest audit, the
 * dashboard, and the portfolio of joint partnership projects. */
#include "web/pages/pages.h"

const route area_routes[] = {
	{0},
};
