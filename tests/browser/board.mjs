// board.mjs: the short reports for boards, by mouse and keyboard. On the
// demo, the lead opens the one-page summary from the self-evaluation,
// downloads it as a PDF (one A4 page, by keyboard) and as a Word file (a
// zip with the document), and it works without JavaScript at 375 px; from
// the self-evaluation's Print or download page, its Word file. The
// area administrator opens the area report from the portfolio and
// downloads it as a PDF and an Excel workbook. Every page reached gets
// visit(), and a look in print.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

import {
	DEMO_PASSWORD, SHOTS, VIEWPORTS, coproCli as copro, expect, expectEqual, markFocusBaseline, pathOf,
	signInAs, submit, tabTo,
} from './lib.mjs';

export default async function board(t) {
	const app = await t.startApp();
	await t.step('the demo, its lead and the area administrator', async () => {
		copro(app.db, ['demo']);
		copro(app.db, ['user', 'add', '--name', 'Demo lead', '--email', 'lead@example.org', '--role', 'lead', '--org', '1'],
			`${DEMO_PASSWORD}\n`);
		copro(app.db, ['user', 'add', '--name', 'Demo area', '--email', 'area@example.org', '--role', 'area-admin',
			'--area', 'Demo Borough'], `${DEMO_PASSWORD}\n`);
	});

	// Clicks (or presses Enter on) the link named `name` and answers the
	// download: its suggested name and bytes.
	async function download(page, act) {
		const [dl] = await Promise.all([page.waitForEvent('download'), act()]);
		expect(!(await dl.failure()), `the download failed: ${await dl.failure()}`);
		const file = await dl.path();
		return { name: dl.suggestedFilename(), file, bytes: readFileSync(file) };
	}

	const lead = await t.newPage();
	const summary = '/org/1/evaluation/1/summary';
	await t.step('the lead opens the one-page summary from the self-evaluation', async () => {
		await signInAs(lead, app, 'lead@example.org');
		await lead.goto(`${app.url}/org/1/evaluation/1`);
		await submit(lead, () => lead.getByRole('link', { name: 'One-page summary' }).click());
		expectEqual(pathOf(lead), summary, 'the address');
		await lead.getByRole('heading', { level: 1, name: 'Self-evaluation summary' }).waitFor();
		for (const h of ['Where the self-evaluation stands', 'Top strengths and areas for development', 'Actions due'])
			await lead.getByRole('heading', { level: 2, name: h }).waitFor();
	});
	await t.visit(lead, 'summary');
	await t.check('the summary in print: no menus, the report alone', async () => {
		await lead.emulateMedia({ media: 'print' });
		await lead.screenshot({ path: `${SHOTS}/board-summary-print.png`, fullPage: true });
		const header = await lead.locator('header').first().isVisible();
		await lead.emulateMedia({ media: 'screen' });
		expect(!header, 'the header prints');
	});
	await t.check('the PDF downloads by keyboard: one A4 page, named after the school', async () => {
		await markFocusBaseline(lead);
		await tabTo(lead, { tag: 'a', name: /^Self-evaluation summary \(PDF/ }, { max: 40 });
		const dl = await download(lead, () => lead.keyboard.press('Enter'));
		expect(/^summary-riverside-primary-school-demo-2026-27\.pdf$/.test(dl.name), `the name ${dl.name}`);
		expectEqual(dl.bytes.subarray(0, 5).toString(), '%PDF-', 'the start');
		const info = execFileSync('pdfinfo', [dl.file]).toString();
		expect(/^Pages: +1$/m.test(info), `not one page:\n${info}`);
		expect(/A4/.test(info), 'not A4');
	});
	await t.check('the Word file downloads: a zip holding the document', async () => {
		const dl = await download(lead, () => lead.getByRole('link', { name: /^Self-evaluation summary \(Word/ }).click());
		expect(dl.name.endsWith('.docx'), `the name ${dl.name}`);
		expectEqual(dl.bytes.subarray(0, 2).toString(), 'PK', 'the start');
		expect(dl.bytes.includes('word/document.xml'), 'no word/document.xml in it');
	});
	await t.check('the self-evaluation\'s Word file, from its Print or download page', async () => {
		await lead.goto(`${app.url}/org/1/evaluation/1`);
		await submit(lead, () => lead.getByRole('link', { name: 'Print or download' }).click());
		expectEqual(pathOf(lead), '/org/1/evaluation/1/report', 'the address');
		const dl = await download(lead, () => lead.getByRole('link', { name: /\(Word, A4 landscape\)$/ }).click());
		expect(/^riverside-primary-school-demo-four-cornerstones-self-evaluation-tool-2026-27\.docx$/.test(dl.name), `the name ${dl.name}`);
		expectEqual(dl.bytes.subarray(0, 2).toString(), 'PK', 'the start');
		expect(dl.bytes.includes('word/document.xml'), 'no word/document.xml in it');
	});
	await t.check('the summary works without JavaScript at 375 px', async () => {
		const plain = await t.newPage({ javaScriptEnabled: false, viewport: VIEWPORTS[1] });
		await signInAs(plain, app, 'lead@example.org');
		const r = await plain.goto(`${app.url}${summary}`);
		expectEqual(r.status(), 200, 'the status');
		await plain.getByRole('link', { name: /^Self-evaluation summary \(PDF/ }).waitFor();
		const wide = await plain.evaluate(() => document.documentElement.scrollWidth);
		expect(wide <= 375, `the page is ${wide} px wide`);
		await plain.context().close();
	});

	const area = await t.newPage();
	await t.step('the area administrator opens the area report from the portfolio', async () => {
		await signInAs(area, app, 'area@example.org');
		await area.goto(`${app.url}/area/1`);
		await submit(area, () => area.getByRole('link', { name: 'Area report for the SEND partnership board' }).click());
		expectEqual(pathOf(area), '/area/1/report', 'the address');
		await area.getByRole('heading', { level: 1, name: 'Area report: Demo Borough' }).waitFor();
		for (const h of ['Portfolio', 'Heat map', 'Outcomes over time', 'Self-evaluation coverage', 'Overdue actions'])
			await area.getByRole('heading', { level: 2, name: h }).waitFor();
	});
	await t.visit(area, 'area-report');
	await t.check('the area report as a PDF: A4 landscape', async () => {
		const dl = await download(area, () => area.getByRole('link', { name: /^Area report: Demo Borough \(PDF/ }).click());
		expect(/^area-report-demo-borough-\d{4}-\d\d-\d\d\.pdf$/.test(dl.name), `the name ${dl.name}`);
		const info = execFileSync('pdfinfo', [dl.file]).toString();
		expect(/Page size: +841\.89 x 595\.276 pts \(A4\)/.test(info), `not A4 landscape:\n${info}`);
		const text = execFileSync('pdftotext', [dl.file, '-']).toString().split(/\s+/).join(' ');
		expect(text.includes('Riverside Primary School (demo)'), 'the school is not in it');
	});
	await t.check('the area report as Excel: a workbook', async () => {
		const dl = await download(area, () => area.getByRole('link', { name: /^Area report: Demo Borough \(Excel/ }).click());
		expect(dl.name.endsWith('.xlsx'), `the name ${dl.name}`);
		expectEqual(dl.bytes.subarray(0, 2).toString(), 'PK', 'the start');
		expect(dl.bytes.includes('xl/workbook.xml'), 'no xl/workbook.xml in it');
	});
	await t.check('the area report works without JavaScript at 375 px', async () => {
		const plain = await t.newPage({ javaScriptEnabled: false, viewport: VIEWPORTS[1] });
		await signInAs(plain, app, 'area@example.org');
		const r = await plain.goto(`${app.url}/area/1/report`);
		expectEqual(r.status(), 200, 'the status');
		const wide = await plain.evaluate(() => document.documentElement.scrollWidth);
		expect(wide <= 375, `the page is ${wide} px wide`);
		await plain.context().close();
	});
	await t.stopApp(app, 'board');
}
