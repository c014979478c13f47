/* retry.c: a command whose transaction lost to a concurrent one
 * (PostgreSQL's serialization failure or deadlock) runs again, whole, up
 * to STORE_TRIES times. Its standard output is kept aside until the last
 * try, so nothing is printed twice, and what it read from standard input
 * is given to it again (common.c, user.c). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

typedef struct capture {
	FILE *tmp;
	int saved;              /* the real standard output */
} capture;

static bool capture_start(capture *k)
{
	fflush(stdout);
	k->tmp = tmpfile();
	if (!k->tmp)
		return false;
	k->saved = dup(STDOUT_FILENO);
	if (k->saved < 0 || dup2(fileno(k->tmp), STDOUT_FILENO) < 0) {
		if (k->saved >= 0)
			close(k->saved);
		fclose(k->tmp);
		return false;
	}
	return true;
}

/* Standard output back; the try's output printed (`keep`) or dropped. */
static void capture_end(capture *k, bool keep)
{
	fflush(stdout);
	dup2(k->saved, STDOUT_FILENO);
	close(k->saved);
	if (keep) {
		char buf[65536];
		size_t n;
		rewind(k->tmp);
		while ((n = fread(buf, 1, sizeof buf, k->tmp)) > 0)
			fwrite(buf, 1, n, stdout);
		fflush(stdout);
	}
	fclose(k->tmp);
}

bool cli_lost(cli *c)
{
	return c->db_open && store_lost(&c->db);
}

bool cli_will_retry(cli *c)
{
	return c->can_retry && c->tries < STORE_TRIES && cli_lost(c);
}

/* Commands never run again: their work outside the database (serving,
 * sending mail) must not be repeated, and serve's output is live. */
static bool once(const command *cmd)
{
	static const char *const names[] = {"serve", "mail send", "mail test"};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (!strcmp(cmd->name, names[i]))
			return true;
	return false;
}

int cli_run(cli *c, const command *cmd, int argc, char **argv)
{
	if (once(cmd))
		return cmd->run(c, argc, argv);
	for (c->tries = 1;; c->tries++) {
		capture k;
		c->can_retry = capture_start(&k);
		int rc = cmd->run(c, argc, argv);
		bool again = rc == EXIT_FAIL && cli_will_retry(c);
		if (c->can_retry)
			capture_end(&k, !again);
		if (!again)
			return rc;
		store_retry_next(&c->db, c->tries);     /* rolled back; a short pause */
		cli_close(c);
		c->e = (err){0};
	}
}
