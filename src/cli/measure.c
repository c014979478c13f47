/* measure.c: success measures, their metrics, readings and links. */
#include "cli/cli.h"

const command measure_commands[] = {
	{0},
};
