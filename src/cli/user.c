/* user.c: `copro user add`: an account made from the terminal, its
 * password read from standard input; `copro user two-factor off` for a
 * person locked out of two-factor sign-in. */
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "domain/account.h"
#include "domain/mail.h"
#include "domain/password_reset.h"
#include "domain/two_factor.h"

/* The password comes from standard input, never the command line where
 * other users could see it in the process list. */
static int read_password(cli *c, char *buf, size_t size)
{
	if (isatty(0) && !c->stdin_read)
		fprintf(stderr, "Password (at least 12 characters): ");
	if (!cli_read_line(c, buf, size)) {
		err_set(&c->e, ERR_INPUT, "no password given: type it, or pipe it in on standard input.");
		return -1;
	}
	buf[strcspn(buf, "\r\n")] = '\0';
	return 0;
}

static int cmd_user_add(cli *c, int argc, char **argv)
{
	const char *name = NULL, *email = NULL, *role = NULL, *org = NULL, *area = NULL;
	const cli_opt opts[] = {{"--name", &name, NULL, NULL}, {"--email", &email, NULL, NULL},
				{"--role", &role, NULL, NULL}, {"--org", &org, NULL, NULL},
				{"--area", &area, NULL, NULL}, {0}};
	if (cli_parse(c, argc, argv, opts, NULL, 0, 0, NULL) < 0)
		return EXIT_USAGE;
	if (!name || !email || !role)
		return cli_usage_error(c, "--name, --email and --role are required."), EXIT_USAGE;
	bool admin = !strcmp(role, "area-admin");
	if (admin ? !area : !org)
		return cli_usage_error(c, admin ? "an area-admin needs --area NAME."
						: "a lead, contributor or viewer needs --org NUMBER."),
		       EXIT_USAGE;
	char password[512];
	int64_t user = 0, org_id = 0;
	if (!admin && cli_id(c, "The organisation", org, &org_id) < 0)
		return EXIT_USAGE;
	if (read_password(c, password, sizeof password) < 0)
		return cli_fail(c);
	int rc = cli_open(c) < 0 ? -1
		 : user_add(&c->d, name, email, password, role, org_id, area, &user, &c->e);
	sodium_memzero(password, sizeof password);
	if (rc < 0)
		return cli_fail(c);
	printf("Added %s (%s) as %s.\n", name, email, role);
	return EXIT_OK;
}

/* Only whoever can run copro on the server can do this: the web has no
 * way round a lost phone and lost recovery codes but the person's own. */
static int cmd_user_two_factor_off(cli *c, int argc, char **argv)
{
	const char *pos[1];
	if (cli_parse(c, argc, argv, NULL, pos, 1, 1, NULL) < 0)
		return EXIT_USAGE;
	if (cli_open(c) < 0 || two_factor_off_by_operator(&c->d, pos[0], &c->e) < 0)
		return cli_fail(c);
	printf("Two-factor sign-in is off for %s: they sign in with their password alone, and can set it up again.\n",
	       pos[0]);
	return EXIT_OK;
}

/* For when email does not reach the person: the operator passes the
 * link on by a channel they trust. */
static int cmd_user_reset(cli *c, int argc, char **argv)
{
	const char *pos[1], *path = NULL;
	if (cli_parse(c, argc, argv, NULL, pos, 1, 1, NULL) < 0)
		return EXIT_USAGE;
	if (cli_open(c) < 0 || reset_by_operator(&c->d, pos[0], &path, &c->e) < 0)
		return cli_fail(c);
	printf("%s\n", mail_link(&c->mem, path));
	fprintf(stderr, "This link lets whoever opens it choose a new password for %s, once, within an hour. "
		"Give it only to them.\n", pos[0]);
	return EXIT_OK;
}

const command user_commands[] = {
	{"user add", "add an account from the terminal (password on standard input)",
	 "Usage: copro user add --name TEXT --email ADDRESS --role ROLE (--org N | --area NAME)\n\n"
	 "ROLE is area-admin (with --area), lead, contributor or viewer (with --org).\n"
	 "The password is read from standard input.\n\n"
	 "Example:\n  echo 'correct horse battery staple' | copro user add --name \"Sam Lee\" \\\n"
	 "    --email sam@example.org --role lead --org 1\n",
	 cmd_user_add},
	{"user reset", "print a link that lets a person choose a new password",
	 "Usage: copro user reset EMAIL\n\n"
	 "Prints a link (valid for an hour, once) for the person to choose a new\n"
	 "password, for when the reset email does not reach them. It starts with the\n"
	 "base URL (--config or serve --base-url). Give it only to them.\n\n"
	 "Example:\n  copro user reset sam@example.org\n",
	 cmd_user_reset},
	{"user two-factor off", "turn off two-factor sign-in for a person who is locked out",
	 "Usage: copro user two-factor off EMAIL\n\n"
	 "For someone who has lost both their phone and their recovery codes: their\n"
	 "account's two-factor secret and recovery codes are deleted, and the activity\n"
	 "log says so. Check who is asking before you do it.\n\n"
	 "Example:\n  copro user two-factor off sam@example.org\n",
	 cmd_user_two_factor_off},
	{0},
};
