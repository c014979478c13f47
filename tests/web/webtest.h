/* webtest.h: requests run straight through the dispatcher, with no socket:
 * a database with an area, two organisations and a person in every role,
 * each signed in once (argon2id is slow on purpose). */
#ifndef COPRO_WEBTEST_H
#define COPRO_WEBTEST_H

#include "testutil.h"

#include "domain/account.h"
#include "store/account.h"
#include "web/web.h"

enum { AS_NOBODY, AS_AREA, AS_LEAD, AS_CONTRIBUTOR, AS_VIEWER, AS_OTHER_LEAD, AS_OTHER_AREA, AS_COUNT };

static const char *const as_names[AS_COUNT] = {
	"signed out", "area administrator", "lead", "contributor", "viewer",
	"lead of another organisation", "administrator of another area",
};

typedef struct webfix {
	fixture f;
	web_config cfg;
	int64_t org, other_org, far_org;    /* ours, another in our area, one elsewhere */
	int64_t eval, other_eval;
	session as[AS_COUNT];
} webfix;

#define WEBTEST_PASSWORD "a long enough test password"

static inline void webfix_member(webfix *w, int who, const char *email, const char *role,
				 int64_t org, const char *area)
{
	fixture *f = &w->f;
	int64_t user, mid, area_id = 0;
	char now[21];
	time_now_iso(now);
	assert_int_equal(account_create(&f->d, as_names[who], email, WEBTEST_PASSWORD, &user, &f->e), 0);
	if (area)
		assert_int_equal(store_area_by_name(&f->db, area, now, &area_id, &f->e), 0);
	membership_row m = {.user_id = user, .role = role, .organisation_id = area ? 0 : org,
			    .area_id = area_id, .created_at = now};
	assert_int_equal(store_membership_insert(&f->db, &m, &mid, &f->e), 0);
	assert_int_equal(sign_in(&f->d, email, WEBTEST_PASSWORD, "127.0.0.1", &w->as[who], &f->e), 0);
}

/* Everything above is built once per test program into a template
 * database (six argon2id hashes and sign-ins take seconds under the
 * sanitizers); each test gets a fresh copy of it. */
static webfix webfix_template;

static inline int webfix_group_setup(void **state)
{
	void *st = NULL;
	fixture_setup(&st);
	webfix *w = &webfix_template;
	w->f = *(fixture *)st;
	free(st);
	w->f.d = (domain){.db = &w->f.db, .frameworks = &w->f.frameworks, .mem = &w->f.mem};
	fixture *f = &w->f;
	w->org = fixture_org(f, "Our School");
	w->other_org = fixture_org(f, "Neighbour School");
	org_row far = {.name = "Far School", .sector = "education", .area = "Elsewhere"};
	assert_int_equal(org_add(&f->d, &far, &w->far_org, &f->e), 0);
	w->eval = fixture_evaluation(f, w->org);
	w->other_eval = fixture_evaluation(f, w->other_org);
	webfix_member(w, AS_AREA, "area@example.org", "area-admin", 0, "Test Area");
	webfix_member(w, AS_LEAD, "lead@example.org", "lead", w->org, NULL);
	webfix_member(w, AS_CONTRIBUTOR, "contrib@example.org", "contributor", w->org, NULL);
	webfix_member(w, AS_VIEWER, "viewer@example.org", "viewer", w->org, NULL);
	webfix_member(w, AS_OTHER_LEAD, "other@example.org", "lead", w->other_org, NULL);
	webfix_member(w, AS_OTHER_AREA, "far@example.org", "area-admin", 0, "Elsewhere");
	(void)state;
	return 0;
}

static inline int webfix_group_teardown(void **state)
{
	fixture *f = malloc(sizeof *f);
	assert_non_null(f);
	*f = webfix_template.f;
	(void)state;
	return fixture_teardown((void **)&f);
}

static inline int webfix_setup(void **state)
{
	webfix *w = calloc(1, sizeof *w);
	assert_non_null(w);
	*w = webfix_template;
	memset(&w->f.db, 0, sizeof w->f.db);
	w->f.mem = (arena){0};
	static int copies;
	snprintf(w->f.path, sizeof w->f.path, "%.60s/copy%d.db", w->f.dir, ++copies);
	assert_int_equal(store_backup(&webfix_template.f.db, w->f.path, &w->f.e), 0);
	assert_int_equal(store_open(&w->f.db, w->f.path, STORE_EXISTING, &w->f.e), 0);
	w->f.d = (domain){.db = &w->f.db, .frameworks = &w->f.frameworks, .mem = &w->f.mem};
	w->cfg = (web_config){.db_path = w->f.path, .assets_dir = "/nonexistent",
			      .frameworks = &w->f.frameworks};
	*state = w;
	return 0;
}

static inline int webfix_teardown(void **state)
{
	webfix *w = *state;
	store_close(&w->f.db);
	arena_free(&w->f.mem);
	remove(w->f.path);
	free(w);
	return 0;
}

/* Runs one request as `who`. `fields` alternate name, value and end with
 * NULL; a POST gets the right CSRF token unless it names "csrf" itself. */
static inline request *web_run(webfix *w, int who, const char *method, const char *path,
			       const char *const *fields)
{
	request *r = request_create(&w->cfg, method, path);
	assert_non_null(r);
	r->d = (domain){.db = &w->f.db, .frameworks = &w->f.frameworks, .mem = &r->mem};
	bool has_csrf = false;
	for (size_t i = 0; fields && fields[i]; i += 2) {
		request_add_field(r, fields[i], fields[i + 1]);
		has_csrf |= strcmp(fields[i], "csrf") == 0;
	}
	if (who != AS_NOBODY) {
		r->session_cookie = w->as[who].token;
		if (r->post && !has_csrf)
			request_add_field(r, "csrf", w->as[who].csrf);
	}
	web_dispatch(r);
	if (w->f.db.in_tx)
		fail_msg("%s %s left a transaction open", method, path);
	return r;
}

static inline const char *web_body(request *r)
{
	return html_str(&r->out);
}

#endif
