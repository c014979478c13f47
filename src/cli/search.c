/* search.c: `copro search ORG WORDS`: an organisation's records holding
 * the words (domain/search.h), as the web page /org/{org}/search finds them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/search.h"

static json_t *hit_json(const search_hit *h)
{
	return json_pack("{s:s, s:I, s:s, s:s}", "kind", search_kind_name(h->kind), "id",
			 (json_int_t)h->id, "title", h->title ? h->title : "", "snippet",
			 h->snippet ? h->snippet : "");
}

static int print_result(const search_result *res, bool json)
{
	if (json) {
		json_t *hits = json_array();
		for (size_t i = 0; i < res->n; i++)
			json_array_append_new(hits, hit_json(&res->hits[i]));
		return cli_print_json(json_pack("{s:I, s:I, s:I, s:o}", "total", (json_int_t)res->total,
						"page", (json_int_t)res->page, "pages",
						(json_int_t)res->pages, "results", hits));
	}
	if (!res->total) {
		printf("Nothing matches those words.\n");
		return EXIT_OK;
	}
	printf("%lld result%s", (long long)res->total, res->total == 1 ? "" : "s");
	if (res->pages > 1)
		printf(", page %lld of %lld", (long long)res->page, (long long)res->pages);
	printf(":\n");
	for (size_t i = 0; i < res->n; i++) {
		const search_hit *h = &res->hits[i];
		printf("%-16s %6lld  %s\n", search_kind_label(h->kind), (long long)h->id, h->title);
		if (h->snippet && *h->snippet)
			printf("%-24s%s\n", "", h->snippet);
	}
	return EXIT_OK;
}

static int cmd_search(cli *c, int argc, char **argv)
{
	bool json = false;
	const char *page_text = NULL;
	const char *pos[64];
	size_t n;
	int64_t org, page = 1;
	const cli_opt opts[] = {{"--json", NULL, &json, NULL}, {"--page", &page_text, NULL, NULL},
				{0}};
	if (cli_parse(c, argc, argv, opts, pos, 2, 64, &n) < 0 ||
	    cli_id(c, "The organisation", pos[0], &org) < 0 ||
	    (page_text && cli_id(c, "The --page number", page_text, &page) < 0))
		return EXIT_USAGE;
	size_t len = 1;
	for (size_t i = 1; i < n; i++)
		len += strlen(pos[i]) + 1;
	char *words = arena_alloc(&c->mem, len);
	for (size_t i = 1; i < n; i++) {
		if (i > 1)
			strcat(words, " ");
		strcat(words, pos[i]);
	}
	search_result res;
	if (cli_open_org(c, org, NULL) < 0 || search_org(&c->d, org, words, page, &res, &c->e) < 0)
		return cli_fail(c);
	return print_result(&res, json);
}

const command search_commands[] = {
	{"search", "find an organisation's evidence, actions, measures, plans and \"You said\" records by their words",
	 "Usage: copro search ORG WORDS... [--page N] [--json]\n\n"
	 "Lists the records of the organisation in which every word begins a word\n"
	 "of the record (\"news\" finds \"newsletter\"), best matches first, 50 to a\n"
	 "page. Quotes, AND, OR, NEAR and other symbols are searched as words.\n\n"
	 "Example:\n  copro search 1 parent forum\n",
	 cmd_search},
	{0},
};
