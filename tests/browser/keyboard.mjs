// keyboard.mjs: the first-run journey by keyboard alone: only Tab,
// Shift+Tab, Enter and Space (and typing into fields) through page.keyboard,
// no clicks. Skip link, set-up (with a refused password and the error
// summary), adding an organisation (radios by Space), starting a
// self-evaluation, opening statement 1i and adding evidence linked to one
// of its indicators (checkboxes by Space), recording the judgement and its
// status, signing out and in again. Every element Tab reaches must show
// that it has focus. The one exception to those keys: the status radios
// have a saved choice, and moving within a radio group takes an arrow key.

import {
	ADMIN, describeFocus, expect, expectEqual, focused, markFocusBaseline, pathOf, pressTo, setupCode, submit, tabTo,
} from './lib.mjs';

const ORG = { name: 'Hill Lane Therapy', type: "Children's therapy service" };
const EVIDENCE = { title: 'Welcome booklet drawn by children' };

// A key press that sends a form or follows a link: waits for the new page
// and prepares it for focus checks.
async function pressAndLoad(page, key) {
	const r = await submit(page, () => page.keyboard.press(key));
	await markFocusBaseline(page);
	return r;
}

export default async function keyboard(t) {
	const app = await t.startApp();
	const page = await t.newPage();
	const kb = page.keyboard;

	await t.step('opening / on first run leads to /setup', async () => {
		await page.goto(`${app.url}/`);
		expectEqual(pathOf(page), '/setup', 'the address');
		await markFocusBaseline(page);
	});

	await t.check('the first Tab reaches "Skip to main content", and Enter on it moves focus to the main content', async () => {
		await pressTo(page, 'Tab', { tag: 'a', name: 'Skip to main content' });
		await kb.press('Enter');
		const f = await focused(page);
		expectEqual(f.id, 'main-content', 'the focused element after Enter');
	});

	await t.step('set-up: Tab goes code, name, email, area, password, button, with visible focus', async () => {
		// From wherever the skip link left focus, the first field.
		await tabTo(page, { id: 'code' }, { max: 6 });
		await kb.type(setupCode(app));
		await pressTo(page, 'Tab', { id: 'name' });
		await kb.type(ADMIN.name);
		await pressTo(page, 'Tab', { id: 'email' });
		await kb.type(ADMIN.email);
		await pressTo(page, 'Tab', { id: 'area' });
		await kb.type(ADMIN.area);
		await pressTo(page, 'Tab', { id: 'password' });
		await kb.type('too short');
		await pressTo(page, 'Tab', { tag: 'button', name: 'Create the administrator' });
		await pressTo(page, 'Shift+Tab', { id: 'password' });
	});

	await t.step('set-up: Enter in the password field sends the form; a short password is refused', async () => {
		const r = await pressAndLoad(page, 'Enter');
		expectEqual(r?.status(), 400, 'the status');
		const f = await focused(page);
		expect(f.tag === 'div' && /There is a problem/.test(f.name), `focus is on ${describeFocus(f)}, not the error summary`);
	});

	await t.step('set-up: Tab reaches the error link, Enter on it goes to the password field, and a good password is accepted', async () => {
		await pressTo(page, 'Tab', { tag: 'a', name: /12 characters/ });
		await kb.press('Enter');
		const f = await focused(page);
		expectEqual(f.id, 'password', 'the focused field after Enter on the error link');
		await kb.type(ADMIN.password);
		await pressTo(page, 'Tab', { tag: 'button', name: 'Create the administrator' });
		const r = await pressAndLoad(page, 'Enter');
		expectEqual(pathOf(page), '/', 'the address');
		expectEqual(r?.status(), 200, 'the status');
	});
	await t.visit(page, 'home', { axe: false, shots: false });

	await t.step('add an organisation: Tab reaches its Name field through the menu', async () => {
		const passed = await tabTo(page, { id: 'name' });
		const menu = ['"Skip to main content"', '"copro"', '"Sign out"'];
		const missing = menu.filter((m) => !passed.some((p) => p.includes(m)));
		expect(!missing.length, `Tab passed ${passed.join(' -> ')}, missing ${missing.join(', ')}`);
		await kb.type(ORG.name);
		await pressTo(page, 'Tab', { id: 'type' });
		await kb.type(ORG.type);
	});

	await t.step('add an organisation: the sector radios are one Tab stop; Space selects one; Shift+Tab goes back', async () => {
		await pressTo(page, 'Tab', { id: 'sector' });
		await kb.press('Space');
		expect(await page.locator('#sector').isChecked(), 'Space did not select "Education"');
		await pressTo(page, 'Shift+Tab', { id: 'type' });
		await pressTo(page, 'Tab', { id: 'sector' });
		await pressTo(page, 'Tab', { tag: 'button', name: 'Add organisation' });
	});
	await t.visit(page, 'add-organisation-focus', { axe: false });

	let orgPath;
	await t.step('add an organisation: Space on the button adds it and opens its page', async () => {
		const r = await pressAndLoad(page, 'Space');
		expect(/^\/org\/\d+$/.test(pathOf(page)), `the address is ${page.url()}`);
		expectEqual(r?.status(), 200, 'the status');
		orgPath = pathOf(page);
		const h1 = await page.locator('h1').innerText();
		expectEqual(h1, ORG.name, 'the heading');
		expect(await page.locator('main').innerText().then((s) => s.includes(ADMIN.area)), 'no area shown');
	});

	await t.step('start a self-evaluation for 2026-27 by keyboard', async () => {
		await tabTo(page, { id: 'cycle' });
		await kb.type('2026-27');
		await pressTo(page, 'Tab', { tag: 'button', name: 'Start self-evaluation' });
		const r = await pressAndLoad(page, 'Enter');
		expect(new RegExp(`^${orgPath}/evaluation/\\d+$`).test(pathOf(page)), `the address is ${page.url()}`);
		expect([200, 404].includes(r?.status()), `the status is ${r?.status()}`);
	});

	// ---- statement 1i: evidence and the judgement -------------------------
	const statementPath = () => `${orgPath}/evaluation/${evaluationId}/statement/1i`;
	let evaluationId;
	await t.step('on the evaluation, Tab reaches statement 1i and Enter opens it', async () => {
		evaluationId = pathOf(page).split('/').pop();
		await tabTo(page, { tag: 'a', name: /^1i Providing/ }, { max: 40 });
		const r = await pressAndLoad(page, 'Enter');
		expectEqual(pathOf(page), statementPath(), 'the address');
		expectEqual(r?.status(), 200, 'the status');
	});

	await t.step('Tab reaches "Add new evidence" and Enter opens its page', async () => {
		await tabTo(page, { tag: 'a', name: 'Add new evidence' }, { max: 20 });
		const r = await pressAndLoad(page, 'Enter');
		expectEqual(pathOf(page), `${statementPath()}/evidence`, 'the address');
		expectEqual(r?.status(), 200, 'the status');
	});

	await t.step('add evidence: Tab through title, description, date, link, partner groups and indicators, typing and Space', async () => {
		await tabTo(page, { id: 'title' }, { max: 25 });
		await kb.type(EVIDENCE.title);
		await pressTo(page, 'Tab', { id: 'description' });
		await kb.type('Drawings and notes from the new starters.');
		await pressTo(page, 'Tab', { id: 'date-day' });
		await kb.type('2');
		await pressTo(page, 'Tab', { id: 'date-month' });
		await kb.type('11');
		await pressTo(page, 'Tab', { id: 'date-year' });
		await kb.type('2026');
		await pressTo(page, 'Tab', { id: 'url' });
		// Partner groups: each checkbox is its own Tab stop.
		await pressTo(page, 'Tab', { id: 'groups' });
		await kb.press('Space');
		await pressTo(page, 'Tab', { id: 'groups-2' });
		await pressTo(page, 'Tab', { id: 'groups-3' });
		await kb.press('Space');
		await pressTo(page, 'Tab', { id: 'indicators', name: /^1i\.a: / });
		await pressTo(page, 'Tab', { id: 'indicators-2' });
		await pressTo(page, 'Tab', { id: 'indicators-3', name: /^1i\.c: / });
		await kb.press('Space');
		await pressTo(page, 'Shift+Tab', { id: 'indicators-2' });
		const ticked = await page.locator('form[action$="/evidence"] input:checked').evaluateAll((els) => els.map((e) => e.id));
		expectEqual(ticked.join(' '), 'groups groups-3 indicators-3', 'the ticked boxes');
		await tabTo(page, { tag: 'button', name: 'Add evidence' }, { max: 25 });
	});

	await t.step('add evidence: Enter on the button saves it, linked to 1i.c', async () => {
		const r = await pressAndLoad(page, 'Enter');
		expectEqual(r?.status(), 200, 'the status');
		expectEqual(pathOf(page), statementPath(), 'the address');
		expect(/Evidence added and linked/.test(await page.getByRole('alert').innerText()), 'no success banner');
		const item = await page.locator('.copro-grid__row', { has: page.locator('h3', { hasText: /^1i\.c/ }) }).innerText();
		expect(item.includes(EVIDENCE.title), `1i.c says: ${item}`);
		expect(/Children and young people and practitioners|Children and young people, .*practitioners/i.test(item),
			`the partner groups are not shown: ${item}`);
	});
	await t.visit(page, 'statement-evidence-added', { axe: false });

	await t.step('record the judgement: Tab to its link, Enter, type the strengths, choose "In progress", Enter on "Save judgement"', async () => {
		await tabTo(page, { tag: 'a', name: 'Record the judgement' }, { max: 20 });
		await pressAndLoad(page, 'Enter');
		expectEqual(pathOf(page), `${statementPath()}/review`, 'the address');
		await tabTo(page, { id: 'strengths' }, { max: 25 });
		await kb.type('Children helped to write the welcome booklet.');
		await pressTo(page, 'Tab', { id: 'areas' });
		// No status is chosen yet (GOV.UK: never pre-select), and a radio
		// group is one Tab stop, landing on its first radio: moving within
		// it takes the arrow keys (as in any browser); nothing else does.
		await pressTo(page, 'Tab', { id: 'status' });
		await pressTo(page, 'ArrowDown', { id: 'status-2', name: 'In progress' });
		expect(await page.locator('#status-2').isChecked(), 'ArrowDown did not select "In progress"');
		await pressTo(page, 'Tab', { id: 'took_part' });
		await kb.press('Space');
		await tabTo(page, { tag: 'button', name: 'Save judgement' }, { max: 4 });
		const r = await pressAndLoad(page, 'Enter');
		expectEqual(r?.status(), 200, 'the status');
		expect(/Judgement saved/.test(await page.getByRole('alert').innerText()), 'no success banner');
		expectEqual(pathOf(page), statementPath(), 'the address');
		const status = await page.locator('.copro-facts').innerText();
		expect(/^Status\s+In progress/.test(status), `the statement's facts say: ${status}`);
		expect((await page.locator('main').innerText()).includes('Children helped to write the welcome booklet.'), 'no strengths');
	});

	await t.step('sign out by keyboard: Shift+Tab back from the success banner to "Sign out", Enter', async () => {
		const f = await focused(page);
		expect(/Success/.test(f.name), `focus is on ${describeFocus(f)}, not the success banner`);
		await tabTo(page, { tag: 'button', name: 'Sign out' }, { key: 'Shift+Tab', max: 30 });
		await pressAndLoad(page, 'Enter');
		expectEqual(pathOf(page), '/sign-in', 'the address');
	});

	await t.check('sign in again by keyboard', async () => {
		await tabTo(page, { id: 'email' });
		await kb.type(ADMIN.email);
		await pressTo(page, 'Tab', { id: 'password' });
		await kb.type(ADMIN.password);
		await pressTo(page, 'Tab', { tag: 'button', name: 'Sign in' });
		await pressAndLoad(page, 'Enter');
		expectEqual(pathOf(page), '/', 'the address');
		expect(/Welcome, /.test(await page.locator('h1').innerText()), 'not on home');
	});
}
