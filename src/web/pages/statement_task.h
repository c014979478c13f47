/* statement_task.h: what the statement's task pages share (statement.c
 * adds evidence; statement_tasks.c links evidence, records the judgement,
 * adds an indicator): each task is its own page at one address, the form
 * on GET and the save on POST, back to the statement with a banner. */
#ifndef COPRO_WEB_PAGES_STATEMENT_TASK_H
#define COPRO_WEB_PAGES_STATEMENT_TASK_H

#include "web/pages/evaluation_page.h"

/* Loads like the statement page, and refuses any change to a submitted
 * evaluation (409). Answers 0, or the status of the error page written. */
int task_load(request *r, eval_page *pg);
/* The page around a task's form: title ("Error: " is added by the dispatcher when fe has
 * problems), a back link to the statement, the error summary, the
 * statement as caption and `heading` as the page's h1. */
void task_begin(request *r, const eval_page *pg, const char *heading, const form_errors *fe);
/* Closes the page; answers 200, or 400 when fe has problems. */
int task_end(request *r, const form_errors *fe);
/* A task's page: draws its form, empty on GET, with fe's problems and
 * what was typed after a refused POST; answers task_end's status. */
typedef int task_render(request *r, const eval_page *pg, const form_errors *fe);
/* A task's GET: task_load, then the empty form. */
int task_form(request *r, task_render *render);
/* 303 back to the statement, whose banner says what was saved. */
int task_saved(request *r, const eval_page *pg, const char *what);
/* This statement's indicators as checkbox options ("1i.a", "1i.a: text"),
 * ticked as posted when `keep`, else `preset` ("1i.a" or NULL) ticked. */
const char *const *indicator_options(request *r, const element_progress *ep, const char *field,
				     bool keep, const char *preset, bool **checked);
/* The ticked indicators of this statement; *bad when one is not one of
 * them. NULL-ended. */
const char **ticked_indicators(request *r, const element_progress *ep, const char *field,
			       size_t *n, bool *bad);
/* "1i.a, 2iii.b" for the activity log. */
const char *join_refs(request *r, const char *const *refs, size_t n);

#endif
