/* audit.c: joint partnership audits, their decisions and the area's audit settings. */
#include "cli/cli.h"

const command audit_commands[] = {
	{0},
};
