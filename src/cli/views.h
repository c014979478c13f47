/* views.h: what the two files of `copro views` share. */
#ifndef COPRO_CLI_VIEWS_H
#define COPRO_CLI_VIEWS_H

#include "cli/cli.h"

/* A whole number from lo to hi typed for option `what`; a usage error
 * (-1) when it is not. */
int views_cli_number(cli *c, const char *what, const char *text, int lo, int hi, int *out);

#endif
