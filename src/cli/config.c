/* config.c: the settings file (cli/config.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/config.h"
#include "core/err.h"
#include "domain/mail.h"

#define LINE_MAX_BYTES 4096

static copro_config config;
static char *owned[16];         /* the strings config points at */
static size_t n_owned;

copro_config *config_get(void)
{
	return &config;
}

void config_free(void)
{
	for (size_t i = 0; i < n_owned; i++)
		free(owned[i]);
	n_owned = 0;
	config = (copro_config){0};
}

typedef struct config_key {
	const char *name;
	size_t off;
} config_key;

#define KEY(name, field) {name, offsetof(copro_config, field)}
static const config_key keys[] = {
	KEY("base-url", base_url), KEY("smtp-url", smtp_url), KEY("smtp-user", smtp_user),
	KEY("smtp-password-file", smtp_password_file), KEY("smtp-ca-file", smtp_ca_file),
	KEY("mail-from", mail_from), KEY("trusted-proxy", trusted_proxy), {NULL, 0},
};
#define KEY_NAMES "base-url, smtp-url, smtp-user, smtp-password-file, smtp-ca-file, mail-from and trusted-proxy"

static bool has_space_or_control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s <= 0x20 || *s == 0x7f)
			return true;
	return false;
}

static int check_url(const char *key, const char *v, const char *const *schemes, const char *forms,
		     char *msg, size_t size)
{
	const char *rest = NULL;
	for (size_t i = 0; schemes[i] && !rest; i++)
		if (!strncmp(v, schemes[i], strlen(schemes[i])))
			rest = v + strlen(schemes[i]);
	if (!rest || !*rest || *rest == '/' || *rest == ':' || has_space_or_control(v)) {
		snprintf(msg, size, "%s \"%s\" is not %s.", key, v, forms);
		return -1;
	}
	const char *slash = strchr(rest, '/');
	const char *at = strchr(rest, '@');
	if (at && (!slash || at < slash)) {
		snprintf(msg, size, "%s must not hold a user name or password: use smtp-user, and smtp-password-file or COPRO_SMTP_PASSWORD.",
			 key);
		return -1;
	}
	return 0;
}

int config_check_value(const char *key, const char *value, char *msg, size_t size)
{
	if (!strcmp(key, "base-url"))
		return check_url(key, value, (const char *const[]){"https://", "http://", NULL},
				 "a web address like https://copro.example.org", msg, size);
	if (!strcmp(key, "smtp-url"))
		return check_url(key, value, (const char *const[]){"smtp://", "smtps://", NULL},
				 "a mail server like smtp://mail.example.org:587 (STARTTLS) or smtps://mail.example.org:465",
				 msg, size);
	if (!strcmp(key, "mail-from")) {
		err e = {0};
		if (mail_address_check("mail-from", value, &e) < 0) {
			snprintf(msg, size, "%s", e.msg);
			return -1;
		}
	}
	return 0;
}

static int set_key(const char *key, const char *value, char *msg, size_t size)
{
	for (const config_key *k = keys; k->name; k++) {
		if (strcmp(k->name, key))
			continue;
		const char **field = (const char **)((char *)&config + k->off);
		if (*field) {
			snprintf(msg, size, "%s is set twice: keep one.", key);
			return -1;
		}
		if (config_check_value(key, value, msg, size) < 0 || n_owned == sizeof owned / sizeof *owned)
			return -1;
		*field = owned[n_owned++] = strdup(value);
		return 0;
	}
	if (!strcmp(key, "smtp-password"))
		snprintf(msg, size, "the SMTP password is never written in the settings: put it in a file only copro can read and name it with smtp-password-file, or set COPRO_SMTP_PASSWORD.");
	else
		snprintf(msg, size, "unknown setting \"%s\": the settings are " KEY_NAMES ".", key);
	return -1;
}

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

static int load_line(char *line, char *msg, size_t size)
{
	char *t = trim(line);
	if (!*t || *t == '#')
		return 0;
	char *eq = strchr(t, '=');
	if (!eq) {
		snprintf(msg, size, "\"%s\" is not a setting: write key = value.", t);
		return -1;
	}
	*eq = '\0';
	char *key = trim(t), *value = trim(eq + 1);
	if (!*value) {
		snprintf(msg, size, "%s has no value: write %s = VALUE, or remove the line.", key, key);
		return -1;
	}
	return set_key(key, value, msg, size);
}

int config_load(const char *path, char *msg, size_t size)
{
	config_free();
	if (!path || !*path)
		return 0;
	FILE *f = fopen(path, "r");
	if (!f) {
		snprintf(msg, size, "cannot read the settings file %s: %s.", path, strerror(errno));
		return -1;
	}
	char line[LINE_MAX_BYTES], why[600] = "";
	int n = 0, rc = 0;
	while (rc == 0 && fgets(line, sizeof line, f)) {
		n++;
		rc = load_line(line, why, sizeof why);
	}
	fclose(f);
	if (rc < 0) {
		snprintf(msg, size, "%s line %d: %s", path, n, why);
		config_free();
		return -1;
	}
	config.path = path;
	return 0;
}

/* The first line of the password file, without its line end. */
static int read_password(const char *path, char *out, size_t size, char *msg, size_t msg_size)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		snprintf(msg, msg_size, "cannot read the SMTP password file %s (smtp-password-file): %s.", path,
			 strerror(errno));
		return -1;
	}
	bool got = fgets(out, (int)size, f) != NULL;
	fclose(f);
	out[got ? strcspn(out, "\r\n") : 0] = '\0';
	if (!*out) {
		snprintf(msg, msg_size, "the SMTP password file %s (smtp-password-file) is empty.", path);
		return -1;
	}
	return 0;
}

int config_smtp(smtp_settings *s, char *password, size_t password_size, char *msg, size_t size)
{
	*s = (smtp_settings){.url = config.smtp_url, .user = config.smtp_user, .from = config.mail_from,
			     .ca_file = config.smtp_ca_file};
	password[0] = '\0';
	if (!s->url)
		return 0;
	if (!s->from) {
		snprintf(msg, size, "smtp-url is set but mail-from is not: give the address copro's emails come from (mail-from = copro@example.org, or serve --mail-from).");
		return -1;
	}
	const char *env = getenv("COPRO_SMTP_PASSWORD");
	if (config.smtp_password_file) {
		if (read_password(config.smtp_password_file, password, password_size, msg, size) < 0)
			return -1;
	} else if (env && *env) {
		snprintf(password, password_size, "%s", env);
	}
	if (s->user && !*password) {
		snprintf(msg, size, "smtp-user is set but there is no password: name a file holding it with smtp-password-file, or set COPRO_SMTP_PASSWORD.");
		return -1;
	}
	s->password = *password ? password : NULL;
	return 0;
}
