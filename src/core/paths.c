/* paths.c: the folders copro ships with (paths.h): only this file is
 * compiled with the build tree's folders, so `make install` needs no
 * rebuild of anything else. */
#include "core/paths.h"

#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef COPRO_FRAMEWORKS_DIR
#define COPRO_FRAMEWORKS_DIR "frameworks"
#endif
#ifndef COPRO_ASSETS_DIR
#define COPRO_ASSETS_DIR "build/assets"
#endif
#ifndef COPRO_LOCALE_DIR
#define COPRO_LOCALE_DIR "build/locale"
#endif

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char installed[PATH_MAX];        /* BIN/../share/copro, or "" */

static bool is_dir(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* An installed copro's share folder holds frameworks/; a build tree's
 * program has no share/copro beside it. */
static void find_installed(void)
{
	char exe[PATH_MAX], probe[PATH_MAX + 32];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return;
	exe[n] = '\0';
	/* /usr/bin/copro: the prefix is /usr. */
	for (int up = 0; up < 2; up++) {
		char *slash = strrchr(exe, '/');
		if (!slash)
			return;
		*slash = '\0';
	}
	snprintf(probe, sizeof probe, "%s/share/copro/frameworks", exe);
	if (is_dir(probe) && (size_t)snprintf(installed, sizeof installed, "%s/share/copro", exe) >= sizeof installed)
		installed[0] = '\0';
}

/* `var` when set; else `name` below the share folder; else `built`. */
static const char *folder(const char *var, const char *name, const char *built, char *buf, size_t size)
{
	const char *own = getenv(var);
	if (own && *own)
		return own;
	const char *share = getenv("COPRO_SHARE_DIR");
	if (!share || !*share) {
		pthread_once(&once, find_installed);
		share = installed[0] ? installed : NULL;
	}
	if (!share || (size_t)snprintf(buf, size, "%s/%s", share, name) >= size)
		return built;
	return buf;
}

const char *paths_frameworks(void)
{
	static char buf[PATH_MAX];
	return folder("COPRO_FRAMEWORKS", "frameworks", COPRO_FRAMEWORKS_DIR, buf, sizeof buf);
}

const char *paths_assets(void)
{
	static char buf[PATH_MAX];
	return folder("COPRO_ASSETS", "assets", COPRO_ASSETS_DIR, buf, sizeof buf);
}

const char *paths_locale(void)
{
	static char buf[PATH_MAX];
	return folder("COPRO_LOCALE_DIR", "locale", COPRO_LOCALE_DIR, buf, sizeof buf);
}

const char *paths_built_locale(void)
{
	return COPRO_LOCALE_DIR;
}
