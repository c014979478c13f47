/* org_csv_internal.h: what the two halves of a CSV import share: the
 * rows as read and checked (org_csv.c) and their matching with what the
 * area holds (org_csv_match.c). Private to those files. */
#ifndef COPRO_DOMAIN_ORG_CSV_INTERNAL_H
#define COPRO_DOMAIN_ORG_CSV_INTERNAL_H

#include "domain/org_csv.h"
#include "store/rows.h"

/* The columns copro reads; the rest of a GIAS extract's are passed over. */
enum col { C_URN, C_NAME, C_TYPE, C_STATUS, C_LA, C_UKPRN, C_OPEN, C_CLOSE, C_SECTOR, N_COLS };

enum format { F_NONE, F_GIAS, F_SIMPLE };

/* GIAS headers as the service spells them, and the other spellings seen in
 * extracts; compared with case, spaces and punctuation left out. */
static const struct {
	enum col col;
	const char *header;             /* for messages */
	const char *names[3];           /* normalised */
} gias_cols[] = {
	{C_URN, "URN", {"urn"}},
	{C_NAME, "EstablishmentName", {"establishmentname"}},
	{C_TYPE, "TypeOfEstablishment (name)", {"typeofestablishmentname", "typeofestablishment"}},
	{C_STATUS, "EstablishmentStatus (name)", {"establishmentstatusname", "establishmentstatus"}},
	{C_LA, "LA (code)", {"lacode"}},
	{C_UKPRN, "UKPRN", {"ukprn"}},
	{C_OPEN, "OpenDate", {"opendate"}},
	{C_CLOSE, "CloseDate", {"closedate"}},
};

enum action { A_NONE, A_ADD, A_UPDATE, A_SAME, A_SKIP };

/* A problem held back until it is known whether its row is imported. */
typedef struct held {
	const char *message;
	struct held *next;
} held;

/* A data row as read, then what will be done with it. */
typedef struct cand {
	size_t line;
	const char *v[N_COLS];
	bool bad, closed;
	held *held;                     /* a closed row's problems */
	org_bulk_row o;                 /* the organisation as it will be */
	enum action action;
} cand;

typedef struct reader {
	domain *d;
	org_csv_report *rep;
	size_t line;            /* physical line being fed */
	size_t rec_line;        /* where the current record started */
	bool between;           /* no record under way */
	bool stop;              /* the rest of the file is not read */
	struct cand *hold;      /* problems go to this row, not the report */
	/* the record being read */
	size_t field;
	bool all_empty;
	const char *cur[N_COLS];
	/* the header */
	bool have_header;
	size_t header_line;
	const char **head;
	size_t n_head, cap_head;
	int *slot_of;           /* column -> enum col, or -1 */
	bool has[N_COLS];
	enum format fmt;
	/* the rows */
	cand *rows;
	size_t n_rows, cap_rows;
} reader;

/* ---- org_csv.c --------------------------------------------------------- */

/* A problem on a line of the file (0: the file as a whole). */
void csv_problem(reader *r, size_t line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A value from the file, safe to quote in a message that goes to a
 * terminal: at most 40 characters, control characters shown as '?'. */
const char *csv_shown(arena *a, const char *s);
bool csv_same_text(const char *a, const char *b);

/* ---- org_csv_match.c --------------------------------------------------- */

/* The rows matched with the organisations the area holds already. */
typedef struct matcher {
	reader *r;
	const char *area;
	org_bulk_list have;
	bool *taken;            /* have.items[i] is matched by a row */
} matcher;

void csv_match_gias(matcher *m);
void csv_match_simple(matcher *m);
/* Each organisation to write as org_add would check it: a last guard, and
 * the one check of dates where one comes from the file and the other from
 * the area (a file with CloseDate but no OpenDate). */
void csv_final_check(reader *r);
void csv_check_names(matcher *m);
void csv_count(reader *r);
/* The rows to write, in file order. */
org_bulk_row *csv_changes(reader *r, size_t *n);
/* Problems held back come to light after the others: list them all in
 * line order (a stable insertion sort: there are at most 50). */
void csv_sort_problems(org_csv_report *rep);

#endif
