/* review.c: plan, do, review: reviewing actions, "You said, we did" and its
 * printable notice, starting the next cycle and comparing cycles. */
#include "web/pages/pages.h"

const route review_routes[] = {
	{0},
};
