/* audit_return.c: /org/{org}/audit/{audit}/return, where the area returns a
 * submitted audit to its organisation: a comment on the whole audit and on
 * any of its principles, each beside the level the organisation gave. */
#include <string.h>

#include "web/pages/audit_common.h"

static const char *principle_field(request *r, const char *key)
{
	return arena_printf(&r->mem, "principle-%s", key);
}

static void principle_comment(request *r, const audit_view *v, const audit_principle_view *pv,
			      const form_errors *fe)
{
	const fw_section *s = pv->principle;
	const char *name = principle_field(r, s->key);
	const char *hint = pv->level ? arena_printf(&r->mem, "The level given: %s.", pv->level->title)
				     : "No level was given.";
	form_textarea(r, name, arena_printf(&r->mem, "%s %s: %s (optional)", audit_principle_term(r, v->fw),
					    s->key, s->title),
		      r->post ? form_get(r, name) : NULL, hint, fe);
}

static int render(request *r, const audit_view *v, const form_errors *fe)
{
	r->out.len = 0;
	page_begin(r, arena_printf(&r->mem, "Return the audit - %s",
				   v->org.name));
	audit_breadcrumbs(r, v, "Return the audit");
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
	form_error_summary(r, fe);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t, version %d</span>"
		       "<h1 class=\"govuk-heading-l\">Return the audit to the organisation</h1>"
		       "<p class=\"govuk-body\">Say what the organisation needs to change. It sees your comment on "
		       "the whole audit at the top of its audit, and each comment on a principle beside that "
		       "principle, in this version and in the new version it starts.</p>"
		       "<form method=\"post\" novalidate>",
	      v->org.name, v->audit.version);
	form_csrf(r);
	form_textarea(r, "return_comment", "On the whole audit", r->post ? form_get(r, "return_comment") : NULL,
		      "Needed unless you comment on a principle below.", fe);
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">On each %t</h2>", audit_principle_term(r, v->fw));
	for (size_t i = 0; i < v->n_principles; i++)
		principle_comment(r, v, &v->principles[i], fe);
	htmlf(&r->out, "<div class=\"govuk-button-group\"><button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">"
		       "Return to the organisation</button><a class=\"govuk-link\" href=\"%a\">Cancel</a></div></form></div></div>",
	      audit_url(r, r->org, v->audit.id));
	page_end(r);
	return fe && fe->n ? 400 : 200;
}

static int load(request *r, audit_view *v)
{
	int st = audit_page_load(r, v);
	if (st)
		return st;
	if (!audit_step_allowed(&v->audit, v->latest, AUDIT_RETURN, r->access))
		return audit_conflict(r, v, arena_printf(&r->mem, "Only a submitted audit can be returned. This audit is %s.",
							 audit_status_label(v->audit.status)));
	return 0;
}

/* ROUTE: GET /org/{org}/audit/{audit}/return (area administrator) */
static int page_return_form(request *r)
{
	audit_view v;
	int st = load(r, &v);
	return st ? st : render(r, &v, NULL);
}

/* Which field a refusal is about: a principle's, or the whole comment. */
static const char *refused_field(request *r, const audit_view *v, const char *msg)
{
	for (size_t i = 0; i < v->n_principles; i++) {
		const char *key = v->principles[i].principle->key;
		if (strstr(msg, arena_printf(&r->mem, "principle %s ", key)))
			return principle_field(r, key);
	}
	return "return_comment";
}

/* ROUTE: POST /org/{org}/audit/{audit}/return (area administrator) */
static int page_return(request *r)
{
	audit_view v;
	int st = load(r, &v);
	if (st)
		return st;
	audit_principle_comment *pc = ARENA_ARRAY(&r->mem, v.n_principles + 1, pc);
	for (size_t i = 0; i < v.n_principles; i++) {
		const char *key = v.principles[i].principle->key;
		pc[i] = (audit_principle_comment){key, text_trimmed(&r->mem, form_get(r, principle_field(r, key)))};
	}
	err e = {0};
	audit_actor who = audit_actor_of(r);
	const char *comment = text_trimmed(&r->mem, form_get(r, "return_comment"));
	if (audit_return_with(&r->d, v.audit.id, &who, comment, pc, v.n_principles, &e) < 0) {
		if (e.kind == ERR_CONFLICT)
			return audit_conflict(r, &v, sentence(r, e.msg));
		if (e.kind != ERR_INPUT)
			return audit_page_error(r, &e);
		form_errors fe = {0};
		form_error_add(&fe, refused_field(r, &v, e.msg), sentence(r, e.msg));
		return render(r, &v, &fe);
	}
	if (page_log(r, arena_printf(&r->mem, "returned audit %lld (version %d) to the organisation",
				     (long long)v.audit.id, v.audit.version)) < 0)
		return audit_page_error(r, &r->e);
	return web_redirect(r, arena_printf(&r->mem, "%s?done=returned", audit_url(r, r->org, v.audit.id)));
}

const route audit_return_routes[] = {
	{"GET", "/org/{org}/audit/{audit}/return", page_return_form, 0, ACCESS_AREA},
	{"POST", "/org/{org}/audit/{audit}/return", page_return, ROUTE_POST, ACCESS_AREA},
	{0},
};
