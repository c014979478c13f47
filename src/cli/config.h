/* config.h: copro's settings file (`copro --config FILE`, else
 * $COPRO_CONFIG): `key = value` lines and '#' comments, for what a
 * deployment sets once (base URL, mail server, trusted proxies). serve's
 * options override it. The SMTP password is never a value here nor on
 * the command line: it comes from smtp-password-file or the environment
 * (COPRO_SMTP_PASSWORD). docs/mail.md lists the keys. */
#ifndef COPRO_CLI_CONFIG_H
#define COPRO_CLI_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "mail/smtp.h"

typedef struct copro_config {
	const char *path;       /* the file read; NULL when none */
	const char *base_url, *smtp_url, *smtp_user, *smtp_password_file, *smtp_ca_file;
	const char *mail_from, *trusted_proxy;
} copro_config;

/* Reads `path` (NULL: nothing to read) into the process's settings: 0,
 * or -1 with the file, line and what is wrong in `msg`. */
int config_load(const char *path, char *msg, size_t size);
copro_config *config_get(void);
void config_free(void);

/* Checks one value as the key `key` takes it (also a command-line
 * override): 0, or -1 with the reason in `msg`. */
int config_check_value(const char *key, const char *value, char *msg, size_t size);

/* The mail settings from the configuration: *s->url NULL when no mail
 * server is set. Reads the password (smtp-password-file, else
 * COPRO_SMTP_PASSWORD) into `password`: -1 with `msg` when it cannot. */
int config_smtp(smtp_settings *s, char *password, size_t password_size, char *msg, size_t size);

#endif
