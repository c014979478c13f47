/* test_two_factor.c: TOTP against RFC 6238's SHA-1 test vectors, the
 * window of one step each side, no code twice (replay), enrolment with
 * recovery codes that each work once, the second step of signing in and
 * its limits, turning it off, and the area's requirement. */
#include "testutil.h"

#include "domain/notify.h"

#include <ctype.h>
#include <liboath/oath.h>

#include "domain/device.h"
#include "domain/two_factor.h"
#include "store/credentials.h"

#define PW "a long enough test password"

/* RFC 6238 appendix B, SHA-1, 8 digits, the 20-byte ASCII key. */
static void rfc6238_vectors(void **state)
{
	(void)state;
	static const struct {
		int64_t t;
		const char *code;
	} v[] = {
		{59, "94287082"}, {1111111109, "07081804"}, {1111111111, "14050471"},
		{1234567890, "89005924"}, {2000000000, "69279037"}, {20000000000, "65353130"},
	};
	err e = {0};
	for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
		char out[10];
		assert_int_equal(totp_code("12345678901234567890", 20, v[i].t, 8, out, &e), 0);
		assert_string_equal(out, v[i].code);
	}
}

/* The current code of a base32 secret at `when`, as an app computes it. */
static void code_at(const char *b32, int64_t when, char out[10])
{
	char *raw = NULL;
	size_t len = 0;
	err e = {0};
	assert_int_equal(oath_base32_decode(b32, strlen(b32), &raw, &len), OATH_OK);
	assert_int_equal(totp_code(raw, len, when, 6, out, &e), 0);
	free(raw);
}

static void window_of_one_step(void **state)
{
	(void)state;
	/* "12345678901234567890" in base32. */
	const char *b32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
	int64_t now = 1111111111, step = 0;
	err e = {0};
	char c[10];
	for (int d = -1; d <= 1; d++) {
		code_at(b32, now + d * TOTP_STEP, c);
		assert_int_equal(totp_match(b32, c, now, &step, &e), 1);
		assert_int_equal(step, now / TOTP_STEP + d);
	}
	code_at(b32, now - 2 * TOTP_STEP, c);
	assert_int_equal(totp_match(b32, c, now, &step, &e), 0);
	code_at(b32, now + 2 * TOTP_STEP, c);
	assert_int_equal(totp_match(b32, c, now, &step, &e), 0);
	assert_int_equal(totp_match(b32, "12345", now, &step, &e), 0);
}

static int64_t person(fixture *f, const char *email)
{
	int64_t id;
	assert_int_equal(account_create(&f->d, "Sam Lee", email, PW, &id, &f->e), 0);
	return id;
}

/* Enrols `u` and answers its secret; codes receives the recovery codes. */
static const char *enrol(fixture *f, const user_row *u, char codes[RECOVERY_CODES][12])
{
	const char *secret;
	assert_int_equal(two_factor_begin(&f->d, u->id, &secret, &f->e), 0);
	assert_int_equal(strlen(secret), 32);
	char c[10];
	code_at(secret, time_now_epoch(), c);
	assert_int_equal(two_factor_confirm(&f->d, u, "not a code", codes, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_INPUT);
	assert_int_equal(two_factor_confirm(&f->d, u, c, codes, &f->e), 0);
	return arena_strdup(&f->mem, secret);
}

static void enrolment_and_sign_in(void **state)
{
	fixture *f = *state;
	user_row u = {.id = person(f, "sam@example.org"), .name = "Sam Lee", .email = "sam@example.org"};
	session s;
	/* Before enrolment, a password is enough. */
	assert_int_equal(sign_in(&f->d, "sam@example.org", PW, "10.0.0.1", &s, &f->e), 0);
	assert_true(s.valid);
	char codes[RECOVERY_CODES][12];
	const char *secret = enrol(f, &u, codes);
	two_factor_status st;
	assert_int_equal(two_factor_get(&f->d, u.id, &st, &f->e), 0);
	assert_true(st.on);
	assert_null(st.secret);         /* never shown again */
	assert_int_equal(st.codes_left, RECOVERY_CODES);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM recovery_code WHERE code_hash LIKE '%-%'"), 0);

	/* A right password gives a pending sign-in, not a session. */
	int64_t sessions = fixture_count(f, "SELECT COUNT(*) FROM user_session");
	assert_int_equal(sign_in(&f->d, "sam@example.org", PW, "10.0.0.1", &s, &f->e), 0);
	assert_false(s.valid);
	assert_int_equal(strlen(s.pending), 64);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM user_session"), sessions);
	char pending[65];
	strcpy(pending, s.pending);

	/* The code used to confirm enrolment is spent: a replay is refused. */
	char c[10];
	code_at(secret, time_now_epoch(), c);
	session done;
	assert_int_equal(two_factor_sign_in(&f->d, pending, c, "10.0.0.1", &done, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "used already"));
	/* The next step's code works (one step ahead is in the window), once. */
	code_at(secret, time_now_epoch() + TOTP_STEP, c);
	assert_int_equal(two_factor_sign_in(&f->d, pending, c, "10.0.0.1", &done, &f->e), 0);
	assert_true(done.valid);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM sign_in_pending"), 0);
	assert_int_equal(sign_in(&f->d, "sam@example.org", PW, "10.0.0.1", &s, &f->e), 0);
	assert_int_equal(two_factor_sign_in(&f->d, s.pending, c, "10.0.0.1", &done, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "used already"));
}

static void recovery_codes_work_once(void **state)
{
	fixture *f = *state;
	user_row u = {.id = person(f, "sam@example.org"), .name = "Sam Lee", .email = "sam@example.org"};
	char codes[RECOVERY_CODES][12];
	enrol(f, &u, codes);
	session s, done;
	assert_int_equal(sign_in(&f->d, "sam@example.org", PW, "10.0.0.2", &s, &f->e), 0);
	/* Typed in capitals with a space instead of the dash: the same code. */
	char typed[16];
	snprintf(typed, sizeof typed, "%.5s %.5s", codes[3], codes[3] + 6);
	for (char *p = typed; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	assert_int_equal(two_factor_sign_in_device(&f->d, s.pending, typed, "10.0.0.2", NULL, &done, &f->e), 0);
	assert_true(done.valid);
	/* The browser that passed both steps gets a device cookie of its own,
	 * so others' failures cannot lock it out (domain/device.h). */
	bool locked = true;
	assert_int_equal(strlen(done.device), 64);
	assert_int_equal(device_trusted(&f->d, done.device, u.id, &locked, &f->e), 1);
	assert_false(locked);
	two_factor_status st;
	assert_int_equal(two_factor_get(&f->d, u.id, &st, &f->e), 0);
	assert_int_equal(st.codes_left, RECOVERY_CODES - 1);
	assert_int_equal(sign_in(&f->d, "sam@example.org", PW, "10.0.0.2", &s, &f->e), 0);
	assert_int_equal(two_factor_sign_in(&f->d, s.pending, codes[3], "10.0.0.2", &done, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_INPUT);
	assert_int_equal(two_factor_sign_in(&f->d, s.pending, codes[4], "10.0.0.2", &done, &f->e), 0);
}

static void pending_sign_in_limits(void **state)
{
	fixture *f = *state;
	user_row u = {.id = person(f, "sam@example.org"), .name = "Sam Lee", .email = "sam@example.org"};
	char codes[RECOVERY_CODES][12];
	enrol(f, &u, codes);
	session s, done;
	/* Not a pending sign-in at all. */
	assert_int_equal(two_factor_sign_in(&f->d, "0123", codes[0], "10.0.0.3", &done, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	/* Expired: five minutes after the password. */
	assert_int_equal(sign_in(&f->d, "sam@example.org", PW, "10.0.0.3", &s, &f->e), 0);
	test_exec(&f->db, "UPDATE sign_in_pending SET created_at = '2020-01-01T00:00:00Z'");
	assert_int_equal(two_factor_sign_in(&f->d, s.pending, codes[0], "10.0.0.3", &done, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	assert_false(done.valid);
	/* Wrong codes count as wrong passwords do: the fifth from this
	 * address locks the account's sign-in here for the window, even with
	 * a right code after. */
	assert_int_equal(sign_in(&f->d, "sam@example.org", PW, "10.0.0.4", &s, &f->e), 0);
	for (int i = 0; i < FAILURES_PER_ACCOUNT; i++) {
		assert_int_equal(two_factor_sign_in(&f->d, s.pending, "000000", "10.0.0.4", &done, &f->e), -1);
		assert_int_equal(f->e.kind, ERR_INPUT);
	}
	assert_int_equal(two_factor_sign_in(&f->d, s.pending, codes[0], "10.0.0.4", &done, &f->e), -1);
	assert_true(f->e.kind == ERR_BUSY || f->e.kind == ERR_NOTFOUND);
	assert_int_equal(sign_in(&f->d, "sam@example.org", PW, "10.0.0.4", &s, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_BUSY);
	/* Elsewhere the person is not locked out. */
	assert_int_equal(sign_in(&f->d, "sam@example.org", PW, "10.0.0.5", &s, &f->e), 0);
	assert_int_equal(two_factor_sign_in(&f->d, s.pending, codes[0], "10.0.0.5", &done, &f->e), 0);
}

static void turning_off(void **state)
{
	fixture *f = *state;
	user_row u = {.id = person(f, "sam@example.org"), .name = "Sam Lee", .email = "sam@example.org"};
	/* Every kind of news in copro only: the account's safety is told
	 * anyway, by email too. */
	const char *quiet[NOTIFY_KINDS];
	for (size_t i = 0; i < NOTIFY_KINDS; i++)
		quiet[i] = "in-app";
	assert_int_equal(notify_settings_set(&f->d, u.id, quiet, &f->e), 0);
	char codes[RECOVERY_CODES][12];
	enrol(f, &u, codes);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM notification WHERE kind = 'security'"
				       " AND subject = 'Two-factor sign-in was turned on'"), 1);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM outbox WHERE kind = 'security' AND unsubscribe IS NULL"
				       " AND subject = 'copro: Two-factor sign-in was turned on'"
				       " AND body LIKE '%If this was not you, reset your password%'"), 1);
	assert_int_equal(two_factor_off(&f->d, &u, "not the password", &f->e), -1);
	assert_int_equal(f->e.kind, ERR_INPUT);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM two_factor"), 1);
	assert_int_equal(two_factor_off(&f->d, &u, PW, &f->e), 0);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM two_factor"), 0);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM recovery_code"), 0);
	session s;
	assert_int_equal(sign_in(&f->d, "sam@example.org", PW, "10.0.0.6", &s, &f->e), 0);
	assert_true(s.valid);
	/* The terminal operator's way, for a locked-out person. */
	enrol(f, &u, codes);
	assert_int_equal(two_factor_off_by_operator(&f->d, "nobody@example.org", &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	assert_int_equal(two_factor_off_by_operator(&f->d, "SAM@example.org", &f->e), 0);
	assert_int_equal(two_factor_off_by_operator(&f->d, "sam@example.org", &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM activity WHERE what LIKE '%two-factor%'"), 4);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM notification WHERE kind = 'security'"
				       " AND subject = 'Two-factor sign-in was turned off'"), 2);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM outbox WHERE kind = 'security'"
				       " AND body LIKE '%by whoever runs copro, from the terminal%'"), 1);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM outbox WHERE kind = 'security'"), 4);
}

static void area_requirement(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "Oak School"), area = fixture_org_area(f, org), lead, viewer;
	assert_int_equal(user_add(&f->d, "Lou Lead", "lou@example.org", PW, "lead", org, NULL, &lead, &f->e), 0);
	assert_int_equal(user_add(&f->d, "Vic View", "vic@example.org", PW, "viewer", org, NULL, &viewer, &f->e), 0);
	bool missing = true, required = true;
	assert_int_equal(two_factor_area_required(&f->d, area, &required, &f->e), 0);
	assert_false(required);
	assert_int_equal(two_factor_missing(&f->d, lead, &missing, &f->e), 0);
	assert_false(missing);
	user_row admin = {.id = lead, .name = "Lou Lead"};
	assert_int_equal(two_factor_area_set(&f->d, &admin, area, true, &f->e), 0);
	assert_int_equal(two_factor_missing(&f->d, lead, &missing, &f->e), 0);
	assert_true(missing);
	assert_int_equal(two_factor_missing(&f->d, viewer, &missing, &f->e), 0);
	assert_false(missing);          /* viewers are not asked */
	user_row lou = {.id = lead, .name = "Lou Lead", .email = "lou@example.org"};
	char codes[RECOVERY_CODES][12];
	enrol(f, &lou, codes);
	assert_int_equal(two_factor_missing(&f->d, lead, &missing, &f->e), 0);
	assert_false(missing);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rfc6238_vectors), cmocka_unit_test(window_of_one_step),
		T(enrolment_and_sign_in), T(recovery_codes_work_once), T(pending_sign_in_limits),
		T(turning_off), T(area_requirement),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
