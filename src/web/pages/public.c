/* public.c: the pages every UK public service has, open to anyone signed in
 * or not and linked from every page's footer: the accessibility statement
 * (GOV.UK's model), the privacy notice and the cookies page. Help is in
 * help.c. What they say about copro is copro's own wording. */
#include <string.h>

#include "domain/account.h"
#include "web/pages/pages.h"

/* The date this wording was prepared and last checked against the code. */
#define PUBLIC_PAGES_DATE "6 December 2026"

void public_page_begin(request *r, const char *title, const char *back)
{
	page_begin(r, title);
	if (back)
		htmlf(&r->out, "<a href=\"%a\" class=\"govuk-back-link\">Back</a>", back);
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">"
		      "<h1 class=\"govuk-heading-l\">%t</h1>", title);
}

void public_page_end(request *r)
{
	htmlf(&r->out, "</div></div>");
	page_end(r);
}

/* ---- accessibility ------------------------------------------------------- */

static void accessibility_how(request *r)
{
	htmlf(&r->out,
	     "<p class=\"govuk-body\">This statement applies to copro, the service on this website that schools, "
	     "services and local areas use to check how well they work together with children, young people and "
	     "parent carers. It covers the pages staff use after signing in, the pages partners open from a link "
	     "to give their views, and these public pages.</p>"
	     "<p class=\"govuk-body\">This website is run by the local area or organisation that invited you. "
	     "We want as many people as possible to be able to use it. For example, that means you should be able to:</p>"
	     "<ul class=\"govuk-list govuk-list--bullet\">"
	     "<li>change colours, contrast levels and fonts using browser or device settings</li>"
	     "<li>zoom in up to 400%% without the text spilling off the screen</li>"
	     "<li>use every page with a keyboard alone, or with speech recognition software</li>"
	     "<li>use every page without JavaScript</li>"
	     "<li>listen to every page using a screen reader</li></ul>"
	     "<p class=\"govuk-body\">We have also made the text as simple as we can. Partners can answer in "
	     "easy read, and in another language where the area has added a translation.</p>"
	     "<h2 class=\"govuk-heading-m\">How accessible this website is</h2>"
	     "<p class=\"govuk-body\">We know some parts of this website are not fully accessible:</p>"
	     "<ul class=\"govuk-list govuk-list--bullet\">"
	     "<li>on a phone, wide tables (the area's heat map and portfolio, lists of audits) scroll sideways "
	     "inside their own box rather than fitting the screen</li>"
	     "<li>charts are pictures: the same numbers are written next to them or in a table</li>"
	     "<li>the help, accessibility, privacy and cookies pages are in English only, even when a "
	     "partner's questions are in another language</li>"
	     "<li>the printable poster and letter for a round of views are made to be printed on A4</li></ul>");
}

static void accessibility_contact(request *r)
{
	htmlf(&r->out,
	     "<h2 class=\"govuk-heading-m\">Feedback and contact information</h2>"
	     "<p class=\"govuk-body\">If you need information on this website in a different format, such as "
	     "large print, easy read, audio or braille, or you find a problem not listed on this page, "
	     "tell the organisation or area that invited you. Staff can ask their organisation lead; "
	     "partners can ask the member of staff who gave them the link.</p>"
	     "<p class=\"govuk-body\">We will consider your request and get back to you within 10 working days.</p>"
	     "<h2 class=\"govuk-heading-m\">Enforcement procedure</h2>"
	     "<p class=\"govuk-body\">The Equality and Human Rights Commission (EHRC) is responsible for "
	     "enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility "
	     "Regulations 2018 (the accessibility regulations). If you are not happy with how we respond to "
	     "your complaint, contact the "
	     "<a class=\"govuk-link\" href=\"https://www.equalityadvisoryservice.com/\">Equality Advisory and "
	     "Support Service (EASS)</a>.</p>");
}

static void accessibility_technical(request *r)
{
	htmlf(&r->out,
	     "<h2 class=\"govuk-heading-m\">Technical information about this website's accessibility</h2>"
	     "<p class=\"govuk-body\">The organisations and areas that run copro are committed to making their "
	     "websites accessible, in accordance with the accessibility regulations.</p>"
	     "<h3 class=\"govuk-heading-s\">Compliance status</h3>"
	     "<p class=\"govuk-body\">This website is partially compliant with the "
	     "<a class=\"govuk-link\" href=\"https://www.w3.org/TR/WCAG22/\">Web Content Accessibility Guidelines "
	     "version 2.2</a> AA standard: automated tests find no failures, but it has not yet been audited by "
	     "people, and the issues listed above remain.</p>"
	     "<h3 class=\"govuk-heading-s\">Non-accessible content</h3>"
	     "<p class=\"govuk-body\">Wide tables scroll sideways on small screens instead of reflowing "
	     "(WCAG 2.2 success criterion 1.4.10, Reflow, allows this for data tables). Each scrolling table "
	     "can be reached and scrolled with the keyboard, and is named after its caption.</p>"
	     "<h2 class=\"govuk-heading-m\">What we are doing to improve accessibility</h2>"
	     "<p class=\"govuk-body\">Every change to copro runs its browser tests before it is released. "
	     "We plan to have the service checked by disabled people, including screen reader users, "
	     "and will update this statement with what they find.</p>");
}

static void accessibility_tested(request *r)
{
	htmlf(&r->out,
	     "<h2 class=\"govuk-heading-m\">Preparation of this accessibility statement</h2>"
	     "<p class=\"govuk-body\">This statement was prepared on %t. It was last reviewed on %t.</p>"
	     "<p class=\"govuk-body\">copro is tested by its own automated browser tests, run in Chromium on every "
	     "change:</p>"
	     "<ul class=\"govuk-list govuk-list--bullet\">"
	     "<li>every page the tests reach is scanned with axe-core against the WCAG 2.0, 2.1 and 2.2 A and AA "
	     "rules, at 1280 pixels and 375 pixels wide</li>"
	     "<li>main tasks (setting up, signing in, adding an organisation, starting a self-evaluation, adding "
	     "evidence, recording a judgement, answering a round of views, moving between sections) are done "
	     "with the keyboard alone: the tests check the focus order, that focus can always be seen and "
	     "that the skip link works</li>"
	     "<li>the same tasks are done with JavaScript turned off</li>"
	     "<li>pages are checked for text that overlaps other text and for pages that scroll sideways on a phone</li>"
	     "<li>partner pages are checked in a right-to-left language and with text about 40%% longer</li></ul>"
	     "<p class=\"govuk-body\">When these tests were last run, axe-core found no WCAG 2.2 AA failures on "
	     "any page they reached.</p>",
	     PUBLIC_PAGES_DATE, PUBLIC_PAGES_DATE);
}

/* ROUTE: GET /accessibility (public) */
static int page_accessibility(request *r)
{
	public_page_begin(r, "Accessibility statement for copro", NULL);
	accessibility_how(r);
	accessibility_contact(r);
	accessibility_technical(r);
	accessibility_tested(r);
	public_page_end(r);
	return 200;
}

/* ---- privacy ------------------------------------------------------------- */

/* Who the controllers are: for a signed-in person, the organisations and
 * areas they belong to, by name. */
static int privacy_controllers(request *r)
{
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">Who is responsible for your information</h2>"
		      "<p class=\"govuk-body\">The organisation that uses copro (a school, setting, college or service) "
		      "and its local area are the controllers of the information in it. copro is the software they use.</p>");
	if (!r->sess.valid)
		return 0;
	membership_list ms;
	err e = {0};
	if (memberships_of_user(&r->d, r->sess.user.id, &ms, &e) < 0)
		return page_error(r, &e);
	if (!ms.n)
		return 0;
	htmlf(&r->out, "<p class=\"govuk-body\">For you, that means:</p><ul class=\"govuk-list govuk-list--bullet\">");
	for (size_t i = 0; i < ms.n; i++)
		htmlf(&r->out, "<li>%t%t</li>", ms.items[i].place_name,
		     ms.items[i].area_id && !ms.items[i].organisation_id ? " (the area)" : "");
	htmlf(&r->out, "</ul>");
	return 0;
}

static void privacy_staff(request *r)
{
	htmlf(&r->out,
	     "<h2 class=\"govuk-heading-m\">What copro keeps about staff</h2>"
	     "<ul class=\"govuk-list govuk-list--bullet\">"
	     "<li>your name, email address and password (kept only as a one-way hash, never readable)</li>"
	     "<li>your role in each organisation or area, and the partner group you speak for, if any</li>"
	     "<li>what you add (evidence, judgements, actions, plans, audits) and a line in the activity log "
	     "with your name each time you change something</li>"
	     "<li>while you are signed in, a record of your session</li>"
	     "<li>when a sign-in fails, the email address tried and the network address it came from</li></ul>"
	     "<p class=\"govuk-body\">We use it so that you can sign in, so that your organisation can see who "
	     "did what and when, and to stop people guessing passwords. The organisation and the area decide "
	     "the lawful basis for this; for a public body it is usually the performance of its public task.</p>");
}

static void privacy_partners(request *r)
{
	htmlf(&r->out,
	     "<h2 class=\"govuk-heading-m\">What copro keeps about children, young people and parent carers</h2>"
	     "<p class=\"govuk-body\">Partners answer from a link, without an account. copro does not ask for "
	     "their name, email or address. It keeps:</p>"
	     "<ul class=\"govuk-list govuk-list--bullet\">"
	     "<li>the answers they choose and anything they write, with the partner group of the link they used</li>"
	     "<li>for an hour, a scrambled (hashed) form of the network address answers come from, to stop "
	     "one place sending too many answers</li></ul>"
	     "<p class=\"govuk-body\">Staff see everyone's answers together. When fewer people in a group "
	     "answer than the area's smallest group, their counts are hidden from everyone but the "
	     "organisation's leads. Each round's own privacy notice, linked from its pages, says this in "
	     "plain words.</p>"
	     "<p class=\"govuk-body\">Evidence and judgements record which partner groups took part, not who.</p>");
}

static void privacy_retention(request *r)
{
	htmlf(&r->out,
	     "<h2 class=\"govuk-heading-m\">How long copro keeps it</h2>"
	     "<ul class=\"govuk-list govuk-list--bullet\">"
	     "<li>What partners write is deleted after the organisation's retention period (24 months unless "
	     "the organisation sets another), counted from when it was sent. The answers they chose stay, "
	     "with no words, to show change over time.</li>"
	     "<li>A session ends after 2 hours without use, and after 12 hours in any case, or when you sign out.</li>"
	     "<li>Failed sign-ins count for 15 minutes and are cleared when you next sign in.</li>"
	     "<li>Invitation links stop working after 14 days, or once used.</li>"
	     "<li>Accounts, and the work and activity log of the organisation, are kept while the organisation "
	     "uses copro. Removing a person from an organisation ends their access at once; their name stays "
	     "on the lines of the activity log that record what they did.</li></ul>"
	     "<h2 class=\"govuk-heading-m\">Your rights</h2>"
	     "<p class=\"govuk-body\">You can ask the organisation or area to see, correct or delete the "
	     "information they hold about you. If you are unhappy with how they answer, you can complain to the "
	     "<a class=\"govuk-link\" href=\"https://ico.org.uk/make-a-complaint/\">Information Commissioner's Office</a>.</p>"
	     "<p class=\"govuk-body\">copro sets only the cookies that it needs to work: see "
	     "<a class=\"govuk-link\" href=\"/cookies\">Cookies</a>.</p>"
	     "<p class=\"govuk-body\">Last updated %t.</p>", PUBLIC_PAGES_DATE);
}

/* ROUTE: GET /privacy (public) */
static int page_privacy(request *r)
{
	public_page_begin(r, "Privacy notice", NULL);
	int st = privacy_controllers(r);
	if (st)
		return st;
	privacy_staff(r);
	privacy_partners(r);
	privacy_retention(r);
	public_page_end(r);
	return 200;
}

/* ---- cookies ------------------------------------------------------------- */

/* Every cookie copro sets (web.h: SESSION_COOKIE, FORM_COOKIE,
 * ANSWER_COOKIE; tests/web checks this page names each one). */
static const char *const cookies[] = {
	SESSION_COOKIE, "Keeps you signed in as you move from page to page",
	"When you close your browser; it stops working sooner when you sign out, after 2 hours "
	"without use, or 12 hours after you signed in",
	FORM_COOKIE, "Protects forms you fill in without signing in (set-up, sign-in, invitations and "
	"partners' answers) from being sent by another website",
	"When you close your browser",
	ANSWER_COOKIE, "Remembers a partner's answers to a round of views until they send them",
	"When you close your browser",
	NULL};

/* ROUTE: GET /cookies (public) */
static int page_cookies(request *r)
{
	public_page_begin(r, "Cookies", NULL);
	htmlf(&r->out,
	     "<p class=\"govuk-body\">Cookies are small files saved on your phone, tablet or computer when you "
	     "visit a website.</p>"
	     "<p class=\"govuk-body\">copro uses only cookies that are strictly necessary for it to work, so it "
	     "does not ask for your consent. It sets no analytics or advertising cookies, and sends nothing "
	     "to other websites.</p>"
	     "<h2 class=\"govuk-heading-m\">Strictly necessary cookies</h2>"
	     "<table class=\"govuk-table\"><caption class=\"govuk-visually-hidden\">The cookies copro sets</caption>"
	     "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
	     "<th scope=\"col\" class=\"govuk-table__header\">Name</th>"
	     "<th scope=\"col\" class=\"govuk-table__header\">Purpose</th>"
	     "<th scope=\"col\" class=\"govuk-table__header\">Expires</th></tr></thead><tbody class=\"govuk-table__body\">");
	for (size_t i = 0; cookies[i]; i += 3)
		htmlf(&r->out, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">%t</td>"
			      "<td class=\"govuk-table__cell\">%t</td><td class=\"govuk-table__cell\">%t</td></tr>",
		     cookies[i], cookies[i + 1], cookies[i + 2]);
	htmlf(&r->out, "</tbody></table>"
		      "<p class=\"govuk-body\">Each is sent only to this website, only over a secure connection, and "
		      "cannot be read by scripts on the page.</p>"
		      "<p class=\"govuk-body\">Last updated %t.</p>", PUBLIC_PAGES_DATE);
	public_page_end(r);
	return 200;
}

const route public_routes[] = {
	{"GET", "/accessibility", page_accessibility, ROUTE_PUBLIC, ACCESS_NONE},
	{"GET", "/privacy", page_privacy, ROUTE_PUBLIC, ACCESS_NONE},
	{"GET", "/cookies", page_cookies, ROUTE_PUBLIC, ACCESS_NONE},
	{0},
};
