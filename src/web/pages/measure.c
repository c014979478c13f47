/* measure.c: success measures: choosing from the catalogue or writing one's
 * own, the monitoring grid, metrics, readings and trend charts, links. */
#include "web/pages/pages.h"

const route measure_routes[] = {
	{0},
};
