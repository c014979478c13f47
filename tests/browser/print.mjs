// print.mjs: every signed-in page prints cleanly (issue 14, "Print"): a
// sample of pages by role (statement, evaluation, audit principle, plan,
// measures, actions, evidence, the area's dashboard), each printed with
// page.emulateMedia({media: 'print'}) as Chromium's print preview draws it:
// no header, service navigation, footer or skip and back links; no form
// control or button to be seen; the page's heading there; no address
// printed after a link inside the service, an https link's address kept;
// details open; nothing wider than the sheet. Each page's PDF (A4) goes to
// build/screenshots/print-NAME.pdf with its page count, for a look with
// pdftoppm.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { DEMO_PASSWORD as PASSWORD, SHOTS, coproCli as copro, expect, signInAs as signIn } from './lib.mjs';

const SAMPLE = [
	// [name, who, address]
	['statement', 'lead', '/org/1/evaluation/1/statement/1i'],
	['evaluation', 'lead', '/org/1/evaluation/1'],
	['readiness', 'viewer', '/org/1/evaluation/1/readiness'],
	['audit-principle', 'lead', '/org/1/audit/1/principle/1'],
	['plan', 'contributor', '/org/1/plan/1'],
	['plan-cornerstone', 'contributor', '/org/1/plan/1/cornerstone/1'],
	['measures', 'viewer', '/org/1/measures'],
	['measure', 'contributor', '/org/1/measure/1'],
	['actions', 'contributor', '/org/1/actions'],
	['evidence-library', 'viewer', '/org/1/evidence'],
	['evidence', 'lead', '/org/1/evidence/1'],
	['area-dashboard', 'area', '/area/1/dashboard'],
	['area-portfolio', 'area', '/area/1'],
];

const USERS = {
	area: { email: 'area@example.org', args: ['--role', 'area-admin', '--area', 'Demo Borough'] },
	lead: { email: 'lead@example.org', args: ['--role', 'lead', '--org', '1'] },
	contributor: { email: 'contributor@example.org', args: ['--role', 'contributor', '--org', '1'] },
	viewer: { email: 'viewer@example.org', args: ['--role', 'viewer', '--org', '1'] },
};

// What the printed page shows that it should not, as sentences.
async function printProblems(page) {
	return page.evaluate(() => {
		const shown = (el) => {
			const s = getComputedStyle(el);
			const box = el.getBoundingClientRect();
			return s.display !== 'none' && s.visibility !== 'hidden' && box.width > 0 && box.height > 0;
		};
		const out = [];
		for (const sel of ['.govuk-service-navigation', '.govuk-footer', '.govuk-skip-link', '.govuk-back-link',
			'.govuk-breadcrumbs', '.govuk-pagination'])
			for (const el of document.querySelectorAll(sel))
				if (shown(el))
					out.push(`${sel} is printed`);
		for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea, button, .govuk-button'))
			if (shown(el))
				out.push(`a form control is printed: <${el.tagName.toLowerCase()} ${el.name ? `name="${el.name}"` : ''}> ${(el.innerText || el.value || '').trim().slice(0, 40)}`);
		const h1 = document.querySelector('h1');
		if (!h1 || !shown(h1))
			out.push('no heading printed');
		for (const a of document.querySelectorAll('main a.govuk-link[href]')) {
			if (!shown(a))
				continue;
			const after = getComputedStyle(a, '::after').content;
			const href = a.getAttribute('href');
			const inside = /^[/#?]/.test(href);
			if (inside && after !== 'none' && after !== 'normal')
				out.push(`the address of a link inside the service is printed: ${href}`);
			if (/^https?:/.test(href) && !after.includes(href))
				out.push(`an address out of the service is not printed: ${href}`);
		}
		for (const d of document.querySelectorAll('main details')) {
			const body = d.querySelector('.govuk-details__text');
			if (body && !body.getBoundingClientRect().height)
				out.push('a details element prints closed');
		}
		const width = document.documentElement.clientWidth;
		for (const el of document.querySelectorAll('main table, main .copro-grid, main svg'))
			if (shown(el) && el.getBoundingClientRect().right > width + 1)
				out.push(`a ${el.tagName.toLowerCase()} is cut at the sheet's edge (${Math.round(el.getBoundingClientRect().right)} px of ${width})`);
		return out;
	});
}

export default async function print(t) {
	const app = await t.startApp();
	await t.step('the demo, with a user of each role', async () => {
		copro(app.db, ['demo']);
		for (const [who, u] of Object.entries(USERS))
			copro(app.db, ['user', 'add', '--name', `Demo ${who}`, '--email', u.email, ...u.args], `${PASSWORD}\n`);
	});
	mkdirSync(SHOTS, { recursive: true });
	const pages = {};
	for (const [name, who, address] of SAMPLE) {
		if (!pages[who]) {
			pages[who] = await t.newPage();
			await t.step(`${who} signs in`, () => signIn(pages[who], app, USERS[who].email));
		}
		const page = pages[who];
		await t.check(`${name} (${address}, the ${who}) prints cleanly`, async () => {
			const resp = await page.goto(`${app.url}${address}`);
			expect(resp.status() === 200, `status ${resp.status()}`);
			await page.emulateMedia({ media: 'print' });
			// The A4 sheet inside 15 mm margins: 180 mm at 96 px to the inch.
			const before = page.viewportSize();
			await page.setViewportSize({ width: 680, height: 1009 });
			try {
				const problems = await printProblems(page);
				expect(!problems.length, problems.join('\n'));
				const pdf = await page.pdf({ format: 'A4', printBackground: true });
				writeFileSync(path.join(SHOTS, `print-${name}.pdf`), pdf);
				const sheets = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) || []).length;
				console.log(`# print: ${name} prints on ${sheets} A4 page${sheets === 1 ? '' : 's'}`);
			} finally {
				await page.emulateMedia({ media: 'screen' });
				await page.setViewportSize(before);
			}
		});
	}
	for (const page of Object.values(pages))
		await page.context().close();
}
