/* err.h: the error type every layer fills in. A message is one sentence a
 * person can act on: what was wrong and what to do. */
#ifndef COPRO_ERR_H
#define COPRO_ERR_H

enum err_kind {
	ERR_NONE = 0,
	ERR_INPUT,      /* the user gave something invalid */
	ERR_NOTFOUND,   /* the thing named does not exist */
	ERR_CONFLICT,   /* it exists already, or the state forbids it */
	ERR_BUSY,       /* another writer holds the database */
	ERR_IO,         /* file or database cannot be read or written */
	ERR_INTERNAL,   /* a bug or a corrupt database */
	ERR_TOO_LARGE   /* over a size limit or a quota */
};

typedef struct err {
	enum err_kind kind;
	char msg[1024];
} err;

/* Sets the error and returns -1, so callers can `return err_set(...)`. */
int err_set(err *e, enum err_kind kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void err_clear(err *e);

#endif
