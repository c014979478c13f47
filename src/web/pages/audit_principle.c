/* audit_principle.c: one principle of an audit
 * (/org/{org}/audit/{audit}/principle/{principle}): its commitments,
 * indicator and levels as the source words them, and the judgement a
 * contributor records (level, score, notes, evidence from the library). */
#include <ctype.h>
#include <string.h>

#include "core/text.h"
#include "web/pages/audit_common.h"

static audit_principle_view *find_principle(audit_view *v, const char *key)
{
	for (size_t i = 0; key && i < v->n_principles; i++)
		if (!strcmp(v->principles[i].principle->key, key))
			return &v->principles[i];
	return NULL;
}

static const char *scale_words(request *r, const audit_settings *s)
{
	return arena_printf(&r->mem, "a whole number from %d to %d", s->score_min, s->score_max);
}

typedef struct principle_values {
	const char *level, *score, *notes;
	bool *linked;                   /* per item of the library */
} principle_values;

static void level_radios(request *r, const audit_principle_view *pv, const char *selected,
			 const form_errors *fe)
{
	const fw_element *ind = pv->indicator;
	size_t n = ind ? ind->n_levels : 0;
	audit_choice *c = ARENA_ARRAY(&r->mem, n, c);
	for (size_t i = 0; i < n; i++)
		c[i] = (audit_choice){.value = ind->levels[i].key, .label = ind->levels[i].title,
				.hint = ind->levels[i].text, .gap = ind->levels[i].gap};
	audit_choice_radios(r, "level", "Level", c, n, selected,
		      "Choose the level that best describes the service. Each level's description is from York's framework.",
		      fe);
}

static void evidence_boxes(request *r, const evidence_list *library, const bool *linked,
			   const form_errors *fe)
{
	htmlf(&r->out, "<input type=\"hidden\" name=\"evidence-shown\" value=\"1\">");
	if (!library->n) {
		htmlf(&r->out, "<h2 class=\"govuk-heading-s\">Evidence from the library</h2>"
			      "<p class=\"govuk-body\">Your evidence library is empty. "
			      "<a class=\"govuk-link\" href=\"/org/%D/evidence\">Go to the evidence library</a>.</p>", r->org);
		return;
	}
	const char **options = ARENA_ARRAY(&r->mem, 2 * library->n + 1, options);
	for (size_t i = 0; i < library->n; i++) {
		const evidence_row *ev = &library->items[i];
		options[2 * i] = arena_printf(&r->mem, "%lld", (long long)ev->id);
		options[2 * i + 1] = arena_printf(&r->mem, "%s (%s)", ev->title, date_words(r, ev->date));
	}
	form_checkboxes(r, "evidence", "Evidence from the library", options, linked,
			"Select the evidence that supports this judgement.", fe);
}

static void principle_form(request *r, const audit_view *v, const audit_principle_view *pv,
			   const evidence_list *library, const principle_values *pvals,
			   const form_errors *fe)
{
	const char *path = arena_printf(&r->mem, "%s/principle/%s", audit_url(r, r->org, v->audit.id),
					pv->principle->key);
	htmlf(&r->out, "<form method=\"post\" action=\"%a\" novalidate>", path);
	form_csrf(r);
	level_radios(r, pv, pvals->level, fe);
	form_input(r, "score", audit_title_or(v, "score", "Score"), pvals->score, fe,
		   &(input_opts){.hint = arena_printf(&r->mem, "Optional: %s. York's framework gives no scale for the score; this is your area's local scale.",
						      scale_words(r, &v->settings)),
				 .width = "3", .type = "text"});
	form_textarea(r, "notes", audit_title_or(v, "notes-evidence", "Notes or evidence"), pvals->notes,
		      NULL, fe);
	evidence_boxes(r, library, pvals->linked, fe);
	htmlf(&r->out, "<div class=\"govuk-button-group\">");
	form_button(r, "Save");
	htmlf(&r->out, "<a class=\"govuk-link\" href=\"%a#principle-%a\">Cancel</a></div></form>",
	     audit_url(r, r->org, v->audit.id), pv->principle->key);
}

/* Previous and next principle, as GOV.UK pagination. */
static void principle_pagination(request *r, const audit_view *v, const audit_principle_view *pv)
{
	size_t at = (size_t)(pv - v->principles);
	const char *base = audit_url(r, r->org, v->audit.id);
	const char *term = audit_principle_term(r, v->fw);
	/* Mid-sentence in "Next principle: Principle 2", the word is lower case. */
	char *word = arena_strdup(&r->mem, term);
	word[0] = (char)tolower((unsigned char)word[0]);
	htmlf(&r->out, "<nav class=\"govuk-pagination govuk-pagination--block\" aria-label=\"Principles\">");
	if (at > 0) {
		const fw_section *s = v->principles[at - 1].principle;
		htmlf(&r->out, "<div class=\"govuk-pagination__prev\"><a class=\"govuk-link govuk-pagination__link\" href=\"%a/principle/%u\" rel=\"prev\">"
			      "<span class=\"govuk-pagination__link-title\">Previous<span class=\"govuk-visually-hidden\"> %t</span></span>"
			      "<span class=\"govuk-visually-hidden\">:</span><span class=\"govuk-pagination__link-label\">%t %t</span></a></div>",
		     base, s->key, word, term, s->key);
	}
	if (at + 1 < v->n_principles) {
		const fw_section *s = v->principles[at + 1].principle;
		htmlf(&r->out, "<div class=\"govuk-pagination__next\"><a class=\"govuk-link govuk-pagination__link\" href=\"%a/principle/%u\" rel=\"next\">"
			      "<span class=\"govuk-pagination__link-title\">Next<span class=\"govuk-visually-hidden\"> %t</span></span>"
			      "<span class=\"govuk-visually-hidden\">:</span><span class=\"govuk-pagination__link-label\">%t %t</span></a></div>",
		     base, s->key, word, term, s->key);
	}
	htmlf(&r->out, "</nav>");
}

static void render_principle(request *r, const audit_view *v, const audit_principle_view *pv,
			     const evidence_list *library, const principle_values *pvals,
			     const form_errors *fe)
{
	const fw_section *s = pv->principle;
	bool can_edit = !strcmp(v->audit.status, "draft") && r->access >= ACCESS_CONTRIBUTE;
	const char *term = audit_principle_term(r, v->fw);
	page_begin(r, arena_printf(&r->mem, "%s %s - %s", term, s->key,
				   v->org.name));
	audit_breadcrumbs(r, v, arena_printf(&r->mem, "%s %s", term, s->key));
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
	form_error_summary(r, fe);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t %t</span><h1 class=\"govuk-heading-l\">%t</h1>",
	     term, s->key, s->title);
	gap_note(r, s->gap);
	if (pv->n_commitments && v->fw->label_commitments)
		htmlf(&r->out, "<h2 class=\"govuk-heading-s govuk-!-margin-bottom-2\">%t</h2>",
		     v->fw->label_commitments);
	audit_area_comment(r, pv);
	audit_commitments(r, pv);
	audit_indicator(r, pv);
	easy_read_details(r, pv->indicator ? pv->indicator->easy_read : NULL);
	if (can_edit) {
		principle_form(r, v, pv, library, pvals, fe);
	} else {
		if (strcmp(v->audit.status, "draft") != 0)
			htmlf(&r->out, "<div class=\"govuk-inset-text\">This audit is %t, so it can no longer change here.</div>",
			     audit_status_label(v->audit.status));
		htmlf(&r->out, "<h2 class=\"govuk-heading-m\">Levels</h2><dl class=\"govuk-summary-list\">");
		for (size_t i = 0; pv->indicator && i < pv->indicator->n_levels; i++) {
			const fw_item *l = &pv->indicator->levels[i];
			bool chosen = pv->row.level && !strcmp(pv->row.level, l->key);
			summary_row_open(r, l->title);
			htmlf(&r->out, "<p class=\"govuk-body\">%R%t", chosen ? "<strong class=\"govuk-tag govuk-tag--green\">Chosen</strong> " : "",
			     l->text ? l->text : "");
			htmlf(&r->out, "</p>");
			gap_note(r, l->gap);
			htmlf(&r->out, "</dd></div>");
		}
		htmlf(&r->out, "</dl><dl class=\"govuk-summary-list\">");
		summary_row_open(r, audit_title_or(v, "score", "Score"));
		if (pv->row.score != AUDIT_NO_SCORE)
			htmlf(&r->out, "%d (on this area's scale of %d to %d)", pv->row.score,
			     v->settings.score_min, v->settings.score_max);
		else
			htmlf(&r->out, "Not given");
		htmlf(&r->out, "</dd></div>");
		summary_row_open(r, audit_title_or(v, "notes-evidence", "Notes or evidence"));
		text_paragraphs(r, pv->row.notes, "None written");
		htmlf(&r->out, "</dd></div>");
		summary_row_open(r, "Evidence from the library");
		for (size_t i = 0; i < pv->n_evidence; i++)
			htmlf(&r->out, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/org/%D/evidence/%D\">%t</a></p>",
			     r->org, pv->evidence[i].evidence_id,
			     pv->evidence[i].title ? pv->evidence[i].title : "Evidence");
		if (!pv->n_evidence)
			htmlf(&r->out, "None linked");
		htmlf(&r->out, "</dd></div></dl>");
	}
	principle_pagination(r, v, pv);
	htmlf(&r->out, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"%a#principle-%a\">Back to the whole audit</a></p></div></div>",
	     audit_url(r, r->org, v->audit.id), s->key);
	page_end(r);
}

static bool *linked_saved(request *r, const audit_principle_view *pv, const evidence_list *library)
{
	bool *linked = ARENA_ARRAY(&r->mem, library->n, linked);
	for (size_t i = 0; i < library->n; i++)
		for (size_t k = 0; k < pv->n_evidence; k++)
			linked[i] |= pv->evidence[k].evidence_id == library->items[i].id;
	return linked;
}

/* Loads the audit and the principle in the URL; 0 or an error page's status. */
static int load_principle(request *r, audit_view *v, audit_principle_view **pv,
			  evidence_list *library)
{
	int st = audit_page_load(r, v);
	if (st)
		return st;
	*pv = find_principle(v, param_named(r, "principle"));
	err e = {0};
	if (!*pv)
		return page_not_found(r);
	if (evidence_of_org(&r->d, r->org, library, &e) < 0)
		return audit_page_error(r, &e);
	return 0;
}

/* ROUTE: GET /org/{org}/audit/{audit}/principle/{principle} (viewer) */
static int page_principle(request *r)
{
	audit_view v;
	audit_principle_view *pv;
	evidence_list library;
	int st = load_principle(r, &v, &pv, &library);
	if (st)
		return st;
	principle_values pvals = {.level = pv->row.level, .notes = pv->row.notes,
				  .linked = linked_saved(r, pv, &library)};
	if (pv->row.score != AUDIT_NO_SCORE)
		pvals.score = arena_printf(&r->mem, "%d", pv->row.score);
	render_principle(r, &v, pv, &library, &pvals, NULL);
	return 200;
}

/* The ticked evidence, each checked against the library; false when one
 * is not the organisation's. */
static bool evidence_posted(request *r, const evidence_list *library, int64_t **ids, size_t *n,
			    bool **linked)
{
	const char **all = form_get_all(r, "evidence");
	size_t count = 0;
	while (all[count])
		count++;
	*ids = ARENA_ARRAY(&r->mem, count, *ids);
	*linked = ARENA_ARRAY(&r->mem, library->n, *linked);
	*n = 0;
	bool ok = true;
	for (size_t i = 0; all[i]; i++) {
		int64_t id = audit_chosen_id(all[i]);
		bool found = false;
		for (size_t k = 0; id && k < library->n; k++) {
			if (library->items[k].id != id)
				continue;
			found = true;
			if (!(*linked)[k])
				(*ids)[(*n)++] = id;
			(*linked)[k] = true;
		}
		ok &= found;
	}
	return ok;
}

/* Checks the level, score and notes sent; each problem goes next to its
 * field. */
static void check_principle(request *r, const audit_view *v, const audit_principle_view *pv,
			    const principle_values *pvals, form_errors *fe)
{
	err e = {0};
	if (pvals->level) {
		bool known = false;
		for (size_t i = 0; pv->indicator && i < pv->indicator->n_levels; i++)
			known |= !strcmp(pv->indicator->levels[i].key, pvals->level);
		if (!known)
			form_error_add(fe, "level", "Choose a level from the list");
	}
	int score;
	if (!text_blank(pvals->score) &&
	    (!audit_whole_number(pvals->score, 3, &score) || score < v->settings.score_min ||
	     score > v->settings.score_max))
		form_error_add(fe, "score", arena_printf(&r->mem, "The score must be %s, or left empty",
							 scale_words(r, &v->settings)));
	if (pvals->notes && text_check_long("The notes", pvals->notes, false, &e) < 0)
		form_error_add(fe, "notes", sentence(r, e.msg));
}

/* ROUTE: POST /org/{org}/audit/{audit}/principle/{principle} (contributor) */
static int page_principle_post(request *r)
{
	audit_view v;
	audit_principle_view *pv;
	evidence_list library;
	int st = load_principle(r, &v, &pv, &library);
	if (st)
		return st;
	err e = {0};
	if (audit_writable(&v.audit, &e) < 0)
		return audit_conflict(r, &v, sentence(r, e.msg));
	const char *key = pv->principle->key;
	principle_values pvals = {.level = audit_posted(r, "level"), .score = audit_posted(r, "score"),
				  .notes = form_get(r, "notes")};
	form_errors fe = {0};
	check_principle(r, &v, pv, &pvals, &fe);
	bool evidence_shown = form_get(r, "evidence-shown") != NULL;
	int64_t *ids = NULL;
	size_t n_ids = 0;
	pvals.linked = linked_saved(r, pv, &library);
	if (evidence_shown && !evidence_posted(r, &library, &ids, &n_ids, &pvals.linked))
		form_error_add(&fe, "evidence", "Choose evidence from the list");
	/* The judgement and its evidence are one change. */
	principle_change c = {.level = pvals.level, .score = pvals.score, .notes = pvals.notes};
	if (!fe.n && audit_principle_record(&r->d, v.audit.id, key, &c, evidence_shown ? ids : NULL,
					    n_ids, &e) < 0) {
		if (e.kind == ERR_CONFLICT)
			return audit_conflict(r, &v, sentence(r, e.msg));
		if (e.kind != ERR_INPUT && e.kind != ERR_NOTFOUND)
			return audit_page_error(r, &e);
		form_error_add(&fe, audit_field_of_message(e.msg, "level"), sentence(r, e.msg));
	}
	if (fe.n) {
		/* What was sent, over what is saved for anything the form left out. */
		if (!pvals.level)
			pvals.level = pv->row.level;
		if (!pvals.score && pv->row.score != AUDIT_NO_SCORE)
			pvals.score = arena_printf(&r->mem, "%d", pv->row.score);
		if (!pvals.notes)
			pvals.notes = pv->row.notes;
		render_principle(r, &v, pv, &library, &pvals, &fe);
		return 400;
	}
	if (page_log(r, arena_printf(&r->mem, "recorded principle %s of audit %lld%s%s", key,
				      (long long)v.audit.id, pvals.level ? ": " : "",
				      pvals.level ? pvals.level : "")) < 0)
		return audit_page_error(r, &r->e);
	return web_redirect(r, arena_printf(&r->mem, "%s?done=saved#principle-%s",
					    audit_url(r, r->org, v.audit.id), key));
}

const route audit_principle_routes[] = {
	{"GET", "/org/{org}/audit/{audit}/principle/{principle}", page_principle, 0, ACCESS_VIEW},
	{"POST", "/org/{org}/audit/{audit}/principle/{principle}", page_principle_post, ROUTE_POST,
	 ACCESS_CONTRIBUTE},
	{0},
};
