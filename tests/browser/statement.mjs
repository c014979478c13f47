// statement.mjs: a statement of the demo school's self-evaluation, laid out
// like the paper tool's grid (statement, indicators, evidence), and its four
// tasks, each a page of its own, by role: a viewer reads, a contributor adds
// and links evidence, a lead also records the judgement and adds an
// indicator. A contributor adds evidence for one indicator at 375 px, and
// again with JavaScript off (a refused form stays at its address and opens
// again); a lead adds an indicator by keyboard alone. Every page gets axe,
// screenshots and the sideways check (visit); the statement's height at
// 1280 px is measured against the 4,000 px every signed-in page keeps under.

import { execFileSync } from 'node:child_process';
import path from 'node:path';

import {
	COPRO, SHOTS, expect, expectEqual, focused, markFocusBaseline, pathOf, pressTo, submit, tabTo,
} from './lib.mjs';

const PASSWORD = 'correct horse battery staple';
const PEOPLE = {
	lead: { name: 'Lena Lead', email: 'lena.lead@example.org', role: 'lead' },
	contributor: { name: 'Cai Contributor', email: 'cai@example.org', role: 'contributor' },
	viewer: { name: 'Vic Viewer', email: 'vic@example.org', role: 'viewer' },
};
const TASKS = ['Add new evidence', 'Link evidence you already have', 'Record the judgement', 'Add your own indicator'];
const MOBILE = { width: 375, height: 812 };

async function signIn(t, app, who, options = {}) {
	const page = await t.newPage(options);
	await page.goto(`${app.url}/sign-in`);
	await page.getByLabel('Email address').fill(who.email);
	await page.getByLabel('Password').fill(PASSWORD);
	await submit(page, () => page.getByRole('button', { name: 'Sign in' }).click());
	expect(pathOf(page) !== '/sign-in', `${who.name} could not sign in`);
	return page;
}

const squash = (s) => s.replace(/\s+/g, ' ').trim();

export default async function statement(t) {
	const app = await t.startApp();
	let statementPath;
	await t.step('the demo school, with a lead, a contributor and a viewer', async () => {
		execFileSync(COPRO, ['--db', app.db, 'demo'], { stdio: 'pipe' });
		for (const who of Object.values(PEOPLE))
			execFileSync(COPRO, ['--db', app.db, 'user', 'add', '--name', who.name, '--email', who.email,
				'--role', who.role, '--org', '1'], { input: `${PASSWORD}\n`, stdio: ['pipe', 'pipe', 'pipe'] });
	});

	// ---- the lead reads the statement --------------------------------------
	const lead = await signIn(t, app, PEOPLE.lead);
	await t.step('the lead opens statement 1i from the self-evaluation', async () => {
		await lead.goto(`${app.url}/org/1`);
		await submit(lead, () => lead.getByRole('link', { name: /Four Cornerstones/ }).first().click());
		const r = await submit(lead, () => lead.getByRole('link', { name: /^1i Providing a happy/ }).click());
		expectEqual(r?.status(), 200, 'the status');
		statementPath = pathOf(lead);
		expect(/^\/org\/1\/evaluation\/\d+\/statement\/1i$/.test(statementPath), `the address is ${statementPath}`);
		await lead.getByRole('heading', { level: 1, name: /^1i Providing a happy and secure environment/ }).waitFor();
	});

	await t.check('the statement reads like the paper grid: each indicator beside its evidence, the judgement once', async () => {
		const rows = lead.locator('.copro-grid__row');
		expectEqual(await rows.count(), 9, 'indicator rows (1i.a to 1i.i)');
		const first = rows.first();
		await first.getByRole('heading', { level: 3, name: '1i.a' }).waitFor();
		const link = first.getByRole('link', { name: 'Morning welcome at the gate' });
		expect(/^\/org\/1\/evidence\/\d+$/.test(await link.getAttribute('href')), 'the evidence links to its page');
		expect(/\d{1,2} [A-Z][a-z]+ 20\d\d\. Partner groups: /.test(await first.innerText()), `1i.a says: ${await first.innerText()}`);
		// At 1280 px the indicator and its evidence sit side by side.
		const ind = await first.locator('.copro-grid__indicator').boundingBox();
		const ev = await first.locator('.copro-grid__evidence').boundingBox();
		expect(ev.x > ind.x + ind.width - 1 && Math.abs(ev.y - ind.y) < 2, 'the evidence is not beside its indicator');
		expectEqual(await lead.getByRole('heading', { name: 'Strengths', exact: true }).count(), 1, '"Strengths" headings');
		expectEqual(await lead.getByRole('heading', { name: 'Areas for development', exact: true }).count(), 1, '"Areas for development" headings');
		expectEqual(await lead.locator('main textarea, main form[action$="/review"]').count(), 0, 'judgement forms on the statement');
		for (const name of TASKS)
			expectEqual(await lead.getByRole('link', { name, exact: true }).count(), 1, `links "${name}"`);
	});

	await t.check('the statement is under 4,000 px tall at 1280 px with the demo data', async () => {
		const h = await lead.evaluate(() => document.documentElement.scrollHeight);
		console.log(`# statement 1i of the demo school: ${h} px tall at 1280 px`);
		expect(h < 4000, `${h} px`);
	});
	await t.visit(lead, 'statement-lead');

	for (const [i, name] of TASKS.entries()) {
		const task = ['evidence', 'link', 'review', 'indicator'][i];
		await t.step(`"${name}" opens its own page at .../${task}, with a back link`, async () => {
			await lead.goto(`${app.url}${statementPath}`);
			const r = await submit(lead, () => lead.getByRole('link', { name, exact: true }).click());
			expectEqual(r?.status(), 200, 'the status');
			expectEqual(pathOf(lead), `${statementPath}/${task}`, 'the address');
			await lead.getByRole('heading', { level: 1, name }).waitFor();
			expectEqual(await lead.locator(`form[action="${statementPath}/${task}"]`).count(), 1, 'its form posting to its own address');
			expectEqual(await lead.getByRole('link', { name: 'Back to statement 1i' }).getAttribute('href'), statementPath, 'the back link');
		});
		await t.visit(lead, `statement-${task}`);
	}

	// ---- the viewer reads only ------------------------------------------------
	const viewer = await signIn(t, app, PEOPLE.viewer);
	await t.check('a viewer sees the statement and its evidence, no tasks, and the task pages refuse them', async () => {
		const r = await viewer.goto(`${app.url}${statementPath}`);
		expectEqual(r?.status(), 200, 'the status');
		await viewer.getByRole('link', { name: 'Morning welcome at the gate' }).first().waitFor();
		for (const name of TASKS)
			expectEqual(await viewer.getByRole('link', { name, exact: true }).count(), 0, `links "${name}"`);
		expectEqual(await viewer.getByRole('link', { name: /^Add evidence for / }).count(), 0, '"Add evidence for" links');
		expectEqual((await viewer.goto(`${app.url}${statementPath}/evidence`))?.status(), 403, 'the status of the evidence page');
	});
	await t.visit(viewer, 'statement-viewer', { shots: false });

	// ---- a contributor at 375 px ---------------------------------------------
	const phone = await signIn(t, app, PEOPLE.contributor, { viewport: MOBILE });
	await t.step('at 375 px the statement stacks: each indicator above its evidence, and the contributor has two tasks', async () => {
		await phone.goto(`${app.url}${statementPath}`);
		const row = phone.locator('.copro-grid__row').nth(1);
		const ind = await row.locator('.copro-grid__indicator').boundingBox();
		const ev = await row.locator('.copro-grid__evidence').boundingBox();
		expect(ev.y >= ind.y + ind.height - 1, 'the evidence is not under its indicator');
		expect(squash(await row.locator('.copro-grid__label').innerText()) === 'Evidence for 1i.b', 'the evidence cell is not labelled');
		for (const name of TASKS)
			expectEqual(await phone.getByRole('link', { name, exact: true }).count(), contributorSees(name), `links "${name}"`);
	});
	await t.visit(phone, 'statement-contributor-375');

	await t.step('at 375 px: "Add evidence for 1i.b" opens the form with 1i.b ticked; saving returns with a banner', async () => {
		await submit(phone, () => phone.getByRole('link', { name: 'Add evidence for 1i.b' }).click());
		expectEqual(pathOf(phone), `${statementPath}/evidence`, 'the address');
		expect(await phone.getByLabel(/^1i\.b: /).isChecked(), '1i.b is not ticked');
		expect(!(await phone.getByLabel(/^1i\.a: /).isChecked()), '1i.a is ticked');
		await phone.getByLabel('Title', { exact: true }).fill('Induction pack reviewed with parent carers');
		await phone.getByLabel('Day', { exact: true }).fill('3');
		await phone.getByLabel('Month', { exact: true }).fill('11');
		await phone.getByLabel('Year', { exact: true }).fill('2026');
		await phone.getByLabel('Parent carers', { exact: true }).check();
		const r = await submit(phone, () => phone.getByRole('button', { name: 'Add evidence' }).click());
		expectEqual(r?.status(), 200, 'the status');
		expectEqual(pathOf(phone), statementPath, 'the address');
		expect(/Evidence added and linked/.test(await phone.getByRole('alert').innerText()), 'no success banner');
		const row = phone.locator('.copro-grid__row', { has: phone.getByRole('heading', { name: '1i.b' }) });
		const text = squash(await row.innerText());
		expect(text.includes('Induction pack reviewed with parent carers') && text.includes('3 November 2026'), `1i.b says: ${text}`);
	});
	await t.visit(phone, 'statement-evidence-added-375');

	// ---- a contributor without JavaScript ---------------------------------------
	const plain = await signIn(t, app, PEOPLE.contributor, { javaScriptEnabled: false });
	await t.step('without JavaScript, a refused form stays at its address with "Error: " in the title, and reopens', async () => {
		await plain.goto(`${app.url}${statementPath}`);
		await submit(plain, () => plain.getByRole('link', { name: 'Add new evidence', exact: true }).click());
		await plain.getByLabel('Title', { exact: true }).fill('Coffee morning notes');
		const r = await submit(plain, () => plain.getByRole('button', { name: 'Add evidence' }).click());
		expectEqual(r?.status(), 400, 'the status');
		expectEqual(pathOf(plain), `${statementPath}/evidence`, 'the address');
		expect((await plain.title()).startsWith('Error: Add new evidence'), `the title is ${await plain.title()}`);
		await plain.getByRole('link', { name: 'Enter the date of the evidence' }).waitFor();
		expectEqual(await plain.getByLabel('Title', { exact: true }).inputValue(), 'Coffee morning notes', 'the typed title');
		// Opening the address again (a bookmark, the address bar): a GET.
		const again = await plain.goto(plain.url());
		expectEqual(again?.status(), 200, 'the status of the address opened again');
		await plain.getByRole('heading', { level: 1, name: 'Add new evidence' }).waitFor();
	});
	// No axe here: it runs as a script, and scripts are off; the same page
	// with scripts on was checked above. A screenshot shows the message.
	await plain.screenshot({ path: path.join(SHOTS, 'statement-evidence-refused-nojs-1280x800.png'), fullPage: true });

	await t.step('without JavaScript, the evidence is saved and shown under its indicator', async () => {
		await plain.getByLabel('Title', { exact: true }).fill('Coffee morning notes');
		await plain.getByLabel('Day', { exact: true }).fill('4');
		await plain.getByLabel('Month', { exact: true }).fill('11');
		await plain.getByLabel('Year', { exact: true }).fill('2026');
		await plain.getByLabel(/^1i\.d: /).check();
		const r = await submit(plain, () => plain.getByRole('button', { name: 'Add evidence' }).click());
		expectEqual(r?.status(), 200, 'the status');
		expectEqual(pathOf(plain), statementPath, 'the address');
		expect(/Evidence added and linked/.test(await plain.locator('.govuk-notification-banner').innerText()), 'no banner');
		const row = plain.locator('.copro-grid__row', { has: plain.getByRole('heading', { name: '1i.d' }) });
		expect((await row.innerText()).includes('Coffee morning notes'), '1i.d does not show it');
	});

	// ---- the lead adds an indicator by keyboard alone -----------------------------
	await t.step('by keyboard: Tab to "Add your own indicator", Enter, type it, Enter on the button', async () => {
		await lead.goto(`${app.url}${statementPath}`);
		await markFocusBaseline(lead);
		await tabTo(lead, { tag: 'a', name: 'Add your own indicator' }, { max: 25 });
		await submit(lead, () => lead.keyboard.press('Enter'));
		await markFocusBaseline(lead);
		expectEqual(pathOf(lead), `${statementPath}/indicator`, 'the address');
		await tabTo(lead, { id: 'indicator_text' }, { max: 25 });
		await lead.keyboard.type('New families are phoned by a named member of staff');
		await pressTo(lead, 'Tab', { tag: 'button', name: 'Add indicator' });
		const r = await submit(lead, () => lead.keyboard.press('Enter'));
		expectEqual(r?.status(), 200, 'the status');
		expectEqual(pathOf(lead), statementPath, 'the address');
		const f = await focused(lead);
		expect(/Success/.test(f.name), `focus is on ${f.tag} "${f.name}", not the success banner`);
		const row = lead.locator('.copro-grid__row', { has: lead.getByRole('heading', { name: /^1i\.own1/ }) });
		expect((await row.innerText()).includes('New families are phoned'), 'the new indicator is not in the grid');
	});
	await t.visit(lead, 'statement-own-indicator', { shots: false });

	await t.stopApp(app, 'statement');
}

// How many of each task link a contributor sees: the two evidence tasks.
function contributorSees(name) {
	return name === 'Add new evidence' || name === 'Link evidence you already have' ? 1 : 0;
}
