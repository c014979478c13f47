/* err.c: filling in an err. */
#include "core/err.h"

#include <stdarg.h>
#include <stdio.h>

int err_set(err *e, enum err_kind kind, const char *fmt, ...)
{
	if (!e)
		return -1;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	e->kind = kind;
	return -1;
}

void err_clear(err *e)
{
	e->kind = ERR_NONE;
	e->msg[0] = '\0';
}
