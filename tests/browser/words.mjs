// words.mjs: the source's words and search (issue 13, items 5 and 6). A
// viewer searches the demo school by keyboard alone (Tab to the box, type,
// Enter, Tab to a result, Enter opens it); the results say what kind each
// record is; an empty search is refused with the GOV.UK error summary, with
// JavaScript off; "About this tool" is reached from the evaluation by its
// "How to use this tool" link and shows 001's own guidance; every page is
// scanned by axe and photographed at 1280 and 375 px.

import { execFileSync } from 'node:child_process';

import { COPRO, expect, expectEqual, markFocusBaseline, pathOf, submit, tabTo } from './lib.mjs';

const PASSWORD = 'correct horse battery staple';
const VIEWER = 'viewer@example.org';

function copro(db, args, input) {
	return execFileSync(COPRO, ['--db', db, ...args], { input, stdio: ['pipe', 'pipe', 'pipe'] }).toString();
}

async function signIn(page, app) {
	await page.goto(`${app.url}/sign-in`);
	const form = page.locator('form[action="/sign-in"]');
	await form.getByLabel('Email address').fill(VIEWER);
	await form.getByLabel('Password').fill(PASSWORD);
	await submit(page, () => form.getByRole('button', { name: 'Sign in' }).click());
	expect(pathOf(page) !== '/sign-in', 'the viewer could not sign in');
}

export default async function words(t) {
	const app = await t.startApp();
	await t.step('the demo school and a viewer', async () => {
		copro(app.db, ['demo']);
		copro(app.db, ['user', 'add', '--name', 'Demo viewer', '--email', VIEWER, '--role', 'viewer', '--org', '1'],
			`${PASSWORD}\n`);
	});

	const page = await t.newPage();
	await t.step('the viewer signs in', () => signIn(page, app));

	await t.step('search by keyboard: Tab to "Search for", type, Enter', async () => {
		await page.goto(`${app.url}/org/1/search`);
		await markFocusBaseline(page);
		await tabTo(page, { id: 'q' }, { max: 30 });
		await page.keyboard.type('parent forum');
		const r = await submit(page, () => page.keyboard.press('Enter'));
		expectEqual(r?.status(), 200, 'the status');
		expectEqual(pathOf(page), '/org/1/search', 'the address');
		await page.getByRole('heading', { level: 2, name: /results? for ‘parent forum’/ }).waitFor();
	});
	await t.visit(page, 'search-results');

	await t.check('each result says what kind of record it is and links to it', async () => {
		const results = page.locator('ol.copro-search-results > li');
		const n = await results.count();
		expect(n >= 1, 'no results for "parent forum"');
		for (let i = 0; i < n; i++) {
			const kind = (await results.nth(i).locator('.govuk-caption-s').innerText()).trim();
			expect(['Evidence', 'Action', 'Success measure', 'Plan', 'You said'].includes(kind), `result ${i + 1} is a "${kind}"`);
			const href = await results.nth(i).getByRole('link').getAttribute('href');
			expect(/^\/org\/1\//.test(href), `result ${i + 1} links to ${href}`);
		}
	});

	await t.step('Tab reaches the first result and Enter opens its record', async () => {
		await markFocusBaseline(page);
		const first = page.locator('ol.copro-search-results > li a').first();
		const name = (await first.innerText()).trim();
		const href = await first.getAttribute('href');
		await tabTo(page, { tag: 'a', name }, { max: 30 });
		await submit(page, () => page.keyboard.press('Enter'));
		expectEqual(pathOf(page), href.replace(/#.*/, ''), 'the address after Enter on the first result');
	});

	const off = await t.newPage({ javaScriptEnabled: false });
	await t.step('JavaScript off: the viewer signs in and sends an empty search', async () => {
		await signIn(off, app);
		await off.goto(`${app.url}/org/1/search`);
		const r = await submit(off, () => off.getByRole('button', { name: 'Search' }).click());
		expectEqual(r?.status(), 400, 'the status of an empty search');
		expect(/^Error: /.test(await off.title()), `the title "${await off.title()}" does not start "Error: "`);
		await off.getByRole('link', { name: 'Enter a word to search for, for example a title or a name.' }).waitFor();
	});
	// No axe with scripts off (it runs as a script): the same page is
	// scanned with them on below.

	await t.step('JavaScript off: a search with quotes and operators is a plain search', async () => {
		await off.getByLabel('Search for').fill('"coffee" AND NEAR(');
		const r = await submit(off, () => off.getByRole('button', { name: 'Search' }).click());
		expectEqual(r?.status(), 200, 'the status');
		await off.getByRole('heading', { level: 2, name: /‘"coffee" AND NEAR\(’/ }).waitFor();
	});

	await t.step('with JavaScript on, the same empty search', async () => {
		await page.goto(`${app.url}/org/1/search?q=`);
		await page.getByRole('link', { name: 'Enter a word to search for, for example a title or a name.' }).waitFor();
	});
	await t.visit(page, 'search-empty');

	await t.step('the evaluation links to "How to use this tool"', async () => {
		await page.goto(`${app.url}/org/1/evaluation/1`);
		await submit(page, () => page.getByRole('link', { name: 'How to use this tool' }).click());
		expectEqual(pathOf(page), '/frameworks/four-cornerstones', 'the address');
		await page.getByRole('heading', { level: 1, name: 'Four Cornerstones Self-Evaluation Tool' }).waitFor();
		await page.getByRole('heading', { level: 2, name: 'How to use it' }).waitFor();
		await page.getByText('by no means exhaustive').waitFor();
		await page.getByRole('heading', { level: 2, name: 'Definitions' }).waitFor();
	});
	await t.visit(page, 'about-four-cornerstones');

	await t.step('the editor\'s notes are folded until asked for, by keyboard', async () => {
		const notes = page.getByText('How the tool was transcribed');
		expect(!(await page.getByText('Transcribed from the clean text extraction').isVisible()), 'the notes show unasked');
		await markFocusBaseline(page);
		await tabTo(page, { name: /How the tool was transcribed/ }, { max: 40 });
		await page.keyboard.press('Enter');
		await page.getByText(/Transcribed from the clean text extraction/).waitFor();
		expect(await notes.isVisible(), 'the summary is not visible');
	});

	await t.step('the list of tools', async () => {
		await page.goto(`${app.url}/frameworks`);
		await page.getByRole('link', { name: 'Joint Partnership Auditing Framework - Service Development Measurement tool' }).waitFor();
	});
	await t.visit(page, 'about-tools');
	await page.goto(`${app.url}/frameworks/york-strategic-model`);
	await t.visit(page, 'about-york-strategic');
}
