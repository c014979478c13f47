/* evidence_files.c: `copro evidence attach|files|detach`: files attached
 * to an evidence item, checked as the web checks them (type from the
 * bytes, 10 MB, the area's quota). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/evidence_file.h"
#include "domain/evidence_pack.h"
#include "domain/reports.h"
#include "report/pdf.h"

static json_t *file_json(const void *item)
{
	const evidence_file_row *f = item;
	return json_pack("{s:I, s:I, s:s, s:s, s:s, s:I, s:s, s:s, s:s}",
			 "id", (json_int_t)f->id, "evidence", (json_int_t)f->evidence_id,
			 "name", f->name, "media_type", f->media_type,
			 "type", evidence_file_words(f->media_type), "size", (json_int_t)f->size,
			 "sha256", f->sha256, "uploaded_by", f->uploaded_by_name,
			 "created_at", f->created_at);
}

static int cmd_evidence_attach(cli *c, int argc, char **argv)
{
	const char *pos[2], *name = NULL;
	const cli_opt opts[] = {{"--name", &name, NULL, NULL}, {0}};
	int64_t id;
	if (cli_parse_args(c, argc, argv, opts, pos, 2, "The evidence", &id) < 0)
		return EXIT_USAGE;
	evidence_row ev;
	if (cli_open(c) < 0 || evidence_get(&c->d, id, &ev, &c->e) < 0)
		return cli_fail(c);
	size_t len;
	char *bytes = cli_read_file(c, pos[1], EVIDENCE_FILE_MAX + 1, "", &len);
	if (!bytes)
		return cli_fail(c);
	evidence_file_row f;
	int rc = evidence_file_attach(&c->d, NULL, ev.organisation_id, id, name ? name : pos[1],
				      bytes, len, &f, &c->e);
	free(bytes);
	if (rc < 0)
		return cli_fail(c);
	printf("Attached file %lld to evidence %lld: %s (%s, %s).\n", (long long)f.id,
	       (long long)id, f.name, evidence_file_words(f.media_type),
	       evidence_file_size_words(&c->mem, f.size));
	return EXIT_OK;
}

static int cmd_evidence_files(cli *c, int argc, char **argv)
{
	int64_t id;
	bool json = false;
	if (cli_parse_id_json(c, argc, argv, "The evidence", &id, &json) < 0)
		return EXIT_USAGE;
	evidence_row ev;
	evidence_file_list files;
	if (cli_open(c) < 0 || evidence_get(&c->d, id, &ev, &c->e) < 0 ||
	    evidence_files_of(&c->d, id, &files, &c->e) < 0)
		return cli_fail(c);
	if (json)
		return cli_print_json_list(files.items, files.n, sizeof *files.items, file_json);
	if (!files.n)
		printf("Evidence %lld has no files. Attach one with: copro evidence attach %lld FILE\n",
		       (long long)id, (long long)id);
	for (size_t i = 0; i < files.n; i++) {
		const evidence_file_row *f = &files.items[i];
		printf("%lld  %s  %s, %s, added by %s on %.10s\n", (long long)f->id, f->name,
		       evidence_file_words(f->media_type), evidence_file_size_words(&c->mem, f->size),
		       f->uploaded_by_name, f->created_at);
	}
	return EXIT_OK;
}

static int cmd_evidence_detach(cli *c, int argc, char **argv)
{
	const char *pos[2];
	int64_t id, file;
	if (cli_parse_args(c, argc, argv, NULL, pos, 2, "The evidence", &id) < 0 ||
	    cli_id(c, "The file", pos[1], &file) < 0)
		return EXIT_USAGE;
	evidence_row ev;
	evidence_file_row f;
	if (cli_open(c) < 0 || evidence_get(&c->d, id, &ev, &c->e) < 0 ||
	    evidence_file_get(&c->d, ev.organisation_id, id, file, &f, &c->e) < 0 ||
	    evidence_file_remove(&c->d, NULL, &f, &c->e) < 0)
		return cli_fail(c);
	printf("Removed file %lld (%s) from evidence %lld; its bytes are deleted.\n",
	       (long long)file, f.name, (long long)id);
	return EXIT_OK;
}

static int cmd_evidence_pack(cli *c, int argc, char **argv)
{
	const char *output = NULL;
	const cli_opt opts[] = {{"--output", &output, NULL, NULL}, {0}};
	int64_t id;
	if (cli_parse_id(c, argc, argv, opts, "The evaluation", &id) < 0)
		return EXIT_USAGE;
	if (!output)
		return cli_usage_error(c, "--output FILE.zip is required: the pack is a ZIP file."), EXIT_USAGE;
	report_doc *doc;
	report_bytes pdf, zip;
	const char *name;
	if (cli_open(c) < 0 || report_evaluation(&c->d, 0, id, &doc, &c->e) < 0 ||
	    report_pdf(doc, NULL, &pdf, &c->e) < 0 || evidence_pack(&c->d, 0, id, &pdf, &zip, &name, &c->e) < 0)
		return cli_fail(c);
	FILE *f = fopen(output, "wb");
	bool written = f && fwrite(zip.data, 1, zip.len, f) == zip.len;
	if (f && fclose(f) != 0)
		written = false;
	if (!written) {
		err_set(&c->e, ERR_IO, "cannot write %s: check the folder exists and you may write there.", output);
		return cli_fail(c);
	}
	printf("Wrote the evidence pack of evaluation %lld to %s (%s).\n", (long long)id, output,
	       evidence_file_size_words(&c->mem, (int64_t)zip.len));
	return EXIT_OK;
}

const command evidence_file_commands[] = {
	{"evidence attach", "attach a file to an evidence item",
	 "Usage: copro evidence attach EVIDENCE FILE [--name NAME]\n\n"
	 "  --name NAME   the name to keep (default: FILE's own name)\n\n"
	 "copro takes PDF, Word (.docx), Excel (.xlsx), OpenDocument text (.odt), PNG\n"
	 "and JPEG images, plain text and CSV files, up to 10 MB each, within the\n"
	 "organisation's file space (an area setting). The type is read from the\n"
	 "file's contents, never from its name.\n\n"
	 "Example:\n  copro evidence attach 3 minutes-october.pdf\n", cmd_evidence_attach},
	{"evidence files", "list the files attached to an evidence item",
	 "Usage: copro evidence files EVIDENCE [--json]\n\n"
	 "Example:\n  copro evidence files 3 --json\n", cmd_evidence_files},
	{"evidence detach", "remove a file from an evidence item (its bytes are deleted)",
	 "Usage: copro evidence detach EVIDENCE FILE\n\n"
	 "FILE is the file's number from `copro evidence files EVIDENCE`.\n\n"
	 "Example:\n  copro evidence detach 3 2\n", cmd_evidence_detach},
	{"evidence pack", "an evaluation's evidence pack (ZIP) for an assessor or an inspection",
	 "Usage: copro evidence pack EVALUATION --output FILE.zip\n\n"
	 "The ZIP holds report.pdf (the self-evaluation's report), readiness.txt (Charter\n"
	 "Gold readiness, copro's reading of the guidance, not an award), evidence.csv\n"
	 "(each evidence item linked to the evaluation) and evidence-files/ (their files).\n\n"
	 "Example:\n  copro evidence pack 1 --output riverside-evidence.zip\n", cmd_evidence_pack},
	{0},
};
