/* test_copy.c: copy slips on the pages people read. The demo organisation
 * is walked the way a person clicks through it (every link of every page
 * reached, as its lead and as its area's administrator), and the text of
 * each page, read as a screen reader or a copy and paste would (tags
 * dropped, white space run together), must not hold a space before a
 * comma or a colon ("school , version 1", "Next Principle : ..."), nor
 * "due no date". */
#include "webtest.h"

#include <ctype.h>

#define MAX_PAGES 600

typedef struct walk {
	const char *paths[MAX_PAGES];
	size_t n, next;
} walk;

static void walk_add(walk *wk, webfix *w, const char *href, size_t len)
{
	char *path = arena_strndup(&w->f.mem, href, len);
	path[strcspn(path, "#")] = '\0';
	/* &amp; in an attribute is & in the address. */
	for (char *amp; (amp = strstr(path, "&amp;"));)
		memmove(amp + 1, amp + 5, strlen(amp + 5) + 1);
	if (path[0] != '/' || path[1] == '/' || !strncmp(path, "/assets/", 8) ||
	    !strcmp(path, "/sign-out") || strstr(path, "/export/") || strstr(path, ".csv"))
		return;
	for (size_t i = 0; i < wk->n; i++)
		if (!strcmp(wk->paths[i], path))
			return;
	if (wk->n < MAX_PAGES)
		wk->paths[wk->n++] = path;
}

/* Runs a GET of `path` (its query split off) as `who`. */
static request *open_page(webfix *w, int who, const char *path)
{
	const char *q = strchr(path, '?');
	if (!q)
		return web_run(w, who, "GET", path, NULL);
	const char *query[32] = {0};
	size_t n = 0;
	for (const char *p = q + 1; *p && n < 30;) {
		size_t len = strcspn(p, "&"), eq = strcspn(p, "=");
		query[n++] = arena_strndup(&w->f.mem, p, eq < len ? eq : len);
		query[n++] = eq < len ? arena_strndup(&w->f.mem, p + eq + 1, len - eq - 1) : "";
		p += len + (p[len] == '&');
	}
	return web_get_query(w, who, arena_strndup(&w->f.mem, path, (size_t)(q - path)), query);
}

/* The page's text as read: tags dropped (a tag ends a word), runs of
 * white space made one space. */
static char *page_text(webfix *w, const char *page)
{
	char *out = arena_alloc(&w->f.mem, strlen(page) + 1), *o = out;
	bool in_tag = false, space = false;
	for (const char *p = page; *p; p++) {
		if (*p == '<' && !in_tag) {
			in_tag = true;
			continue;
		}
		if (in_tag) {
			in_tag = *p != '>';
			continue;
		}
		if (isspace((unsigned char)*p)) {
			space = true;
			continue;
		}
		if (space && o > out)
			*o++ = ' ';
		space = false;
		*o++ = *p;
	}
	*o = '\0';
	return out;
}

/* The slips on one page, each with the words around it. */
static int slips(webfix *w, const char *path, const char *page)
{
	const char *text = page_text(w, page);
	int found = 0;
	/* And the old "(no owner, due no date)": "No owner", "No due date". */
	static const char *const bad[] = {" ,", " :", "due no date", "no owner,"};
	for (size_t b = 0; b < sizeof bad / sizeof *bad; b++)
		for (const char *at = strstr(text, bad[b]); at; at = strstr(at + 1, bad[b])) {
			const char *from = at - text > 40 ? at - 40 : text;
			print_message("%s: \"...%.*s...\"\n", path, (int)(at - from + 30), from);
			found++;
		}
	return found;
}

static int walk_as(webfix *w, int who, int *pages)
{
	walk *wk = arena_alloc(&w->f.mem, sizeof *wk);
	walk_add(wk, w, "/", 1);
	int found = 0;
	while (wk->next < wk->n) {
		const char *path = wk->paths[wk->next++];
		request *r = open_page(w, who, path);
		if (r->status == 200 && !r->download && r->content_type == NULL) {
			const char *body = web_body(r);
			(*pages)++;
			found += slips(w, path, body);
			for (const char *h = strstr(body, "href=\""); h; h = strstr(h + 6, "href=\""))
				walk_add(wk, w, h + 6, strcspn(h + 6, "\""));
		}
		request_destroy(r);
	}
	return found;
}

static void demo_pages_have_no_space_before_a_comma_or_colon(void **state)
{
	webfix *w = *state;
	fixture *f = &w->f;
	int64_t demo, area;
	assert_int_equal(demo_load(&f->d, &demo, &f->e), 0);
	char now[21];
	time_now_iso(now);
	assert_int_equal(store_area_by_name(&f->db, "Demo Borough", now, &area, &f->e), 0);
	membership_row lead = {.user_id = w->as[AS_LEAD].user.id, .role = "lead", .organisation_id = demo,
			       .created_at = now};
	membership_row admin = {.user_id = w->as[AS_AREA].user.id, .role = "area-admin", .area_id = area,
				.created_at = now};
	int64_t id;
	assert_int_equal(store_membership_insert(&f->db, &lead, &id, &f->e), 0);
	assert_int_equal(store_membership_insert(&f->db, &admin, &id, &f->e), 0);
	int pages = 0, found = walk_as(w, AS_LEAD, &pages) + walk_as(w, AS_AREA, &pages);
	print_message("copy: %d pages read, %d slips\n", pages, found);
	assert_true(pages > 60);
	assert_int_equal(found, 0);
}

/* The check itself: a slip is found, a tag between the words counts as a
 * space, and a comma or colon after a word is fine. */
static void the_check_finds_slips(void **state)
{
	webfix *w = *state;
	assert_int_equal(slips(w, "test", "<p>Transition to secondary school , version 1</p>"), 1);
	assert_int_equal(slips(w, "test", "<a href=\"#\">Next principle</a>\n<span>: Principle 2</span>"), 1);
	assert_int_equal(slips(w, "test", "<p>Next principle: Principle 2, then 3</p>"), 0);
	assert_int_equal(slips(w, "test", "<p title=\"a , b\">Fine</p>"), 0);
}

#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, webfix_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {T(the_check_finds_slips),
					   T(demo_pages_have_no_space_before_a_comma_or_colon)};
	return cmocka_run_group_tests(tests, webfix_group_setup, webfix_group_teardown);
}
