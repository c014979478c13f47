/* version.c: the stored text of each instrument version a record was made
 * with, so the words users answered stay the words they see, whatever the
 * installed file becomes. Used by evaluations, projects and audits. */
#include "domain/domain.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"

int framework_version_keep(domain *d, const framework *fw, err *e)
{
	char *body = json_dumps(fw->doc, JSON_COMPACT | JSON_SORT_KEYS);
	if (!body)
		return err_set(e, ERR_INTERNAL, "cannot serialise instrument %s.", fw->id);
	char now[21];
	time_now_iso(now);
	int rc = store_framework_version_put(d->db, fw->id, fw->hash, body, now, e);
	free(body);
	return rc;
}

framework *framework_version_load(domain *d, const char *id, const char *hash, bool *changed,
				  err *e)
{
	char *body = NULL;
	int found = store_framework_version_get(d->db, d->mem, hash, &body, e);
	if (found < 0)
		return NULL;
	if (!found || !body) {
		err_set(e, ERR_IO,
			"the database has lost the text of instrument %s version %.12s: restore from a backup.",
			id, hash);
		return NULL;
	}
	fw_report *rep = calloc(1, sizeof *rep);
	if (!rep)
		abort();
	char name[200];
	snprintf(name, sizeof name, "%s.json", id);
	framework *fw = framework_load_text(name, body, rep);
	free(rep);
	if (!fw) {
		err_set(e, ERR_IO, "the stored text of instrument %s is damaged: restore from a backup.", id);
		return NULL;
	}
	const framework *installed = fw_registry_find(d->frameworks, id);
	*changed = !installed || strcmp(installed->hash, hash) != 0;
	return fw;
}
