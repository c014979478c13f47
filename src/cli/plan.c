/* plan.c: team and service plans. */
#include "cli/cli.h"

const command plan_commands[] = {
	{0},
};
