/* measure.c: `copro measure catalogue|add|list|show|set|metric|reading|link|
 * examples`: success measures, their metrics, readings and links. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/measure.h"

/* ---- the catalogue and the worked examples ------------------------------ */

/* The installed success measures instrument; no database needed. */
static const framework *catalogue(cli *c)
{
	if (cli_load_frameworks(c) < 0)
		return NULL;
	return measure_instrument(&c->d, &c->e);
}

static int cmd_measure_catalogue(cli *c, int argc, char **argv)
{
	bool json = false;
	const char *pos[1] = {NULL};
	const cli_opt opts[] = {{"--json", NULL, &json, NULL}, {0}};
	size_t np;
	if (cli_parse(c, argc, argv, opts, pos, 0, 1, &np) < 0)
		return EXIT_USAGE;
	const framework *fw = catalogue(c);
	if (!fw)
		return cli_fail(c);
	if (pos[0] && !framework_section(fw, pos[0]))
		return cli_usage_error(c, "there is no cornerstone \"%.20s\": give 1 to %zu, or none for all.",
				       pos[0], fw->n_sections), EXIT_USAGE;
	json_t *arr = json_array();
	for (size_t s = 0; s < fw->n_sections; s++) {
		const fw_section *sec = &fw->sections[s];
		if (pos[0] && strcmp(pos[0], sec->key) != 0)
			continue;
		measure_item *items;
		size_t n = measure_catalogue(&c->mem, fw, sec->key, &items);
		json_t *list = json_array();
		if (!json)
			printf("%sCornerstone %s: %s\n", s && !pos[0] ? "\n" : "", sec->key, sec->title);
		for (size_t i = 0; i < n; i++) {
			json_array_append_new(list, json_pack("{s:s, s:o, s:o, s:o}", "key", items[i].key,
				"text", json_str_or_null(items[i].text), "note", json_str_or_null(items[i].note),
				"gap", json_str_or_null(items[i].gap)));
			if (json)
				continue;
			printf("  %-5s %s\n", items[i].key, items[i].gap ? "[GAP IN SOURCE]" : items[i].text);
			if (items[i].gap)
				printf("        %s\n", items[i].gap);
		}
		json_array_append_new(arr, json_pack("{s:s, s:s, s:o}", "key", sec->key, "title",
						     sec->title, "measures", list));
	}
	if (json)
		return cli_print_json(arr);
	json_decref(arr);
	printf("\nChoose one with: copro measure add ORG --cycle CYCLE --catalogue KEY\n");
	return EXIT_OK;
}

static int cmd_measure_examples(cli *c, int argc, char **argv)
{
	bool json = false;
	if (cli_parse_json(c, argc, argv, &json) < 0)
		return EXIT_USAGE;
	const framework *fw = catalogue(c);
	if (!fw)
		return cli_fail(c);
	measure_exemplar *ex;
	size_t n = measure_exemplars(&c->mem, fw, &ex);
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *cells = json_object();
		for (int k = 0; k < 4; k++)
			json_object_set_new(cells, measure_grid_keys[k], json_str_or_null(ex[i].cells[k]));
		json_array_append_new(arr, json_pack("{s:s, s:s, s:o}", "cornerstone", ex[i].section,
						     "measure", ex[i].title, "cells", cells));
	}
	if (json)
		return cli_print_json(arr);
	json_decref(arr);
	printf("Worked examples from the source's monitoring grid (%s):\n", fw->title);
	for (size_t i = 0; i < n; i++) {
		measure_column col;
		printf("\nExample %zu\n", i + 1);
		if (measure_column_find(fw, "cornerstone", &col))
			printf("  %s: %s %s\n", col.title, ex[i].section,
			       measure_cornerstone_title(fw, ex[i].section));
		if (measure_column_find(fw, "measure", &col))
			printf("  %s: %s\n", col.title, ex[i].title);
		for (int k = 0; k < 4; k++) {
			if (!measure_column_find(fw, measure_grid_keys[k], &col) || !ex[i].cells[k])
				continue;
			printf("  %s\n", col.title);
			/* Items the source lists in one cell come one a line. */
			const char *p = ex[i].cells[k];
			while (*p) {
				size_t len = strcspn(p, "\n");
				printf("    %.*s\n", (int)len, p);
				p += len + (p[len] == '\n');
			}
		}
	}
	return EXIT_OK;
}

/* ---- measures ------------------------------------------------------------ */

static int cmd_measure_add(cli *c, int argc, char **argv)
{
	measure_row m = {0};
	const cli_opt opts[] = {{"--cycle", &m.cycle, NULL, NULL},
				{"--cornerstone", &m.cornerstone_key, NULL, NULL},
				{"--catalogue", &m.catalogue_key, NULL, NULL},
				{"--own", &m.own_text, NULL, NULL}, {0}};
	int64_t id;
	if (cli_parse_id(c, argc, argv, opts, "The organisation", &m.organisation_id) < 0)
		return EXIT_USAGE;
	if (!m.cycle)
		return cli_usage_error(c, "--cycle is required: say which cycle, for example 2026-27."), EXIT_USAGE;
	if (!m.catalogue_key == !m.own_text)
		return cli_usage_error(c, "give either --catalogue KEY (a measure from `copro measure catalogue`) or --own TEXT (your own measure)."), EXIT_USAGE;
	if (cli_open(c) < 0)
		return cli_fail(c);
	const framework *fw = measure_instrument(&c->d, &c->e);
	if (!fw)
		return cli_fail(c);
	/* A catalogue key says its cornerstone: --cornerstone only checks it. */
	if (!m.cornerstone_key && m.own_text)
		return cli_usage_error(c, "--cornerstone is required for your own measure: give its number, 1 to %zu.",
				       fw->n_sections), EXIT_USAGE;
	if (measure_add(&c->d, &m, &id, &c->e) < 0)
		return cli_fail(c);
	printf("Added measure %lld: %s\n", (long long)id, m.own_text ? m.own_text : measure_text(fw, &m));
	return EXIT_OK;
}

static json_t *measure_json(const measure_row *m, const char *text)
{
	json_t *grid = json_object();
	const char *cells[4] = {m->improve, m->know, m->measuring, m->evaluation};
	for (int k = 0; k < 4; k++)
		json_object_set_new(grid, measure_grid_keys[k], json_string(cells[k]));
	return json_pack("{s:I, s:I, s:s, s:s, s:o, s:o, s:s, s:o, s:o, s:s, s:s}",
			 "id", (json_int_t)m->id, "organisation", (json_int_t)m->organisation_id,
			 "cycle", m->cycle, "cornerstone", m->cornerstone_key,
			 "catalogue_key", json_str_or_null(m->catalogue_key),
			 "own_text", json_str_or_null(m->own_text), "text", text,
			 "grid", grid,
			 "carried_from", m->carried_from ? json_integer(m->carried_from) : json_null(),
			 "created_at", m->created_at, "updated_at", m->updated_at);
}

static int cmd_measure_list(cli *c, int argc, char **argv)
{
	bool json = false;
	const char *cycle = NULL;
	const cli_opt opts[] = {{"--json", NULL, &json, NULL}, {"--cycle", &cycle, NULL, NULL}, {0}};
	int64_t org;
	if (cli_parse_id(c, argc, argv, opts, "The organisation", &org) < 0)
		return EXIT_USAGE;
	measure_list list;
	const char **texts;
	if (cli_open_org(c, org, NULL) < 0 ||
	    measures_of_org(&c->d, org, cycle, &list, &c->e) < 0 ||
	    measure_texts(&c->d, list.items, list.n, &texts, &c->e) < 0)
		return cli_fail(c);
	if (json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < list.n; i++)
			json_array_append_new(arr, measure_json(&list.items[i], texts[i]));
		return cli_print_json(arr);
	}
	if (!list.n) {
		printf("No success measures yet%s%s. Choose one with: copro measure add %lld --cycle CYCLE --catalogue KEY\n",
		       cycle ? " for cycle " : "", cycle ? cycle : "", (long long)org);
		return EXIT_OK;
	}
	printf("%5s  %-11s %-8s %-6s %s\n", "No.", "Cornerstone", "Cycle", "Key", "Measure");
	for (size_t i = 0; i < list.n; i++) {
		const measure_row *m = &list.items[i];
		printf("%5lld  %-11s %-8s %-6s %s\n", (long long)m->id, m->cornerstone_key, m->cycle,
		       m->catalogue_key ? m->catalogue_key : "own", texts[i]);
	}
	return EXIT_OK;
}

static json_t *number_or_null(bool has, double v)
{
	return has ? json_real(v) : json_null();
}

static json_t *metric_json(const metric_detail *md)
{
	const metric_row *m = &md->metric;
	json_t *readings = json_array();
	for (size_t i = 0; i < md->n_readings; i++) {
		const reading_row *r = &md->readings[i];
		json_array_append_new(readings, json_pack("{s:I, s:s, s:f, s:o, s:o, s:s, s:o, s:s}",
			"id", (json_int_t)r->id, "date", r->taken_on, "value", r->value,
			"numerator", r->has_fraction ? json_integer(r->numerator) : json_null(),
			"denominator", r->has_fraction ? json_integer(r->denominator) : json_null(),
			"source", r->source, "with", groups_json(r->groups), "note", r->note));
	}
	const metric_status *st = &md->status;
	json_t *status = json_pack("{s:o, s:o, s:o, s:s, s:s, s:s, s:s}",
		"latest", st->latest ? json_real(st->latest->value) : json_null(),
		"latest_on", json_str_or_null(st->latest ? st->latest->taken_on : NULL),
		"target_met", st->target_met < 0 ? json_null() : json_boolean(st->target_met),
		"trend", measure_trend_words(st->trend),
		"since_previous", measure_trend_words(st->since_previous),
		"since_baseline", measure_trend_words(st->since_baseline), "sentence", st->sentence);
	return json_pack("{s:I, s:s, s:s, s:s, s:s, s:o, s:o, s:o, s:o}", "id", (json_int_t)m->id,
			 "name", m->name, "kind", m->kind, "unit", m->unit, "direction", m->direction,
			 "baseline", number_or_null(m->has_baseline, m->baseline),
			 "target", number_or_null(m->has_target, m->target), "readings", readings,
			 "status", status);
}

static void print_cell(const char *title, const char *text)
{
	printf("  %s\n", title);
	if (!*text) {
		printf("    (not written yet)\n");
		return;
	}
	while (*text) {
		size_t len = strcspn(text, "\n");
		printf("    %.*s\n", (int)len, text);
		text += len + (text[len] == '\n');
	}
}

static void print_metric(cli *c, const metric_detail *md)
{
	const metric_row *m = &md->metric;
	printf("\n  Metric %lld: %s (%s%s%s, %s is better", (long long)m->id, m->name, m->kind,
	       *m->unit ? " " : "", m->unit, m->direction);
	if (m->has_baseline)
		printf("; baseline %s", metric_value_text(&c->mem, m, m->baseline));
	if (m->has_target)
		printf("; target %s", metric_value_text(&c->mem, m, m->target));
	printf(")\n");
	for (size_t i = 0; i < md->n_readings; i++) {
		const reading_row *r = &md->readings[i];
		const char *frac = r->has_fraction
			? arena_printf(&c->mem, " (%lld of %lld)", (long long)r->numerator, (long long)r->denominator)
			: "";
		printf("    %s  %s%s  %s; speaks for %s%s%s\n", r->taken_on,
		       metric_value_text(&c->mem, m, r->value), frac, r->source,
		       groups_describe(&c->mem, r->groups), *r->note ? "; " : "", r->note);
	}
	printf("    %s\n", md->status.sentence);
}

static int cmd_measure_show(cli *c, int argc, char **argv)
{
	bool json = false;
	int64_t id;
	if (cli_parse_id_json(c, argc, argv, "The measure", &id, &json) < 0)
		return EXIT_USAGE;
	measure_detail md;
	if (cli_open(c) < 0 || measure_detail_load(&c->d, id, &md, &c->e) < 0)
		return cli_fail(c);
	const measure_row *m = &md.measure;
	if (json) {
		json_t *o = measure_json(m, md.text);
		json_object_set_new(o, "cornerstone_title", json_string(md.cornerstone_title));
		json_t *metrics = json_array(), *links = json_array();
		for (size_t i = 0; i < md.n_metrics; i++)
			json_array_append_new(metrics, metric_json(&md.metrics[i]));
		for (size_t i = 0; i < md.links.n; i++)
			json_array_append_new(links, json_pack("{s:I, s:s, s:s}", "id",
				(json_int_t)md.links.items[i].id, "cornerstone",
				md.links.items[i].cornerstone_key, "text", md.link_texts[i]));
		json_object_set_new(o, "metrics", metrics);
		json_object_set_new(o, "links", links);
		return cli_print_json(o);
	}
	printf("Measure %lld: %s\n", (long long)m->id, md.text);
	printf("  Cornerstone %s: %s\n  Cycle: %s\n  %s\n", m->cornerstone_key, md.cornerstone_title,
	       m->cycle, m->catalogue_key ? arena_printf(&c->mem, "From the catalogue: %s", m->catalogue_key)
					  : "The organisation's own measure");
	if (md.framework_changed)
		printf("  (Chosen from an earlier version of the catalogue; its wording is shown.)\n");
	printf("\nMonitoring grid\n");
	const char *cells[4] = {m->improve, m->know, m->measuring, m->evaluation};
	for (int k = 0; k < 4; k++) {
		measure_column col;
		print_cell(measure_column_find(md.fw, measure_grid_keys[k], &col) ? col.title
										 : measure_grid_keys[k],
			   cells[k]);
	}
	printf("\nMetrics\n");
	if (!md.n_metrics)
		printf("  None yet. Add one with: copro measure metric %lld --name ... --kind percentage --direction higher\n",
		       (long long)m->id);
	for (size_t i = 0; i < md.n_metrics; i++)
		print_metric(c, &md.metrics[i]);
	printf("\nLinked measures\n");
	if (!md.links.n)
		printf("  None yet. Link one with: copro measure link %lld OTHER\n", (long long)m->id);
	for (size_t i = 0; i < md.links.n; i++)
		printf("  Measure %lld (cornerstone %s): %s\n", (long long)md.links.items[i].id,
		       md.links.items[i].cornerstone_key, md.link_texts[i]);
	return EXIT_OK;
}

static int cmd_measure_set(cli *c, int argc, char **argv)
{
	measure_grid g = {0};
	const cli_opt opts[] = {{"--improve", &g.improve, NULL, NULL}, {"--know", &g.know, NULL, NULL},
				{"--measuring", &g.measuring, NULL, NULL},
				{"--evaluation", &g.evaluation, NULL, NULL}, {0}};
	int64_t id;
	if (cli_parse_id(c, argc, argv, opts, "The measure", &id) < 0)
		return EXIT_USAGE;
	if (!g.improve && !g.know && !g.measuring && !g.evaluation)
		return cli_usage_error(c, "nothing to change: give --improve, --know, --measuring or --evaluation."), EXIT_USAGE;
	if (cli_open(c) < 0 || measure_edit(&c->d, id, &g, &c->e) < 0)
		return cli_fail(c);
	printf("Updated the monitoring grid of measure %lld\n", (long long)id);
	return EXIT_OK;
}

/* --baseline and --target: a number, when given. */
static int optional_number(cli *c, const char *what, const char *text, bool *has, double *v)
{
	*has = text != NULL;
	if (!text)
		return 0;
	err e = {0};
	if (measure_number_parse(what, text, v, &e) < 0)
		return cli_usage_error(c, "%s", e.msg);
	return 0;
}

static int cmd_measure_metric(cli *c, int argc, char **argv)
{
	metric_row m = {0};
	const char *baseline = NULL, *target = NULL;
	const cli_opt opts[] = {{"--name", &m.name, NULL, NULL}, {"--kind", &m.kind, NULL, NULL},
				{"--direction", &m.direction, NULL, NULL}, {"--unit", &m.unit, NULL, NULL},
				{"--baseline", &baseline, NULL, NULL}, {"--target", &target, NULL, NULL},
				{0}};
	int64_t id;
	if (cli_parse_id(c, argc, argv, opts, "The measure", &m.measure_id) < 0 ||
	    optional_number(c, "The baseline", baseline, &m.has_baseline, &m.baseline) < 0 ||
	    optional_number(c, "The target", target, &m.has_target, &m.target) < 0)
		return EXIT_USAGE;
	if (!m.name || !m.kind || !m.direction)
		return cli_usage_error(c, "--name, --kind and --direction are required."), EXIT_USAGE;
	if (cli_open(c) < 0 || metric_add(&c->d, &m, &id, &c->e) < 0)
		return cli_fail(c);
	printf("Added metric %lld to measure %lld: %s\n", (long long)id, (long long)m.measure_id, m.name);
	return EXIT_OK;
}

static int cmd_measure_reading(cli *c, int argc, char **argv)
{
	reading_row r = {0};
	const char *value = NULL, *num = NULL, *den = NULL, *with = NULL;
	const cli_opt opts[] = {{"--date", &r.taken_on, NULL, NULL}, {"--value", &value, NULL, NULL},
				{"--numerator", &num, NULL, NULL}, {"--denominator", &den, NULL, NULL},
				{"--source", &r.source, NULL, NULL}, {"--with", &with, NULL, NULL},
				{"--note", &r.note, NULL, NULL}, {0}};
	int64_t id;
	err e = {0};
	if (cli_parse_id(c, argc, argv, opts, "The metric", &r.metric_id) < 0 ||
	    optional_number(c, "The value", value, &r.has_value, &r.value) < 0)
		return EXIT_USAGE;
	if (!r.taken_on || !r.source)
		return cli_usage_error(c, "--date and --source are required."), EXIT_USAGE;
	if (!num != !den)
		return cli_usage_error(c, "give both --numerator and --denominator, or --value."), EXIT_USAGE;
	if (num) {
		r.has_fraction = true;
		if (measure_whole_parse("The numerator", num, &r.numerator, &e) < 0 ||
		    measure_whole_parse("The denominator", den, &r.denominator, &e) < 0)
			return cli_usage_error(c, "%s", e.msg), EXIT_USAGE;
	}
	if (with && groups_parse("--with", with, &r.groups, &e) < 0)
		return cli_usage_error(c, "%s", e.msg), EXIT_USAGE;
	if (cli_open(c) < 0 || reading_add(&c->d, &r, &id, &c->e) < 0)
		return cli_fail(c);
	metric_row m;
	if (metric_get(&c->d, r.metric_id, &m, &c->e) < 0)
		return cli_fail(c);
	printf("Added reading %lld: %s on %s\n", (long long)id, metric_value_text(&c->mem, &m, r.value),
	       r.taken_on);
	return EXIT_OK;
}

static int cmd_measure_link(cli *c, int argc, char **argv)
{
	bool unlink = false;
	const char *pos[2];
	const cli_opt opts[] = {{"--unlink", NULL, &unlink, NULL}, {0}};
	int64_t a, b;
	if (cli_parse_args(c, argc, argv, opts, pos, 2, "The measure", &a) < 0 ||
	    cli_id(c, "The other measure", pos[1], &b) < 0)
		return EXIT_USAGE;
	if (cli_open(c) < 0 || measure_link(&c->d, a, b, unlink, &c->e) < 0)
		return cli_fail(c);
	printf("%s measures %lld and %lld\n", unlink ? "Unlinked" : "Linked", (long long)a, (long long)b);
	return EXIT_OK;
}

const command measure_commands[] = {
	{"measure catalogue", "the success measures to choose from, with their keys",
	 "Usage: copro measure catalogue [CORNERSTONE] [--json]\n\n"
	 "Lists the catalogue of four-cornerstones-success-measures, per cornerstone\n"
	 "(1 Welcome and Care ... 4 Work in Partnership), with the key to choose each.\n\n"
	 "Example:\n  copro measure catalogue 3\n",
	 cmd_measure_catalogue},
	{"measure examples", "the source's two worked examples of the monitoring grid",
	 "Usage: copro measure examples [--json]\n\nExample:\n  copro measure examples\n",
	 cmd_measure_examples},
	{"measure add", "choose a success measure from the catalogue, or add your own",
	 "Usage: copro measure add ORG --cycle CYCLE (--catalogue KEY | --own TEXT --cornerstone N)\n\n"
	 "  --cycle C          the cycle, for example 2026-27\n"
	 "  --catalogue KEY    a measure of `copro measure catalogue`, for example 1.7\n"
	 "  --own TEXT         your own measure, in your own words\n"
	 "  --cornerstone N    its cornerstone, 1 to 4 (a catalogue key already says it)\n\n"
	 "The same catalogue measure can be chosen once a cycle.\n\n"
	 "Example:\n  copro measure add 1 --cycle 2026-27 --catalogue 1.7\n"
	 "  copro measure add 1 --cycle 2026-27 --cornerstone 4 --own \"Families help plan events\"\n",
	 cmd_measure_add},
	{"measure list", "an organisation's success measures, by cornerstone",
	 "Usage: copro measure list ORG [--cycle C] [--json]\n\nExample:\n  copro measure list 1 --cycle 2026-27\n",
	 cmd_measure_list},
	{"measure show", "one measure: its grid, metrics, readings, where it stands, links",
	 "Usage: copro measure show MEASURE [--json]\n\nExample:\n  copro measure show 3\n",
	 cmd_measure_show},
	{"measure set", "fill in the monitoring grid of a measure",
	 "Usage: copro measure set MEASURE [--improve T] [--know T] [--measuring T] [--evaluation T]\n\n"
	 "  --improve T      what exactly needs to be improved\n"
	 "  --know T         how you will know it has improved, and who is involved\n"
	 "  --measuring T    what you are measuring\n"
	 "  --evaluation T   evaluation: what else needs to happen\n"
	 "Options left out keep what was written.\n\n"
	 "Example:\n  copro measure set 3 --improve \"Staff respond to issues quickly\"\n",
	 cmd_measure_set},
	{"measure metric", "add a metric (a percentage, count or rate) to a measure",
	 "Usage: copro measure metric MEASURE --name N --kind K --direction D [options]\n\n"
	 "  --name N         what is counted, for example \"Formal complaints\"\n"
	 "  --kind K         percentage, count or rate\n"
	 "  --direction D    higher (higher is better) or lower (lower is better)\n"
	 "  --unit U         a rate's unit, for example \"per 100 pupils\" (required for rates)\n"
	 "  --baseline X     where it started\n"
	 "  --target X       where you want it to be\n"
	 "Percentages run from 0 to 100; counts are whole numbers.\n\n"
	 "Example:\n  copro measure metric 3 --name \"Formal complaints\" --kind count --direction lower \\\n"
	 "    --baseline 10 --target 5\n",
	 cmd_measure_metric},
	{"measure reading", "record a dated reading of a metric",
	 "Usage: copro measure reading METRIC --date D (--value X | --numerator N --denominator N)\n"
	 "       --source S [--with GROUPS] [--note T]\n\n"
	 "  --date D         when it was taken, YYYY-MM-DD, not in the future\n"
	 "  --value X        the count, rate or percentage\n"
	 "  --numerator N    for a percentage: how many said yes ...\n"
	 "  --denominator N  ... out of how many (1 or more); the percentage is worked out\n"
	 "  --source S       survey, records, meeting or other\n"
	 "  --with GROUPS    the partner groups it speaks for: cyp, parents, practitioners, all\n"
	 "  --note T         anything to remember about it\n"
	 "A metric has one reading a date; readings may be added in any order.\n\n"
	 "Example:\n  copro measure reading 2 --date 2026-11-15 --numerator 41 --denominator 60 \\\n"
	 "    --source survey --with parents\n",
	 cmd_measure_reading},
	{"measure link", "link two measures (or unlink them with --unlink)",
	 "Usage: copro measure link MEASURE OTHER [--unlink]\n\n"
	 "Links connect measures of one organisation, across cornerstones; a link\n"
	 "shows on both measures.\n\nExample:\n  copro measure link 3 5\n",
	 cmd_measure_link},
	{0},
};
