/* body.h: reading a POST's form (server.c hands it the post processor's
 * pieces). */
#ifndef COPRO_WEB_BODY_H
#define COPRO_WEB_BODY_H

#include <microhttpd.h>

#include "web/web.h"

/* MHD_PostDataIterator for a request (cls): each piece of a field or file
 * is added to r->fields; over a limit sets r->body_error 413 and stops. */
enum MHD_Result web_on_post_field(void *cls, enum MHD_ValueKind kind, const char *key,
				  const char *filename, const char *content_type,
				  const char *transfer_encoding, const char *data, uint64_t off,
				  size_t size);

#endif
