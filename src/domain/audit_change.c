/* audit_change.c: the changes a form makes to a draft audit at once, each
 * all or nothing: its details with the people and the project, and one
 * principle's judgement with its evidence. */
#include "domain/audit.h"
#include "store/store.h"

int audit_edit(domain *d, int64_t audit, const audit_fields *f, const audit_person_row *people,
	       size_t n_people, const int64_t *project, err *e)
{
	if (store_begin(d->db, e) < 0)
		return -1;
	if ((project && audit_set_project(d, audit, *project, e) < 0) || audit_set(d, audit, f, e) < 0 ||
	    (people && audit_people_set(d, audit, people, n_people, e) < 0) || store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

int audit_set_with_project(domain *d, int64_t audit, int64_t project, const audit_fields *f,
			   err *e)
{
	return audit_edit(d, audit, f, NULL, 0, &project, e);
}

int audit_principle_record(domain *d, int64_t audit, const char *principle,
			   const principle_change *c, const int64_t *evidence, size_t n_evidence,
			   err *e)
{
	if (store_begin(d->db, e) < 0)
		return -1;
	if (audit_principle_set(d, audit, principle, c, e) < 0 ||
	    (evidence && audit_evidence_set(d, audit, principle, evidence, n_evidence, e) < 0) ||
	    store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}
