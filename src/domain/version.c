/* version.c: the stored text of each instrument version a record was made
 * with, so the words users answered stay the words they see, whatever the
 * installed file becomes. Used by evaluations, projects and audits. */
#include "domain/domain.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "store/store.h"

int framework_version_keep(domain *d, const framework *fw, err *e)
{
	char *body = framework_canonical_text(fw);
	if (!body)
		return err_set(e, ERR_INTERNAL, "cannot serialise instrument %s.", fw->id);
	char now[21];
	time_now_iso(now);
	int rc = store_framework_version_put(d->db, fw->id, fw->hash, body, now, e);
	free(body);
	return rc;
}

/* Parsed versions, shared by every request and thread of the process. A
 * version's hash names its text, so a parsed version never goes stale, in
 * this database or any other; parsing its ~50 KB of JSON was a fifth of an
 * evaluation page's time. Entries are read-only once published and live
 * until framework_version_cache_clear. */
#define VERSION_CACHE_MAX 64

/* Keyed by the hash the records hold (the one framework_version_keep
 * stored), not by the hash of the parsed text. */
typedef struct cached_version {
	char key[300];          /* "id hash" */
	framework *fw;
} cached_version;

static struct {
	pthread_mutex_t lock;
	cached_version v[VERSION_CACHE_MAX];
	size_t n;
} version_cache = {.lock = PTHREAD_MUTEX_INITIALIZER};

static cached_version *cache_find(const char *key)
{
	for (size_t i = 0; i < version_cache.n; i++)
		if (!strcmp(version_cache.v[i].key, key))
			return &version_cache.v[i];
	return NULL;
}

static framework *cache_get(const char *key)
{
	pthread_mutex_lock(&version_cache.lock);
	cached_version *cv = cache_find(key);
	framework *fw = cv ? cv->fw : NULL;
	pthread_mutex_unlock(&version_cache.lock);
	return fw;
}

/* Publishes `fw`, or returns the copy another thread published first (and
 * frees `fw`). When the cache is full `fw` stays the caller's own. */
static framework *cache_put(const char *key, framework *fw)
{
	pthread_mutex_lock(&version_cache.lock);
	cached_version *cv = cache_find(key);
	if (cv) {
		framework *first = cv->fw;
		pthread_mutex_unlock(&version_cache.lock);
		framework_free(fw);
		return first;
	}
	if (version_cache.n < VERSION_CACHE_MAX) {
		cv = &version_cache.v[version_cache.n++];
		snprintf(cv->key, sizeof cv->key, "%s", key);
		fw->shared = true;
		cv->fw = fw;
	}
	pthread_mutex_unlock(&version_cache.lock);
	return fw;
}

void framework_version_cache_clear(void)
{
	pthread_mutex_lock(&version_cache.lock);
	for (size_t i = 0; i < version_cache.n; i++) {
		version_cache.v[i].fw->shared = false;
		framework_free(version_cache.v[i].fw);
	}
	version_cache.n = 0;
	pthread_mutex_unlock(&version_cache.lock);
}

static framework *parse_stored(domain *d, const char *key, const char *id, const char *hash,
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
	/* The text as framework_version_keep stored it, canonical: hashed as
	 * it is. A text changed behind copro's back, even only respaced,
	 * hashes otherwise and is not cached. */
	framework *fw = framework_load_canonical(name, body, rep);
	free(rep);
	if (!fw) {
		err_set(e, ERR_IO, "the stored text of instrument %s is damaged: restore from a backup.", id);
		return NULL;
	}
	/* Only a text that hashes to its name is shared: a stored text that
	 * was changed behind copro's back is used, but never cached. */
	return key && !strcmp(fw->hash, hash) ? cache_put(key, fw) : fw;
}

static void release_framework(void *fw)
{
	((framework *)fw)->shared = false;
	framework_free(fw);
}

framework *framework_version_load(domain *d, const char *id, const char *hash, bool *changed,
				  err *e)
{
	char key[300];
	snprintf(key, sizeof key, "%s %s", id, hash);
	bool cacheable = strlen(id) + strlen(hash) + 2 <= sizeof key;
	framework *fw = cacheable ? cache_get(key) : NULL;
	if (!fw)
		fw = parse_stored(d, cacheable ? key : NULL, id, hash, e);
	if (!fw)
		return NULL;
	/* One the cache does not hold goes with the call's arena: no view
	 * that holds it needs freeing by hand. */
	if (!fw->shared) {
		fw->shared = true;
		arena_defer(d->mem, release_framework, fw);
	}
	const framework *installed = fw_registry_find(d->frameworks, id);
	*changed = !installed || strcmp(installed->hash, hash) != 0;
	return fw;
}
