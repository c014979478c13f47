/* lookup.c: finding the parts of a loaded instrument by key. Lists are
 * short (a few dozen items at most), so a scan is all it takes. */
#include "framework/framework.h"

#include <string.h>

static bool same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

const fw_item *fw_item_find(const fw_item *items, size_t n, const char *key)
{
	for (size_t i = 0; key && i < n; i++)
		if (same(items[i].key, key))
			return &items[i];
	return NULL;
}

const fw_section *framework_section(const framework *fw, const char *key)
{
	for (size_t s = 0; key && s < fw->n_sections; s++)
		if (same(fw->sections[s].key, key))
			return &fw->sections[s];
	return NULL;
}

const fw_element *framework_element(const framework *fw, const char *key)
{
	for (size_t s = 0; key && s < fw->n_sections; s++)
		for (size_t e = 0; e < fw->sections[s].n_elements; e++)
			if (same(fw->sections[s].elements[e].key, key))
				return &fw->sections[s].elements[e];
	return NULL;
}

const fw_item *element_indicator(const fw_element *el, const char *key)
{
	return fw_item_find(el->indicators, el->n_indicators, key);
}

const fw_item *element_level(const fw_element *el, const char *key)
{
	return fw_item_find(el->levels, el->n_levels, key);
}

const fw_item *section_question(const fw_section *sec, const char *key)
{
	return fw_item_find(sec->questions, sec->n_questions, key);
}

const fw_measure *framework_measure(const framework *fw, const char *key)
{
	for (size_t s = 0; key && s < fw->n_sections; s++)
		for (size_t m = 0; m < fw->sections[s].n_measures; m++)
			if (same(fw->sections[s].measures[m].key, key))
				return &fw->sections[s].measures[m];
	return NULL;
}

const fw_field *framework_field(const framework *fw, const char *key)
{
	for (size_t i = 0; key && i < fw->n_fields; i++)
		if (same(fw->fields[i].key, key))
			return &fw->fields[i];
	return NULL;
}

const fw_item *framework_outcome(const framework *fw, const char *key)
{
	return fw_item_find(fw->outcomes, fw->n_outcomes, key);
}

const fw_item *framework_column(const framework *fw, const char *key)
{
	return fw_item_find(fw->columns, fw->n_columns, key);
}

const fw_item *framework_aspect(const framework *fw, const char *key)
{
	return fw_item_find(fw->aspects, fw->n_aspects, key);
}

const char *exemplar_cell(const fw_exemplar *ex, const char *column)
{
	for (size_t i = 0; column && i < ex->n_cells; i++)
		if (same(ex->cells[i].column, column))
			return ex->cells[i].text;
	return NULL;
}
