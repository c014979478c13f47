/* groups.c: the three partner groups whose part in every piece of evidence
 * and every judgement copro records. */
#include "domain/domain.h"

#include <string.h>

const char *const group_names[3] = {"children-and-young-people", "parent-carers",
				    "practitioners"};
const int group_flags[3] = {GROUP_CYP, GROUP_PARENTS, GROUP_PRACTITIONERS};

static const struct {
	const char *name;
	int flags;
} group_words[] = {
	{"cyp", GROUP_CYP},
	{"children-and-young-people", GROUP_CYP},
	{"children", GROUP_CYP},
	{"young-people", GROUP_CYP},
	{"parents", GROUP_PARENTS},
	{"parent-carers", GROUP_PARENTS},
	{"carers", GROUP_PARENTS},
	{"practitioners", GROUP_PRACTITIONERS},
	{"staff", GROUP_PRACTITIONERS},
	{"all", GROUP_CYP | GROUP_PARENTS | GROUP_PRACTITIONERS},
	{"none", 0},
};

int groups_parse(const char *what, const char *text, int *groups, err *e)
{
	*groups = 0;
	const char *p = text ? text : "";
	while (*p) {
		size_t n = strcspn(p, ", ");
		bool found = false;
		for (size_t i = 0; n && i < sizeof group_words / sizeof *group_words; i++) {
			if (strlen(group_words[i].name) == n &&
			    strncmp(group_words[i].name, p, n) == 0) {
				*groups |= group_words[i].flags;
				found = true;
			}
		}
		if (n && !found)
			return err_set(e, ERR_INPUT,
				       "%s: \"%.*s\" is not a partner group: use cyp (children and young people), parents (parent carers), practitioners, all or none, separated by commas.",
				       what, (int)(n > 40 ? 40 : n), p);
		p += n;
		while (*p == ',' || *p == ' ')
			p++;
	}
	return 0;
}

const char *groups_describe(arena *a, int groups)
{
	static const char *const words[3] = {"children and young people", "parent carers",
					     "practitioners"};
	char *out = arena_strdup(a, "");
	for (int i = 0; i < 3; i++) {
		if (!(groups & group_flags[i]))
			continue;
		out = arena_printf(a, "%s%s%s", out, *out ? ", " : "", words[i]);
	}
	return *out ? out : "none recorded";
}

json_t *groups_json(int groups)
{
	json_t *arr = json_array();
	for (int i = 0; i < 3; i++)
		if (groups & group_flags[i])
			json_array_append_new(arr, json_string(group_names[i]));
	return arr;
}
