/* common.c: small helpers every page file shares: the standard error
 * pages, a domain message as a sentence, and dates in words. */
#include <ctype.h>
#include <stdlib.h>

#include "core/text.h"
#include "web/pages/pages.h"

int page_not_found(request *r)
{
	return web_error_page(r, 404, "Page not found", "There is no page at this address.");
}

int page_failed(request *r)
{
	return web_error_page(r, 500, "Sorry, something went wrong", r->e.msg);
}

bool text_blank(const char *s)
{
	return !s || !*s;
}

const char *sentence(request *r, const char *msg)
{
	char *s = arena_strdup(&r->mem, msg ? msg : "");
	s[0] = (char)toupper((unsigned char)s[0]);
	return s;
}

const char *date_words(request *r, const char *iso)
{
	return iso && date_valid(iso) ? date_in_words(&r->mem, iso) : iso ? iso : "";
}
