/* project.c: service development projects and their steps. */
#include "cli/cli.h"

const command project_commands[] = {
	{0},
};
