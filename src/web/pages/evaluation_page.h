/* evaluation_page.h: what the evaluation pages (evaluation.c) and the
 * statement pages (statement.c) share: the evaluation in the URL loaded
 * with its progress, its addresses, breadcrumbs and wording. */
#ifndef COPRO_WEB_PAGES_EVALUATION_PAGE_H
#define COPRO_WEB_PAGES_EVALUATION_PAGE_H

#include "web/pages/pages.h"

/* ---- loading ------------------------------------------------------------ */

typedef struct eval_page {
	evaluation_progress p;
	org_row org;
	const element_progress *ep;     /* the statement page's statement */
} eval_page;

/* Loads the evaluation named in the URL (and the statement, when
 * `statement`). Answers 0, or the status of the error page it wrote. */
int eval_page_load(request *r, eval_page *pg, bool statement);
/* The statement page's: the same with the statement's links (*sl, read
 * with the rest), which give its indicators' counts, so the whole
 * evaluation's links are not counted: pg->p's other statements show no
 * evidence. */
int eval_page_load_statement(request *r, eval_page *pg, statement_links *sl);
const char *evaluation_path(request *r, const eval_page *pg);
const char *statement_path(request *r, const eval_page *pg);
/* Home > organisation > evaluation > statement; the last is this page. */
void eval_breadcrumbs(request *r, const eval_page *pg);
/* Says so when the instrument changed since the evaluation started. */
void eval_changed_notice(request *r, const eval_page *pg);
/* "Cornerstone 1: Welcome and Care", from the instrument's own terms. */
const char *eval_section_name(request *r, const framework *fw, const fw_section *s);
/* A statement's status ("complete", "in-progress", else not started) in
 * words, and its tag's class. */
const char *statement_status_label(const char *status);
const char *statement_status_class(const char *status);
/* What the source text lacks, when it lacks something. */
void eval_source_gap(request *r, const char *gap);
void eval_section_break(request *r);
bool eval_submitted(const evaluation_progress *p);

/* ---- status (evaluations.c) --------------------------------------------- */

/* The evaluation's status as a tag: Draft, In review, Submitted. */
void evaluation_status_tag(request *r, const char *status);
/* Its summary-list row: the tag, who set it and when (the status line
 * evaluation_status_change_ask read), and for leads a link to change it. */
void evaluation_status_row(request *r, const evaluation_row *ev, const activity_list *line);
/* The success banner after a lead changed the status (?saved=status). */
void evaluation_status_notice(request *r, const evaluation_row *ev);
/* An organisation's self-evaluations with their status and progress. 0,
 * or the status of the error page written. */
int evaluations_list(request *r, const evaluation_list *evs);
/* On a submitted self-evaluation's pages: it cannot change; for leads,
 * the button to change its status. */
void evaluation_submitted_notice(request *r, int64_t evaluation);
/* A lead's form starting a Four Cornerstones self-evaluation. */
void evaluation_start_form(request *r);

#endif
