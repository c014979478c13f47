/* user_life.c: `copro user disable|enable|delete EMAIL`: an account
 * turned off, on again, or deleted with its name erased
 * (domain/account_life.h), from the terminal. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/account_life.h"

enum life_op { LIFE_DISABLE, LIFE_ENABLE, LIFE_DELETE };

static int user_life(cli *c, int argc, char **argv, enum life_op op)
{
	const char *pos[1];
	bool yes = false;
	const cli_opt opts[] = {{"--yes", NULL, &yes, NULL}, {0}};
	if (cli_parse(c, argc, argv, op == LIFE_DELETE ? opts : NULL, pos, 1, 1, NULL) < 0)
		return EXIT_USAGE;
	if (op == LIFE_DELETE && !yes)
		return cli_usage_error(c, "deleting an account cannot be undone: add --yes to delete %s.", pos[0]),
		       EXIT_USAGE;
	if (cli_open(c) < 0)
		return cli_fail(c);
	user_row u;
	int found = account_find(&c->d, pos[0], &u, &c->e);
	if (found < 0)
		return cli_fail(c);
	if (!found) {
		err_set(&c->e, ERR_NOTFOUND, "there is no account for %s: check the address (copro org show lists an organisation's people).",
			pos[0]);
		return cli_fail(c);
	}
	int rc = op == LIFE_DELETE ? account_delete(&c->d, NULL, u.id, &c->e)
				   : account_set_disabled(&c->d, NULL, u.id, op == LIFE_DISABLE, &c->e);
	if (rc < 0)
		return cli_fail(c);
	if (op == LIFE_DELETE)
		printf("Deleted the account of %s. What they made stays, shown as made by \"%s\".\n", u.email, FORMER_MEMBER);
	else
		printf("Turned %s the account of %s%s.\n", op == LIFE_DISABLE ? "off" : "on", u.email,
		       op == LIFE_DISABLE ? ": they cannot sign in, and every session of theirs has ended" : "");
	return EXIT_OK;
}

static int cmd_user_disable(cli *c, int argc, char **argv)
{
	return user_life(c, argc, argv, LIFE_DISABLE);
}

static int cmd_user_enable(cli *c, int argc, char **argv)
{
	return user_life(c, argc, argv, LIFE_ENABLE);
}

static int cmd_user_delete(cli *c, int argc, char **argv)
{
	return user_life(c, argc, argv, LIFE_DELETE);
}

const command user_life_commands[] = {
	{"user disable", "turn an account off: sign-in refused, its sessions ended",
	 "Usage: copro user disable EMAIL\n\n"
	 "The account stays, with everything it made; `copro user enable` turns it on again.\n\n"
	 "Example:\n  copro user disable sam@example.org\n",
	 cmd_user_disable},
	{"user enable", "turn an account that was turned off on again",
	 "Usage: copro user enable EMAIL\n\n"
	 "Example:\n  copro user enable sam@example.org\n",
	 cmd_user_enable},
	{"user delete", "delete an account; what it made stays, shown as by \"a former member\"",
	 "Usage: copro user delete EMAIL --yes\n\n"
	 "The person's name is replaced by \"a former member\" wherever copro kept it beside\n"
	 "what they made (activity log, audit history, rounds of views, files); their\n"
	 "memberships, sessions and waiting emails go. It cannot be undone (UK GDPR erasure).\n\n"
	 "Example:\n  copro user delete sam@example.org --yes\n",
	 cmd_user_delete},
	{0},
};
