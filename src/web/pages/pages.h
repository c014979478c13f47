/* pages.h: the page files' route tables. Handlers are static in their
 * files; a file exports only its table, which routes.c lists. Route
 * placeholders are named for what they hold, so the authorization tests
 * can fill them: {org}, {area}, {evaluation}, {statement}, {evidence},
 * {action}, {member}, {token}, {project}, {step}, {audit}, {principle},
 * {file}, {apitoken}, {measure}, {metric}, {plan}, {cornerstone}, {yousaid},
 * {round}, {link}, {question}, {attachment} (an evidence item's file),
 * {format} (a report's file: pdf, docx). */
#ifndef COPRO_WEB_PAGES_H
#define COPRO_WEB_PAGES_H

#include "web/forms.h"
#include "web/web.h"

void web_set_session_cookie(request *r, const char *token);

/* common.c */
int page_not_found(request *r);         /* 404 page, for ids not in this organisation */
int page_failed(request *r);            /* 500 page with r->e's message */
/* After an X_get_in_org getter: 404 when the record is not found (or is
 * another organisation's), else the 500 page with e's message. */
int page_lookup_failed(request *r, const err *e);
/* The status of a form drawn again after its change failed with `e`:
 * `status`, or 503 with Retry-After when the change lost to concurrent
 * ones at every try (domain_busy: copro was busy, the form was right). */
int page_refused_status(request *r, const err *e, int status);
/* After a load or a change: 503 (with Retry-After) when busy, 409 on a conflict (the record
 * changed while the form was open), else 500. */
int page_error(request *r, const err *e);
/* A line in r->org's activity log by the signed-in user; -1 with r->e set
 * (the change must fail then: the dispatcher rolls the POST back). */
int page_log(request *r, const char *what);
/* The address copro was reached at, "https://copro.example.org", from the
 * Host header when it is a plain host name ("localhost:8080" if not): the
 * start of links that leave the browser, on posters and in PDFs. */
const char *site_address(request *r);
bool text_blank(const char *s);         /* NULL or "" */
/* A record's id as a form sends it: a whole number above 0; false for
 * anything else (*id unchanged). */
bool text_id(const char *s, int64_t *id);
/* A domain message ("the evidence date ...") as a sentence: capital first. */
const char *sentence(request *r, const char *msg);
/* "15 October 2026" from "2026-10-15"; anything else as it is. */
const char *date_words(request *r, const char *iso);
/* The name of the area in the URL (r->area), for headings: 0, or the
 * status of the error page written (404 when there is no such area). */
int page_area_name(request *r, const char **name);
/* A wide table scrolls sideways in its own box on a narrow screen, not the
 * whole page; the box takes focus, so a keyboard can scroll it too, and it
 * is named like the table. Closed with "</div>" after the table. */
void table_scroll_open(request *r, const char *label);
/* A chart's label in SVG, which does not wrap text: `text` (plain) broken
 * at spaces into lines of at most SVG_LINE_CHARS characters, short enough
 * for a 375 px screen at 16 px, SVG_LINE px apart, the first baseline at
 * y. svg_text writes it with class `cls` and answers its lines; svg_lines
 * only counts them. */
#define SVG_LINE_CHARS 36
#define SVG_LINE 20
size_t svg_text(request *r, const char *cls, int y, const char *text);
size_t svg_lines(request *r, const char *text);
/* "23 November 2026, 09:00 UTC" from "2026-11-23T09:00:00Z". */
const char *time_words(request *r, const char *iso);
/* GOV.UK's pagination for page `page` of `pages` of `path` (nothing when
 * there is one page): previous, the first, the last and the pages next to
 * the current one with ellipses between, next; links keep the request's
 * other query parameters. `label` names the navigation landmark. */
void pagination(request *r, const char *path, const char *label, size_t page, size_t pages);
/* What staff read where the source text was lost: a short plain sentence,
 * with the editor's detail folded in a details element. Choice lists and
 * radio hints carry only GAP_SHORT, never the detail. */
#define GAP_SHORT "Part of the source text is missing here."
/* GAP_SHORT and what is missing (nothing when gap is NULL or ""). */
void gap_note(request *r, const char *gap);
/* The editor's note on a transcription ("Printed as ..."), folded under
 * "About this text" (nothing when NULL). Staff pages only: partner pages
 * never show notes. */
void source_note(request *r, const char *note);
/* copro's easy-read wording of an element, folded under a label saying
 * whose it is, so that staff see what partners read and never take it for
 * the source's (nothing when NULL). */
void easy_read_details(request *r, const char *easy_read);
/* The label paired with `key` in `pairs` (key, label, key, label ...,
 * NULL), or `otherwise` when key is NULL or not there. */
const char *pair_label(const char *const *pairs, const char *key, const char *otherwise);

/* Text a person typed over several lines, a paragraph a line (class
 * `cls`, or govuk-body); when no line has any text, `empty` as the one
 * paragraph (nothing when NULL). text_or_none writes `none` for a NULL or
 * "" text, else its lines. */
void text_paragraphs(request *r, const char *text, const char *empty);
void text_paragraphs_class(request *r, const char *text, const char *cls, const char *empty);
void text_or_none(request *r, const char *text, const char *none);

/* A summary list row: open (its value follows, then "</dd></div>"), or
 * whole with an escaped value. */
void summary_row_open(request *r, const char *key);
void summary_row_text(request *r, const char *key, const char *value);

/* The green "Success" banner saying `what` (its title's id "saved-title");
 * with a link after the words, and a title id of the page's choosing. */
void notice_success(request *r, const char *what);
void notice_success_link(request *r, const char *title_id, const char *what, const char *link,
			 const char *link_text);

/* Breadcrumbs of a page of organisation r->org: Home, the organisation,
 * each href, text pair of `links` (NULL-terminated, or NULL), then `here`,
 * this page. */
void breadcrumbs_org(request *r, const char *org_name, const char *const *links, const char *here);

/* "Partners' views" on an evaluation's or an audit's page (`source` is
 * "evaluation" or "audit"): the rounds, and for leads opening one. */
void views_entry_links(request *r, const char *source, int64_t id);
/* On a statement's page: each group's view of it beside the staff's, from
 * the newest round of evaluation `evaluation` that asks about it, with
 * "views differ" and the agreed view (nothing when no round does), among
 * the organisation's rounds (views_of_org, read with the page's other
 * reads); -1 with r->e set on a database error. */
int views_statement_panel(request *r, const view_round_list *rounds, int64_t evaluation,
			  const char *statement);
/* A contributor's home in plain words: what they are asked to do (give
 * their view in each open round, the same questions partners answer),
 * and thanks once they have; -1 with r->e set on a database error. */
int views_home_panel(request *r, const char *org_name);

/* public.c: the frame of the public pages (a two-thirds column under the
 * heading `title`, with a back link to `back` unless it is NULL). */
void public_page_begin(request *r, const char *title, const char *back);
void public_page_end(request *r);

extern const route static_routes[];     /* static.c: style sheet, script, images */
extern const route health_routes[];     /* health.c: GET /healthz for load balancers */
extern const route account_routes[];    /* account.c: set-up, sign-in, invitations */
extern const route password_routes[];   /* password.c: changing and resetting a password */
extern const route two_factor_routes[]; /* two_factor.c: two-factor sign-in, its area setting */
extern const route account_data_routes[]; /* account_data.c: a person's own data, downloaded */
/* password.c: GOV.UK's password input, with its Show button. */
void password_input(request *r, const char *name, const char *label, const char *hint,
		    const char *autocomplete, const form_errors *fe);
/* password.c: the banner after a reset (?reset=...) on the sign-in and
 * member pages; the area administrator's "Email a password reset link"
 * on a member's page. */
void reset_notice(request *r);
void reset_member_section(request *r, const membership_row *m);
/* two_factor.c: the cookie of a sign-in waiting for its code; the area's
 * setting on its settings page. */
void sign_in_pending_cookie(request *r, const char *token);
/* A new device cookie after a successful sign-in (account.c; domain/device.h). */
void page_set_device_cookie(request *r, const char *token);
void two_factor_area_form(request *r);
extern const route home_routes[];       /* home.c: start page, adding an organisation, its home */
extern const route org_import_routes[]; /* org_import.c: organisations from a CSV file */
extern const route about_routes[];      /* about.c: "About this tool" per instrument */
extern const route search_routes[];     /* search.c: an organisation's search */
extern const route evidence_routes[];   /* evidence.c: the evidence library, an item, changing it */
/* evidence_files.c: attaching, downloading and removing an item's files */
extern const route evidence_file_routes[];
extern const upload_check evidence_file_upload_checks[];
/* The "Files" section of an evidence item's page: -1 with r->e set on a
 * database error. */
int evidence_files_section(request *r, const evidence_row *ev);
extern const route action_routes[];     /* action.c: actions: list, add, change */
extern const route action_review_routes[]; /* action_review.c: reviewing an action */
extern const route people_routes[];     /* people.c: members, invitations, roles */
/* people_account.c: an area administrator turning a member's account off
 * and on, or deleting it; the member page's section and its banners. */
extern const route people_account_routes[];
void account_member_section(request *r, const membership_row *m);
void account_notice(request *r);
/* invitations.c: open invitations, a new link, cancelling one */
extern const route invitation_routes[];
/* The page after inviting (or a new link): the full link, once, in a
 * field that can be selected and copied (a copy button with JavaScript),
 * and whether copro emailed it (to `email`, or NULL). */
int invitation_link_page(request *r, const char *name, const char *role_words, const char *token,
			 const char *email, const char *expires);
extern const route evaluation_routes[]; /* evaluation.c: starting one, its overview, next cycle, compare */
extern const route evaluations_routes[]; /* evaluations.c: the list, a lead setting one's status */
extern const route public_routes[];     /* public.c: accessibility, privacy, cookies */
extern const route help_routes[];       /* help.c: /help and help for each role */
extern const route statement_routes[];  /* statement.c: a statement, adding evidence to it */
extern const route statement_task_routes[]; /* statement_tasks.c: linking evidence, judgement, own indicator */
extern const route project_routes[];    /* project.c: projects, starting and changing one */
extern const route audit_routes[];      /* audit.c: /org/{org}/audit/{audit}, its workflow */
extern const route audit_return_routes[];       /* audit_return.c: the area returns an audit */
extern const route area_evaluations_routes[];   /* area_evaluations.c: the area's self-evaluations */
extern const route area_routes[];       /* area.c: area portfolio, dashboard, projects */
extern const route export_routes[];     /* export.c: CSV and Excel exports */
extern const route summaries_routes[];  /* summaries.c: one-page summary, area report */
extern const route report_routes[];     /* report.c: printable reports, PDF */
/* report.c: the link from a record's page (at `path`) to its "Print or
 * download" page, path/report; `what` ends the sentence. */
void print_or_download_link(request *r, const char *path, const char *what);
extern const route api_routes[];        /* api.c: the JSON API (ROUTE_API) */
extern const route measures_routes[];   /* measures.c: success measures: the list, choosing one */
extern const route measure_routes[];    /* measure.c: a measure, its grid, metrics, readings, links */
extern const route plan_routes[];       /* plan.c: team and service plans, a plan, its aspects */
extern const route plan_cornerstone_routes[]; /* plan_cornerstone.c: one cornerstone of a plan */
extern const route you_said_routes[];   /* you_said.c: You said, we did, and its notice */
extern const route api_tokens_routes[]; /* api_tokens.c: /area/{area}/api-tokens */
extern const route area_mail_routes[];  /* area_mail.c: /area/{area}/mail, the area's email */
extern const route audits_routes[];     /* audits.c: /org/{org}/audits, starting one */
extern const route audit_edit_routes[]; /* audit_edit.c: /org/{org}/audit/{audit}/edit */
extern const route audit_principle_routes[]; /* audit_principle.c: .../principle/{principle} */
extern const route area_audits_routes[]; /* area_audits.c: /area/{area}/audits */
extern const route area_settings_routes[]; /* area_settings.c: /area/{area}/settings */
extern const route activity_routes[];   /* activity.c: an organisation's or area's activity log */
extern const route project_step_routes[]; /* project_step.c: .../project/{project}/step/{step} */
extern const route views_routes[];      /* views.c: rounds of views, opening one, a round, its links */
extern const route views_poster_routes[]; /* views_poster.c: a link's poster and letter */
extern const route views_results_routes[]; /* views_results.c: results, comments, agreed views */
extern const route views_paper_routes[]; /* views_paper.c: the paper form, typing one in */
extern const route views_easy_read_routes[]; /* views_easy_read.c: a round's own easy-read wording */
extern const route org_settings_routes[]; /* org_settings.c: /org/{org}/settings */
extern const route partner_routes[];    /* partner.c: /v/{token}: start, privacy, confirmation */
extern const route partner_answer_routes[]; /* partner_answer.c: /v/{token}: questions, checking, sending */

#endif
