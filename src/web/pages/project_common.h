/* project_common.h: what the project pages share (project.c and
 * project_step.c): the project named in the URL with its progress, its
 * address and breadcrumbs. A project of another organisation does not
 * exist here (404); step texts come from the project's stored model. */
#ifndef COPRO_WEB_PAGES_PROJECT_COMMON_H
#define COPRO_WEB_PAGES_PROJECT_COMMON_H

#include "domain/project.h"
#include "web/pages/pages.h"

typedef struct proj_page {
	project_progress p;
	org_row org;
	const project_step_progress *sp;        /* the step page's step */
} proj_page;

/* Loads the project named in the URL (and its step, when `step`).
 * Answers 0, or the status of the error page it wrote. */
int project_page_load(request *r, proj_page *pg, bool step);
/* "/org/1/project/2". */
const char *project_url(request *r, int64_t id);
/* Home > organisation > Projects > the project (> Step N). */
void project_breadcrumbs(request *r, const proj_page *pg);
/* Says so when the model's file has changed since the project started. */
void project_changed_notice(request *r, const proj_page *pg);
void project_done_tag(request *r, const project_step_progress *sp);

#endif
