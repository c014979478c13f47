/* project_common.c: what the project pages share (see project_common.h). */
#include <string.h>

#include "web/pages/project_common.h"

const char *project_url(request *r, int64_t id)
{
	return arena_printf(&r->mem, "/org/%lld/project/%lld", (long long)r->org, (long long)id);
}

int project_page_load(request *r, proj_page *pg, bool step)
{
	int64_t id = param_id(r, 1);
	project_row row;
	err e = {0};
	memset(pg, 0, sizeof *pg);
	if (!id)
		return page_not_found(r);
	if (project_get_in_org(&r->d, r->org, id, &row, &e) < 0)
		return e.kind == ERR_NOTFOUND ? page_not_found(r) : page_error(r, &e);
	if (org_get(&r->d, r->org, &pg->org, &e) < 0 ||
	    project_progress_load(&r->d, id, &pg->p, &e) < 0)
		return page_error(r, &e);
	if (step) {
		pg->sp = project_progress_step(&pg->p, param_named(r, "step"));
		if (!pg->sp)
			return page_not_found(r);
	}
	return 0;
}

void project_breadcrumbs(request *r, const proj_page *pg)
{
	const project_row *p = &pg->p.project;
	const char *links[] = {arena_printf(&r->mem, "/org/%lld/projects", (long long)r->org), "Projects",
			       pg->sp ? project_url(r, p->id) : NULL, p->title, NULL};
	breadcrumbs_org(r, pg->org.name, links,
			pg->sp ? arena_printf(&r->mem, "Step %s", pg->sp->step->key) : p->title);
}

void project_changed_notice(request *r, const proj_page *pg)
{
	if (pg->p.framework_changed)
		htmlf(&r->out, "<div class=\"govuk-inset-text\">The %t file has changed since this project "
			      "started. This project keeps the model's original wording.</div>",
		     pg->p.fw->title);
}

void project_done_tag(request *r, const project_step_progress *sp)
{
	if (sp->done)
		htmlf(&r->out, "<strong class=\"govuk-tag govuk-tag--green\">Done</strong>");
	else
		htmlf(&r->out, "<strong class=\"govuk-tag govuk-tag--grey\">Not done</strong>");
}
