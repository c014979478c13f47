/* area.c: an area's exports and API tokens. */
#include "cli/cli.h"

const command area_commands[] = {
	{0},
};
