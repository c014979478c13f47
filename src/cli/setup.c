/* setup.c: `copro setup-code`, and the set-up code `copro serve` prints
 * when copro has no account yet (domain/setup.h). */
#include <sodium.h>
#include <stdio.h>

#include "cli/cli.h"
#include "domain/setup.h"

int cli_setup_code_announce(cli *c)
{
	char code[SETUP_CODE_SIZE];
	if (setup_code_new(&c->d, code, &c->e) < 0)
		return -1;
	printf("First run: open the address below and create the administrator account.\n"
	       "Set-up code: %s\n"
	       "(the set-up page asks for it; each start of copro serve makes a new one)\n", code);
	fflush(stdout);
	sodium_memzero(code, sizeof code);
	return 0;
}

static int cmd_setup_code(cli *c, int argc, char **argv)
{
	if (cli_parse(c, argc, argv, NULL, NULL, 0, 0, NULL) < 0)
		return EXIT_USAGE;
	char code[SETUP_CODE_SIZE];
	if (cli_open(c) < 0 || setup_code_new(&c->d, code, &c->e) < 0)
		return cli_fail(c);
	printf("%s\n", code);
	fprintf(stderr, "Enter this code on copro's set-up page (/setup) to create the administrator account. "
		"It replaces any code printed before, and stops working once the administrator exists.\n");
	sodium_memzero(code, sizeof code);
	return EXIT_OK;
}

const command setup_commands[] = {
	{"setup-code", "print a new set-up code for creating the first account",
	 "Usage: copro [--db PATH] setup-code\n\n"
	 "Until copro has an account, its set-up page (/setup) creates the area\n"
	 "administrator for whoever gives the set-up code. copro serve prints one when\n"
	 "it starts; this prints a new one (the one printed before stops working), for\n"
	 "when that output is not to hand. Once an account exists there is no code:\n"
	 "this says so and exits 1; add accounts with copro user add.\n\n"
	 "Example:\n  copro --db school.db setup-code\n",
	 cmd_setup_code},
	{0},
};
