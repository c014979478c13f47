/* project_step.c: one step of a project
 * (/org/{org}/project/{project}/step/{step}): what the model asks, what is
 * recorded, and the form where contributors record it (done, date, note,
 * the check questions' answers, evidence from the library). */
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "web/pages/project_common.h"

static const char *answer_label(const char *answer)
{
	static const char *const answers[] = {"yes", "Yes", "partly", "Partly", "no", "No", NULL};
	return answer ? pair_label(answers, answer, answer) : "Not answered";
}

static const char *step_path(request *r, const proj_page *pg)
{
	return arena_printf(&r->mem, "%s/step/%s", project_url(r, pg->p.project.id), pg->sp->step->key);
}

static bool evidence_linked(const project_step_progress *sp, int64_t id)
{
	for (size_t i = 0; i < sp->n_evidence; i++)
		if (sp->evidence[i].evidence_id == id)
			return true;
	return false;
}

/* What is recorded, as every reader sees it. */
static void step_summary(request *r, const proj_page *pg)
{
	const project_step_progress *sp = pg->sp;
	htmlf(&r->out, "<dl class=\"govuk-summary-list\">");
	summary_row_open(r, "Done");
	project_done_tag(r, sp);
	htmlf(&r->out, "</dd></div>");
	summary_row_open(r, "Date done");
	htmlf(&r->out, "%t</dd></div>", sp->done_on ? date_words(r, sp->done_on) : "Not given");
	summary_row_open(r, "Note");
	text_paragraphs(r, sp->note, "None");
	htmlf(&r->out, "</dd></div>");
	summary_row_open(r, "Evidence");
	if (!sp->n_evidence)
		htmlf(&r->out, "None linked");
	else
		htmlf(&r->out, "<ul class=\"govuk-list\">");
	for (size_t i = 0; i < sp->n_evidence; i++)
		htmlf(&r->out, "<li><a class=\"govuk-link\" href=\"/org/%D/evidence/%D\">%t</a> (%t)</li>",
		     r->org, sp->evidence[i].evidence_id, sp->evidence[i].title,
		     date_words(r, sp->evidence[i].evidence_date));
	htmlf(&r->out, "%R</dd></div></dl>", sp->n_evidence ? "</ul>" : "");
}

static void questions_read_only(request *r, const project_step_progress *sp)
{
	for (size_t q = 0; q < sp->n_questions; q++) {
		const project_question *pq = &sp->questions[q];
		htmlf(&r->out, "<h3 class=\"govuk-heading-s\">%t</h3>",
		     pq->item->text ? pq->item->text : "");
		gap_note(r, pq->item->gap);
		source_note(r, pq->item->note);
		htmlf(&r->out, "<dl class=\"govuk-summary-list\">");
		summary_row_open(r, "Answer");
		htmlf(&r->out, "%t</dd></div>", answer_label(pq->answer));
		summary_row_open(r, "Note");
		text_paragraphs(r, pq->note, "None");
		htmlf(&r->out, "</dd></div></dl>");
	}
}

static const char *answer_field(request *r, const project_question *pq, bool note)
{
	return arena_printf(&r->mem, "answer-%s%s", pq->item->key, note ? "-note" : "");
}

/* Done: yes or no, then the date it was done. Plain radios and a plain
 * field rather than GOV.UK's conditional reveal: that pattern puts
 * aria-expanded on a radio, which ARIA 1.2 does not allow, and the date is
 * simply ignored when "no" is chosen. */
static void done_fields(request *r, const project_step_progress *sp, bool keep,
			const form_errors *fe)
{
	static const char *const options[] = {"yes", "Yes", "no", "No", NULL};
	const char *chosen = keep ? form_get(r, "done") : sp->saved ? (sp->done ? "yes" : "no") : NULL;
	form_radios(r, "done", "Done", options, chosen,
		    "Has this step been done with the people involved?", fe);
	form_date(r, "done_on", "Date done (optional)", keep ? NULL : sp->done_on,
		  "If it is done: the day it was done, today or before. For example, 15 10 2026", fe);
}

static void question_fields(request *r, const project_step_progress *sp, bool keep,
			    const form_errors *fe)
{
	static const char *const answers[] = {"yes", "Yes", "partly", "Partly", "no", "No", NULL};
	for (size_t q = 0; q < sp->n_questions; q++) {
		const project_question *pq = &sp->questions[q];
		const char *field = answer_field(r, pq, false), *note = answer_field(r, pq, true);
		gap_note(r, pq->item->gap);
		source_note(r, pq->item->note);
		form_radios(r, field, pq->item->text ? pq->item->text : GAP_SHORT,
			    answers, keep ? form_get(r, field) : pq->answer, NULL, fe);
		const char *msg = form_group_begin(r, note, fe);
		htmlf(&r->out, "<label class=\"govuk-label\" for=\"%a\">Note on this answer (optional)"
			      "<span class=\"govuk-visually-hidden\">: %t</span></label>",
		     note, pq->item->text ? pq->item->text : "");
		form_error_message(r, note, msg);
		htmlf(&r->out, "<textarea class=\"govuk-textarea%R\" id=\"%a\" name=\"%a\" rows=\"3\">%t</textarea></div>",
		     msg ? " govuk-textarea--error" : "", note, note, keep ? form_get(r, note) : pq->note);
	}
}

static void evidence_fields(request *r, const proj_page *pg, const evidence_list *library,
			    bool keep, const form_errors *fe)
{
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"evidence-heading\">Evidence</h2>");
	if (!library->n) {
		htmlf(&r->out, "<p class=\"govuk-body\">Your <a class=\"govuk-link\" href=\"/org/%D/evidence\">evidence library</a> "
			      "is empty. Evidence is added to it from a self-evaluation statement.</p>", r->org);
		return;
	}
	const char **opts = ARENA_ARRAY(&r->mem, 2 * library->n + 1, opts);
	bool *checked = ARENA_ARRAY(&r->mem, library->n, checked);
	const char **ticked = keep ? form_get_all(r, "evidence") : NULL;
	for (size_t i = 0; i < library->n; i++) {
		const evidence_row *ev = &library->items[i];
		opts[2 * i] = arena_printf(&r->mem, "%lld", (long long)ev->id);
		opts[2 * i + 1] = arena_printf(&r->mem, "%s (%s)", ev->title, date_words(r, ev->date));
		checked[i] = !keep && evidence_linked(pg->sp, ev->id);
		for (const char **t = ticked; t && *t; t++)
			checked[i] |= !strcmp(*t, opts[2 * i]);
	}
	opts[2 * library->n] = NULL;
	form_checkboxes(r, "evidence", "Evidence from your library for this step", opts, checked,
			"Tick the evidence that shows this step was done. Untick an item to unlink it.", fe);
}

/* The page; `fe` holds a refused form's problems, whose values it keeps. */
static int step_render(request *r, const proj_page *pg, const form_errors *fe)
{
	const project_step_progress *sp = pg->sp;
	bool has_errors = fe && fe->n;
	evidence_list library = {0};
	err e = {0};
	bool form = r->access >= ACCESS_CONTRIBUTE;
	if (form && evidence_of_org(&r->d, r->org, &library, &e) < 0)
		return page_error(r, &e);
	page_begin(r, arena_printf(&r->mem, "Step %s: %s - %s",
				   sp->step->key, pg->p.project.title, pg->org.name));
	project_breadcrumbs(r, pg);
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
	form_error_summary(r, fe);
	project_changed_notice(r, pg);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t: %t</span><h1 class=\"govuk-heading-l\">Step %t: %t</h1>",
	     pg->p.project.title, sp->step->section ? sp->step->section->title : pg->p.fw->title,
	     sp->step->key, sp->step->title);
	if (sp->step->description && *sp->step->description)
		htmlf(&r->out, "<p class=\"govuk-body-l\">%t</p>", sp->step->description);
	gap_note(r, sp->step->gap);
	step_summary(r, pg);
	if (!form) {
		if (sp->n_questions) {
			htmlf(&r->out, "<h2 class=\"govuk-heading-m\">Check questions</h2>");
			questions_read_only(r, sp);
		}
		htmlf(&r->out, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"%a\">Back to the project</a></p></div></div>",
		     project_url(r, pg->p.project.id));
		page_end(r);
		return 200;
	}
	htmlf(&r->out, "<hr class=\"govuk-section-break govuk-section-break--l govuk-section-break--visible\">"
		      "<h2 class=\"govuk-heading-l\">Record this step</h2>"
		      "<form method=\"post\" action=\"%a\" novalidate>", step_path(r, pg));
	form_csrf(r);
	done_fields(r, sp, has_errors, fe);
	form_textarea(r, "note", "Note (optional)", has_errors ? form_get(r, "note") : sp->note,
		      "What happened, who took part and what changed.", fe);
	if (sp->n_questions) {
		htmlf(&r->out, "<h2 class=\"govuk-heading-m\">Check questions</h2>");
		question_fields(r, sp, has_errors, fe);
	}
	evidence_fields(r, pg, &library, has_errors, fe);
	htmlf(&r->out, "<div class=\"govuk-button-group\">");
	form_button(r, "Save step");
	htmlf(&r->out, "<a class=\"govuk-link\" href=\"%a\">Cancel</a></div></form></div></div>",
	     project_url(r, pg->p.project.id));
	page_end(r);
	return 200;
}

/* ROUTE: GET /org/{org}/project/{project}/step/{step} (viewer) */
static int page_step(request *r)
{
	proj_page pg;
	int st = project_page_load(r, &pg, true);
	if (st)
		return st;
	st = step_render(r, &pg, NULL);
	return st;
}

/* The answers posted for the step's questions; an unanswered question
 * stays as it was. */
static project_answer_change *answers_read(request *r, const project_step_progress *sp,
					   size_t *n, form_errors *fe)
{
	project_answer_change *out = ARENA_ARRAY(&r->mem, sp->n_questions, out);
	*n = 0;
	for (size_t q = 0; q < sp->n_questions; q++) {
		const project_question *pq = &sp->questions[q];
		const char *field = answer_field(r, pq, false), *note_field = answer_field(r, pq, true);
		const char *answer = form_get(r, field);
		const char *note = form_get(r, note_field) ? form_get(r, note_field) : "";
		err e = {0};
		if (text_check_long("The note", note, false, &e) < 0) {
			form_error_add(fe, note_field, sentence(r, e.msg));
			continue;
		}
		if (text_blank(answer)) {
			if (*note)
				form_error_add(fe, field, "Select yes, partly or no for this question, to save its note");
			continue;
		}
		if (strcmp(answer, "yes") && strcmp(answer, "partly") && strcmp(answer, "no")) {
			form_error_add(fe, field, "Select yes, partly or no");
			continue;
		}
		out[(*n)++] = (project_answer_change){pq->item->key, answer, note};
	}
	return out;
}

/* The ticked evidence against the library and what is linked now: the
 * items to link and to unlink. -1 when something ticked is not in the
 * library, -2 when the library cannot be read. */
static int evidence_read(request *r, const proj_page *pg, project_step_change *c, err *e)
{
	evidence_list library;
	if (evidence_of_org(&r->d, r->org, &library, e) < 0)
		return -2;
	const char **ticked = form_get_all(r, "evidence");
	size_t n = 0;
	while (ticked[n])
		n++;
	int64_t *link = ARENA_ARRAY(&r->mem, n, link);
	int64_t *unlink = ARENA_ARRAY(&r->mem, pg->sp->n_evidence, unlink);
	int64_t *ids = ARENA_ARRAY(&r->mem, n, ids);
	for (size_t i = 0; i < n; i++) {
		char *end;
		long long id = strtoll(ticked[i], &end, 10);
		bool known = false;
		for (size_t k = 0; !*end && k < library.n && !known; k++)
			known = library.items[k].id == id;
		if (!known)
			return -1;
		ids[i] = id;
		if (!evidence_linked(pg->sp, id))
			link[c->n_link++] = id;
	}
	for (size_t i = 0; i < pg->sp->n_evidence; i++) {
		bool kept = false;
		for (size_t k = 0; k < n && !kept; k++)
			kept = ids[k] == pg->sp->evidence[i].evidence_id;
		if (!kept)
			unlink[c->n_unlink++] = pg->sp->evidence[i].evidence_id;
	}
	c->link = link;
	c->unlink = unlink;
	return 0;
}

static int step_refuse(request *r, proj_page *pg, const form_errors *fe)
{
	int st = step_render(r, pg, fe);
	return st == 200 ? 400 : st;
}

/* ROUTE: POST /org/{org}/project/{project}/step/{step} (contributor) */
static int page_step_post(request *r)
{
	proj_page pg;
	int st = project_page_load(r, &pg, true);
	if (st)
		return st;
	form_errors fe = {0};
	err e = {0};
	const char *done = form_get(r, "done");
	const char *note = form_get(r, "note") ? form_get(r, "note") : "";
	project_step_change c = {.note = note};
	if (done && !strcmp(done, "yes"))
		c.done = 1;
	else if (done && !strcmp(done, "no"))
		c.done = 0;
	else
		form_error_add(&fe, "done", "Select yes if this step is done, or no if it is not");
	/* The date belongs to "yes"; with "no" it is cleared. */
	const char *date = c.done != 1 ? NULL
		: form_date_posted(r, "done_on", &(date_rule){"the date done", false, DATE_PAST}, &fe);
	c.done_on = date ? date : "";
	if (text_check_long("The note", note, false, &e) < 0)
		form_error_add(&fe, "note", sentence(r, e.msg));
	c.answers = answers_read(r, pg.sp, &c.n_answers, &fe);
	int ev = evidence_read(r, &pg, &c, &e);
	if (ev == -2)
		return page_error(r, &e);
	if (ev < 0)
		form_error_add(&fe, "evidence", "Select evidence from your organisation's library");
	if (fe.n)
		return step_refuse(r, &pg, &fe);
	if (project_step_save(&r->d, pg.p.project.id, pg.sp->step->key, &c, &e) < 0) {
		if (e.kind == ERR_INPUT || e.kind == ERR_NOTFOUND) {
			form_error_add(&fe, "done", sentence(r, e.msg));
			return step_refuse(r, &pg, &fe);
		}
		return page_error(r, &e);
	}
	const char *key = arena_strdup(&r->mem, pg.sp->step->key);
	int64_t id = pg.p.project.id;
	if (page_log(r, arena_printf(&r->mem, "recorded step %s of project %lld (%s)", key, (long long)id,
				     c.done ? "done" : "not done")) < 0)
		return page_error(r, &r->e);
	return web_redirect(r, arena_printf(&r->mem, "%s?saved=%s#steps", project_url(r, id), key));
}

const route project_step_routes[] = {
	{"GET", "/org/{org}/project/{project}/step/{step}", page_step, 0, ACCESS_VIEW},
	{"POST", "/org/{org}/project/{project}/step/{step}", page_step_post, ROUTE_POST,
	 ACCESS_CONTRIBUTE},
	{0},
};
