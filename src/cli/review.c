/* review.c: action reviews, "You said, we did", the next cycle and comparisons. */
#include "cli/cli.h"

const command review_commands[] = {
	{0},
};
