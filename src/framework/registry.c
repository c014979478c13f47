/* registry.c: every instrument of a directory. A bad file is remembered
 * by name with its problems and does not stop the others from loading.
 * A command line's registry is deferred (fw_registry_defer): the folder
 * is listed at start, but a file is read and hashed only when a command
 * first asks for its instrument; most commands ask for none, or one. */
#include "framework/framework.h"

#include "core/paths.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

const char *fw_default_dir(void)
{
	return paths_frameworks();
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_fw(const void *a, const void *b)
{
	return strcmp((*(framework *const *)a)->id, (*(framework *const *)b)->id);
}

static void add_failure(fw_registry *r, const char *line)
{
	char **grown = realloc(r->failures, (r->n_failures + 1) * sizeof *grown);
	if (!grown)
		abort();
	r->failures = grown;
	r->failures[r->n_failures++] = strdup(line);
	if (r->told)
		r->told(line);
}

static void load_one(fw_registry *r, const char *path)
{
	fw_report *rep = calloc(1, sizeof *rep);
	if (!rep)
		abort();
	framework *fw = framework_load(path, rep);
	if (fw) {
		framework **grown = realloc(r->items, (r->n + 1) * sizeof *grown);
		if (!grown)
			abort();
		r->items = grown;
		r->items[r->n++] = fw;
	}
	for (size_t i = 0; i < rep->n; i++) {
		char line[1200];
		fw_problem_format(path, &rep->problems[i], line, sizeof line);
		add_failure(r, line);
	}
	free(rep);
}

/* Lists the folder's *.json files, sorted, in r->pending: their reading
 * is fw_registry_ready's. */
int fw_registry_defer(fw_registry *r, const char *dir, err *e)
{
	memset(r, 0, sizeof *r);
	if (!dir)
		dir = fw_default_dir();
	r->dir = strdup(dir);
	DIR *d = opendir(dir);
	if (!d)
		return err_set(e, ERR_IO,
			       "cannot read the frameworks directory %s (%s): set COPRO_FRAMEWORKS to a directory of instrument files",
			       dir, strerror(errno));
	struct dirent *de;
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len < 6 || strcmp(de->d_name + len - 5, ".json") != 0)
			continue;
		char **grown = realloc(r->pending, (r->n_pending + 1) * sizeof *grown);
		if (!grown)
			abort();
		r->pending = grown;
		r->pending[r->n_pending++] = strdup(de->d_name);
	}
	closedir(d);
	qsort(r->pending, r->n_pending, sizeof *r->pending, cmp_name);
	r->deferred = true;
	return 0;
}

/* Reads pending file i (a name of r->pending) and forgets its name. */
static void read_pending(fw_registry *r, size_t i)
{
	size_t len = strlen(r->dir) + strlen(r->pending[i]) + 2;
	char *path = malloc(len);
	if (!path)
		abort();
	snprintf(path, len, "%s/%s", r->dir, r->pending[i]);
	load_one(r, path);
	free(path);
	free(r->pending[i]);
	r->pending[i] = NULL;
}

void fw_registry_ready(fw_registry *r)
{
	if (!r->deferred)
		return;
	r->deferred = false;
	for (size_t i = 0; i < r->n_pending; i++)
		if (r->pending[i])
			read_pending(r, i);
	free(r->pending);
	r->pending = NULL;
	r->n_pending = 0;
	if (r->n > 1)
		qsort(r->items, r->n, sizeof *r->items, cmp_fw);
}

/* An instrument's id is its file's name (validate.c refuses any other),
 * so a deferred registry reads only the file that can hold `id`. */
static void read_for(fw_registry *r, const char *id)
{
	size_t n = strlen(id);
	for (size_t i = 0; i < r->n_pending; i++) {
		const char *name = r->pending[i];
		if (name && strncmp(name, id, n) == 0 && strcmp(name + n, ".json") == 0) {
			read_pending(r, i);
			return;
		}
	}
}

int fw_registry_load(fw_registry *r, const char *dir, err *e)
{
	if (fw_registry_defer(r, dir, e) < 0)
		return -1;
	fw_registry_ready(r);
	return 0;
}

/* A deferred registry reads the instrument's file here, when it is first
 * asked for: the registry itself is the caller's own, never a constant (a
 * cast, not a promise broken), and a deferred one is used by one thread
 * only. */
const framework *fw_registry_find(const fw_registry *r, const char *id)
{
	if (r->deferred)
		read_for((fw_registry *)r, id);
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->items[i]->id, id) == 0)
			return r->items[i];
	return NULL;
}

void fw_registry_free(fw_registry *r)
{
	for (size_t i = 0; i < r->n; i++)
		framework_free(r->items[i]);
	for (size_t i = 0; i < r->n_failures; i++)
		free(r->failures[i]);
	for (size_t i = 0; i < r->n_pending; i++)
		free(r->pending[i]);     /* NULL once read */
	free(r->pending);
	free(r->items);
	free(r->failures);
	free(r->dir);
	memset(r, 0, sizeof *r);
}
