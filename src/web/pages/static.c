/* static.c: the style sheet, script and images, from the assets folder the
 * build fills (GOV.UK Frontend from npm, and copro.css built from it). */
#include <string.h>

#include "web/web.h"

static const char *content_type_of(const char *path)
{
	static const struct { const char *ext, *type; } types[] = {
		{".css", "text/css; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
		{".mjs", "text/javascript; charset=utf-8"}, {".svg", "image/svg+xml"},
		{".png", "image/png"}, {".ico", "image/x-icon"}, {".woff2", "font/woff2"},
		{".json", "application/json"},
	};
	const char *dot = strrchr(path, '.');
	for (size_t i = 0; dot && i < sizeof types / sizeof *types; i++)
		if (strcmp(dot, types[i].ext) == 0)
			return types[i].type;
	return NULL;
}

/* Only plain names below the folder: no "..", no hidden files. */
static bool safe_asset_path(const char *p)
{
	if (!*p || strstr(p, "..") || strstr(p, "/."))
		return false;
	for (; *p; p++) {
		char c = *p;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '-' || c == '_' || c == '.' || c == '/'))
			return false;
	}
	return true;
}

/* ROUTE: GET /assets/... (public) */
static int page_asset(request *r)
{
	const char *rel = r->path + strlen("/assets/");
	const char *type = content_type_of(rel);
	if (!safe_asset_path(rel) || !type || rel[0] == '.')
		return web_error_page(r, 404, "Page not found", "There is no file at this address.");
	r->file_path = arena_printf(&r->mem, "%s/%s", r->config->assets_dir, rel);
	r->content_type = type;
	r->cacheable = true;
	return 200;
}

const route static_routes[] = {
	{"GET", "/assets/*", page_asset, ROUTE_PUBLIC | ROUTE_STATIC, ACCESS_NONE},
	{0},
};
