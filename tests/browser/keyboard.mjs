// keyboard.mjs: the first-run journey by keyboard alone: only Tab,
// Shift+Tab, Enter and Space (and typing into fields) through page.keyboard,
// no clicks. Skip link, set-up (with a refused password and the error
// summary), adding an organisation (radios by Space), starting a
// self-evaluation, signing out and in again. Every element Tab reaches must
// show that it has focus.

import {
	ADMIN, describeFocus, expect, expectEqual, focused, markFocusBaseline, pathOf, pressTo, submit, tabTo,
} from './lib.mjs';

const ORG = { name: 'Hill Lane Therapy', type: "Children's therapy service" };

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

	await t.step('set-up: Tab goes name, email, area, password, button, with visible focus', async () => {
		// From wherever the skip link left focus, the first field.
		await tabTo(page, { id: 'name' }, { max: 6 });
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
		const menu = ['"Skip to main content"', '"copro"', '"Home"', '"Sign out"'];
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

	await t.step('sign out by keyboard: Tab to "Sign out", Enter', async () => {
		await tabTo(page, { tag: 'button', name: 'Sign out' });
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
