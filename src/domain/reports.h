/* reports.h: the printable reports (issue 14), built from the data as a
 * report_doc (report/report.h) for the PDF, Word and HTML writers. One
 * builder per report kind, in domain/report_*.c. */
#ifndef COPRO_DOMAIN_REPORTS_H
#define COPRO_DOMAIN_REPORTS_H

#include "domain/domain.h"
#include "report/report.h"

/* A self-evaluation as seed 001's grid: per cornerstone, statement |
 * indicators | evidence, then strengths, areas for development, the
 * judgement and who took part. `org` is checked (0: any organisation,
 * for the command line). The document goes in d->mem. */
int report_evaluation(domain *d, int64_t org, int64_t evaluation, report_doc **out, err *e);
/* A joint partnership audit as York's form (seed 004): header, each
 * principle's commitments, indicator, levels with the one chosen, score,
 * notes and evidence, then summary, next steps, review and sign-off. */
int report_audit(domain *d, int64_t org, int64_t audit, report_doc **out, err *e);
/* A team or service plan as seed 003's initial evaluation grid: per
 * cornerstone, statements with strengths and areas for development and
 * the answers to its questions; the aspects; the actions raised. */
int report_plan(domain *d, int64_t org, int64_t plan, report_doc **out, err *e);
/* An organisation's success measures as seed 002's monitoring grid, per
 * cycle, with where each metric stands (the third argument is unused:
 * the report is of the whole organisation). */
int report_measures(domain *d, int64_t org, int64_t unused, report_doc **out, err *e);
/* An organisation's action plan: open actions, then done or dropped. */
int report_actions(domain *d, int64_t org, int64_t unused, report_doc **out, err *e);

#endif
