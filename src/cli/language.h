/* language.h: what language.c and language_pseudo.c share: reading a .po
 * file with libgettextpo, whose problems go to standard error. */
#ifndef COPRO_CLI_LANGUAGE_H
#define COPRO_CLI_LANGUAGE_H

#include <gettext-po.h>

#include "cli/cli.h"

extern const struct po_xerror_handler language_po_handler;

/* Reads a .po or .pot file, freed with c->mem; NULL (c->e says why, the
 * parser's own messages on standard error) when it cannot be read. `advice`
 * ends the message when there is no such file. */
po_file_t language_po_read(cli *c, const char *path, const char *advice);
/* A message's key in a set of messages: msgctxt "\004" msgid, as in a
 * compiled catalog. */
const char *language_msg_key(cli *c, po_message_t m);

int language_cmd_pseudo(cli *c, int argc, char **argv);

#endif
