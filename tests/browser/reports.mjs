// reports.mjs: the printable reports, as a viewer of the demo school (who
// may read, so may print and download): from the self-evaluation's, the
// audit's, the plan's, the measures' and the actions' pages to their
// "Print or download" pages by mouse and by keyboard, the report there
// (the self-evaluation as the tool's grid) (the header row in a thead, which repeats on each
// printed page), the print preview without copro's menus, and the PDF
// downloaded as an attachment. At 375 px without JavaScript the page still
// reads and links the PDF. Every page reached gets visit().

import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { DEMO_PASSWORD, SHOTS, VIEWPORTS, coproCli, expect, expectEqual, markFocusBaseline, pathOf, signInAs, tabTo } from './lib.mjs';

const VIEWER = 'viewer@example.org';
const REPORTS = [
	{ from: '/org/1/evaluation/1', to: '/org/1/evaluation/1/report', name: 'evaluation',
	  title: 'Four Cornerstones Self-Evaluation Tool, 2026-27', has: ['Cornerstone 1: Welcome and Care', '1i Providing a happy and secure environment or context'] },
	{ from: '/org/1/audit/1', to: '/org/1/audit/1/report', name: 'audit',
	  title: 'Joint Partnership Auditing Framework - Service Development Measurement tool, version 1',
	  has: ['Principle 1: We value the importance', 'Chosen: Excellent', 'Name and Signature'] },
	{ from: '/org/1/plan/1', to: '/org/1/plan/1/report', name: 'plan',
	  title: 'Riverside service plan, 2026-27', has: ['Areas for Development', 'Also consider how the Cornerstones'] },
	{ from: '/org/1/measures', to: '/org/1/measures/report', name: 'measures',
	  title: 'Four Cornerstones Success Measures: monitoring grid', has: ['What exactly needs to be improved?'] },
	{ from: '/org/1/actions', to: '/org/1/actions/report', name: 'actions',
	  title: 'Action plan', has: ['Open actions', 'Done or dropped'] },
];

export default async function reports(t) {
	const app = await t.startApp();
	const page = await t.newPage();
	await t.step('the demo and a viewer of its school sign in', async () => {
		coproCli(app.db, ['demo']);
		coproCli(app.db, ['user', 'add', '--name', 'Demo viewer', '--email', VIEWER, '--role', 'viewer', '--org', '1'],
			`${DEMO_PASSWORD}\n`);
		await signInAs(page, app, VIEWER);
	});

	for (const rep of REPORTS) {
		await t.step(`${rep.name}: "Print or download" from its page, by mouse`, async () => {
			await page.goto(`${app.url}${rep.from}`);
			await page.getByRole('link', { name: 'Print or download' }).click();
			expectEqual(pathOf(page), rep.to, 'the address');
			expectEqual(await page.getByRole('heading', { level: 1 }).innerText(), rep.title, 'the heading');
			for (const text of rep.has)
				expect(await page.getByText(text, { exact: false }).count() > 0, `"${text}" is not on the page`);
			expect(await page.locator('.copro-report table thead th').count() >= 2, 'the report has no header row in a thead');
		});
		// A report is pages long: the screenshots show its first screen at
		// each size (a full-page one takes longer than a check may).
		await t.visit(page, `${rep.name}-report`, { shots: false });
		await t.check(`${rep.name}: screenshots at 1280 and 375 px, no sideways scrolling at 375`, async () => {
			mkdirSync(SHOTS, { recursive: true });
			for (const v of VIEWPORTS) {
				await page.setViewportSize(v);
				await page.screenshot({ path: path.join(SHOTS, `reports-${rep.name}-${v.width}x${v.height}.png`) });
				const w = await page.evaluate(() => document.documentElement.scrollWidth);
				expect(w <= v.width, `at ${v.width} px the page is ${w} px wide`);
			}
			await page.setViewportSize(VIEWPORTS[0]);
		});

		await t.check(`${rep.name}: the print preview shows the report alone, on A4`, async () => {
			await page.emulateMedia({ media: 'print' });
			mkdirSync(SHOTS, { recursive: true });
			await page.screenshot({ path: path.join(SHOTS, `reports-${rep.name}-print.png`), fullPage: false });
			for (const css of ['.govuk-service-navigation', '.govuk-footer', '.govuk-back-link', '.copro-print-hide'])
				for (const el of await page.locator(css).all())
					expect(!(await el.isVisible()), `${css} shows in print`);
			await page.emulateMedia({ media: 'screen' });
		});

		await t.check(`${rep.name}: the PDF downloads as an attachment`, async () => {
			const link = page.getByRole('link', { name: /\(PDF, A4/ });
			const href = await link.getAttribute('href');
			expectEqual(href, `${rep.to}/pdf`, 'the link');
			const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
			expect(/^[a-z0-9-]+\.pdf$/.test(download.suggestedFilename()), `the file name ${download.suggestedFilename()}`);
			const resp = await page.request.get(`${app.url}${href}`);
			expectEqual(resp.status(), 200, 'the status');
			expectEqual(resp.headers()['content-type'], 'application/pdf', 'the type');
			expect(/^attachment; filename="[a-z0-9-]+\.pdf"/.test(resp.headers()['content-disposition']),
				`the disposition ${resp.headers()['content-disposition']}`);
			expectEqual((await resp.body()).subarray(0, 5).toString(), '%PDF-', 'the bytes');
		});

		await t.check(`${rep.name}: by keyboard from its page`, async () => {
			await page.goto(`${app.url}${rep.from}`);
			await markFocusBaseline(page);
			await tabTo(page, { tag: 'a', name: 'Print or download' }, { max: 40 });
			await Promise.all([page.waitForURL(`**${rep.to}`), page.keyboard.press('Enter')]);
		});
	}

	const plain = await t.newPage({ javaScriptEnabled: false, viewport: VIEWPORTS[1] });
	await plain.context().addCookies(await page.context().cookies());
	await t.step('at 375 px without JavaScript the report reads and links its PDF', async () => {
		await plain.goto(`${app.url}${REPORTS[0].to}`);
		expectEqual(await plain.getByRole('heading', { level: 1 }).innerText(), REPORTS[0].title, 'the heading');
		expect(await plain.getByRole('link', { name: /\(PDF, A4/ }).count() === 1, 'no PDF link');
	});
	await t.check('... and does not scroll sideways at 375 px', async () => {
		const w = await plain.evaluate(() => document.documentElement.scrollWidth);
		expect(w <= 375, `the page is ${w} px wide`);
	});
	await t.stopApp(app, 'reports');
}
