/* gold.c: Charter Gold readiness (/org/{org}/evaluation/{evaluation}/readiness):
 * copro's reading of seed 001's guidance on Gold, per cornerstone with each
 * statement's details folded, every gap linking to the page that fixes it;
 * the assessor's comments and decision. gold_review.c holds the assessor's
 * forms. */
#include <string.h>

#include "domain/gold.h"
#include "web/pages/evaluation_page.h"
#include "web/pages/gold_page.h"

const char *gold_path(request *r)
{
	return arena_printf(&r->mem, "/org/%lld/evaluation/%lld/readiness", (long long)r->org,
			    (long long)param_id(r, 1));
}

/* The partner groups missing from `groups`, in words ("" when none). */
static const char *groups_missing(request *r, int groups)
{
	const int all = GROUP_CYP | GROUP_PARENTS | GROUP_PRACTITIONERS;
	return (groups & all) == all ? "" : groups_describe(&r->mem, all & ~groups);
}

void gold_decision_panel(request *r, const gold_decision_list *decisions)
{
	if (!decisions->n)
		return;
	const gold_decision_row *d = &decisions->items[0];
	if (!strcmp(d->decision, "awarded"))
		htmlf(&r->out, "<div class=\"govuk-panel govuk-panel--confirmation copro-gold-panel\">"
			      "<h2 class=\"govuk-panel__title\">Charter Gold awarded</h2><div class=\"govuk-panel__body\">"
			      "on %t by %t, the assessor. Reaccreditation is due by %t.</div></div>",
		     date_words(r, d->decided_on), d->assessor, date_words(r, d->due_on));
	else
		htmlf(&r->out, "<div class=\"govuk-inset-text\"><h2 class=\"govuk-heading-m\">Charter Gold: not yet</h2>"
			      "<p class=\"govuk-body\">Decided on %t by %t, the assessor, who gave these reasons:</p>",
		     date_words(r, d->decided_on), d->assessor);
	if (strcmp(d->decision, "awarded")) {
		text_paragraphs(r, d->reasons, NULL);
		htmlf(&r->out, "</div>");
	}
}

static void intro(request *r, const gold_readiness *g)
{
	htmlf(&r->out, "<div class=\"govuk-warning-text\"><span class=\"govuk-warning-text__icon\" aria-hidden=\"true\">!</span>"
		      "<strong class=\"govuk-warning-text__text\"><span class=\"govuk-visually-hidden\">Warning</span>"
		      "This page is copro's reading of the tool's guidance, not an award. Only an assessor decides "
		      "whether Charter Gold is awarded.</strong></div>"
		      "<p class=\"govuk-body\">The Four Cornerstones Self-Evaluation Tool says, in &ldquo;How to use&rdquo;:</p>"
		      "<blockquote class=\"govuk-inset-text copro-quote\"><p class=\"govuk-body\">&ldquo;For schools, settings, "
		      "providers and services seeking Gold Accreditation most, if not all, of the examples will be "
		      "evidenced and more indicators are likely to be included. The quality of this evidence will help "
		      "in determining whether Gold Accreditation is achievable.&rdquo;</p></blockquote>"
		      "<p class=\"govuk-body\">copro counts, for each statement, the examples without evidence, evidence "
		      "dated before %t (older than %d years, your area's setting) or carried forward from the cycle "
		      "before and not re-confirmed, partner groups missing from the evidence or the judgement, and a "
		      "judgement not complete. These are copro's checks, not the tool's.</p>",
	     date_words(r, g->old_before), g->settings.evidence_years);
	htmlf(&r->out, "<dl class=\"govuk-summary-list\">");
	summary_row_text(r, "Examples with evidence", arena_printf(&r->mem, "%zu of %zu", g->examples_evidenced, g->examples));
	summary_row_text(r, "Your own indicators", arena_printf(&r->mem, "%zu", g->own));
	summary_row_text(r, "Old evidence", arena_printf(&r->mem, "%zu", g->old));
	summary_row_text(r, "Carried forward, not re-confirmed", arena_printf(&r->mem, "%zu", g->unconfirmed));
	summary_row_text(r, "Statements without gaps", arena_printf(&r->mem, "%zu of %zu", g->statements_clear,
								    g->progress.elements));
	htmlf(&r->out, "</dl>");
}

/* A link to the page that fixes a gap, for whoever may use that page. */
static void fix_link(request *r, enum access need, const char *href, const char *text)
{
	if (r->assessor || r->access < need)
		return;
	htmlf(&r->out, " <a class=\"govuk-link copro-print-hide\" href=\"%a\">%t</a>", href, text);
}

static void statement_examples(request *r, const gold_statement *st, const char *spath)
{
	size_t missing = st->examples - st->examples_evidenced;
	htmlf(&r->out, "<p class=\"govuk-body\">%z of %z examples have evidence.", st->examples_evidenced, st->examples);
	if (st->own)
		htmlf(&r->out, " %z of your %z own indicators have evidence.", st->own_evidenced, st->own);
	else
		fix_link(r, ACCESS_LEAD, arena_printf(&r->mem, "%s/indicator", spath), "Add your own indicator");
	htmlf(&r->out, "</p>");
	if (!missing)
		return;
	htmlf(&r->out, "<p class=\"govuk-body\">Examples without evidence:");
	fix_link(r, ACCESS_CONTRIBUTE, arena_printf(&r->mem, "%s/link", spath), "Link evidence");
	htmlf(&r->out, "</p><ul class=\"govuk-list govuk-list--bullet\">");
	for (size_t i = 0; i < st->progress->n_indicators; i++) {
		const indicator_progress *ip = &st->progress->indicators[i];
		if (!ip->own && !ip->evidence)
			htmlf(&r->out, "<li>%t: %t</li>", ip->key, ip->text);
	}
	htmlf(&r->out, "</ul>");
}

static void statement_evidence(request *r, const gold_statement *st, const char *spath)
{
	if (!st->n_evidence)
		return;
	htmlf(&r->out, "<p class=\"govuk-body\">Evidence:</p><ul class=\"govuk-list\">");
	for (size_t i = 0; i < st->n_evidence; i++) {
		const gold_evidence *ge = &st->evidence[i];
		htmlf(&r->out, "<li><a class=\"govuk-link\" href=\"/org/%D/evidence/%D\">%t</a>, %t",
		     r->org, ge->row.id, ge->row.title, date_words(r, ge->row.date));
		if (ge->old) {
			htmlf(&r->out, " <strong class=\"govuk-tag govuk-tag--orange\">Old</strong>");
			fix_link(r, ACCESS_CONTRIBUTE, arena_printf(&r->mem, "/org/%lld/evidence/%lld/edit",
								    (long long)r->org, (long long)ge->row.id),
				 "Bring it up to date");
		}
		if (ge->unconfirmed) {
			htmlf(&r->out, " <strong class=\"govuk-tag govuk-tag--yellow\">Not re-confirmed</strong>");
			fix_link(r, ACCESS_CONTRIBUTE, arena_printf(&r->mem, "%s#carried", spath), "Re-confirm it");
		}
		htmlf(&r->out, "</li>");
	}
	htmlf(&r->out, "</ul>");
}

static void statement_partners(request *r, const gold_statement *st, const char *spath)
{
	const char *ev = groups_missing(r, st->evidence_groups), *ju = groups_missing(r, st->judgement_groups);
	htmlf(&r->out, "<p class=\"govuk-body\">Partner groups in the evidence: %t.%t%t",
	     groups_describe(&r->mem, st->evidence_groups), *ev ? " Missing: " : "", ev);
	htmlf(&r->out, "</p><p class=\"govuk-body\">In the judgement (%t): %t.%t%t",
	     statement_status_label(st->progress->review.status), groups_describe(&r->mem, st->judgement_groups),
	     *ju ? " Missing: " : "", ju);
	if (*ju || strcmp(st->progress->review.status, "complete"))
		fix_link(r, ACCESS_LEAD, arena_printf(&r->mem, "%s/review", spath), "Record the judgement");
	htmlf(&r->out, "</p>");
	for (size_t i = 0; i < st->n_views; i++) {
		const gold_views *v = &st->views[i];
		htmlf(&r->out, "<p class=\"govuk-body\">Partners' views in &ldquo;%t&rdquo;: %t.", v->title,
		     v->agreed ? "an agreed view is recorded" : "no agreed view yet");
		if (!r->assessor)
			htmlf(&r->out, " <a class=\"govuk-link\" href=\"/org/%D/views/%D/results/%u\">See the results</a>",
			     r->org, v->round, st->progress->element->key);
		htmlf(&r->out, "</p>");
	}
}

static void statement_details(request *r, const gold_statement *st)
{
	const fw_element *el = st->progress->element;
	const char *spath = arena_printf(&r->mem, "/org/%lld/evaluation/%lld/statement/%s", (long long)r->org,
					 (long long)param_id(r, 1), el->key);
	htmlf(&r->out, "<details class=\"govuk-details\" id=\"s-%a\"><summary class=\"govuk-details__summary\">"
		      "<span class=\"govuk-details__summary-text\">%t %t: %t</span></summary><div class=\"govuk-details__text\">",
	     el->key, el->key, el->title,
	     st->gaps ? arena_printf(&r->mem, "%zu gap%s", st->gaps, st->gaps == 1 ? "" : "s") : "no gaps");
	statement_examples(r, st, spath);
	statement_evidence(r, st, spath);
	statement_partners(r, st, spath);
	htmlf(&r->out, "<p class=\"govuk-body copro-print-hide\"><a class=\"govuk-link\" href=\"%a\">Open the statement</a></p>", spath);
	if (st->comment) {
		htmlf(&r->out, "<h3 class=\"govuk-heading-s\">The assessor's comment</h3>");
		text_paragraphs(r, st->comment->comment, NULL);
	}
	if (r->assessor)
		htmlf(&r->out, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"%a/comment/%u\">%t"
			      "<span class=\"govuk-visually-hidden\"> on statement %t</span></a></p>",
		     gold_path(r), el->key, st->comment ? "Change your comment" : "Comment", el->key);
	htmlf(&r->out, "</div></details>");
}

static void cornerstone(request *r, const gold_readiness *g, const gold_cornerstone *c)
{
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">%t</h2><p class=\"govuk-body\">%z of %z examples with "
		      "evidence; %z of %z statements without gaps.",
	     eval_section_name(r, g->progress.fw, c->section), c->examples_evidenced, c->examples,
	     c->statements_clear, c->n_statements);
	if (c->old || c->unconfirmed)
		htmlf(&r->out, " %z old, %z not re-confirmed.", c->old, c->unconfirmed);
	const char *missing = groups_missing(r, c->evidence_groups);
	if (*missing)
		htmlf(&r->out, " No evidence with %t.", missing);
	htmlf(&r->out, "</p>");
	for (size_t i = 0; i < c->n_statements; i++)
		statement_details(r, &c->statements[i]);
}

/* ROUTE: GET /org/{org}/evaluation/{evaluation}/readiness (viewer) */
static int page_readiness(request *r)
{
	gold_readiness g;
	err e = {0};
	evaluation_row ev;
	if (evaluation_get_in_org(&r->d, r->org, param_id(r, 1), &ev, &e) < 0)
		return page_lookup_failed(r, &e);
	if (gold_readiness_load(&r->d, ev.id, &g, &e) < 0)
		return page_error(r, &e);
	page_begin(r, "Charter Gold readiness");
	const char *eval_name = arena_printf(&r->mem, "%s, %s", g.progress.fw->title, ev.cycle);
	const char *links[] = {arena_printf(&r->mem, "/org/%lld/evaluation/%lld", (long long)r->org, (long long)ev.id),
			       eval_name, NULL};
	breadcrumbs_org(r, g.org.name, links, "Charter Gold readiness");
	const char *saved = query_get(r, "saved");
	if (saved)
		notice_success(r, !strcmp(saved, "decision") ? "Your decision has been recorded"
							     : "Your comment has been saved");
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t, %t</span><h1 class=\"govuk-heading-l\">Charter Gold readiness</h1>",
	     g.org.name, ev.cycle);
	gold_decision_panel(r, &g.decisions);
	if (r->assessor)
		htmlf(&r->out, "<p class=\"govuk-body\">You are this self-evaluation's assessor until %t. Comment on "
			      "statements below, then <a class=\"govuk-link\" href=\"%a/decision\">record your decision</a>.</p>",
		     date_words(r, r->assessor->until), gold_path(r));
	intro(r, &g);
	for (size_t c = 0; c < g.n_cornerstones; c++)
		cornerstone(r, &g, &g.cornerstones[c]);
	page_end(r);
	return 200;
}

const route gold_routes[] = {
	{"GET", "/org/{org}/evaluation/{evaluation}/readiness", page_readiness, 0, ACCESS_VIEW},
	{NULL, NULL, NULL, 0, ACCESS_NONE},
};
