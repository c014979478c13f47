// lifecycle.mjs: an area administrator turning a member's account off and
// on again, and deleting one, from the organisation's People page, as a
// person would: by mouse, by keyboard, and without JavaScript at 375 px.
// The person turned off is refused at sign-in; deleting asks for their
// email typed out and refuses a wrong one. Every page reached gets visit().

import {
	DEMO_PASSWORD, VIEWPORTS, coproCli as copro, expect, expectEqual, markFocusBaseline, pathOf, signInAs, submit,
	tabTo,
} from './lib.mjs';

export default async function lifecycle(t) {
	const app = await t.startApp();
	await t.step('the demo, its area administrator and two members', async () => {
		copro(app.db, ['demo']);
		copro(app.db, ['user', 'add', '--name', 'Dana Area', '--email', 'area@example.org', '--role', 'area-admin',
			'--area', 'Demo Borough'], `${DEMO_PASSWORD}\n`);
		copro(app.db, ['user', 'add', '--name', 'Chris Member', '--email', 'chris@example.org', '--role', 'contributor',
			'--org', '1'], `${DEMO_PASSWORD}\n`);
		copro(app.db, ['user', 'add', '--name', 'Lee Leaving', '--email', 'lee@example.org', '--role', 'viewer',
			'--org', '1'], `${DEMO_PASSWORD}\n`);
	});

	const page = await t.newPage();
	let member;
	await t.step('the area administrator opens Chris Member from People', async () => {
		await signInAs(page, app, 'area@example.org');
		await page.goto(`${app.url}/org/1/people`);
		await submit(page, () => page.getByRole('link', { name: 'Change role or remove: Chris Member' }).click());
		member = pathOf(page);
		expect(/^\/org\/1\/people\/\d+$/.test(member), `the address is ${member}`);
		await page.getByRole('heading', { level: 2, name: 'Their account' }).waitFor();
	});
	await t.visit(page, 'member-account');

	await t.step('"Turn off the account" asks first, then turns it off with a banner', async () => {
		await submit(page, () => page.getByRole('link', { name: 'Turn off the account of Chris Member' }).click());
		expectEqual(pathOf(page), `${member}/disable`, 'the address');
		await page.getByRole('heading', { level: 1, name: "Turn off Chris Member's account" }).waitFor();
	});
	await t.visit(page, 'account-disable');
	await t.step('confirming turns it off', async () => {
		const r = await submit(page, () => page.getByRole('button', { name: 'Turn off the account' }).click());
		expectEqual(r?.status(), 200, 'the status');
		expectEqual(pathOf(page), member, 'the address');
		expect(/Their account is turned off/.test(await page.getByRole('alert').innerText()), 'no success banner');
		await page.getByText('Turned off', { exact: true }).waitFor();
	});
	await t.visit(page, 'account-turned-off');

	await t.check('Chris Member cannot sign in, and is told why', async () => {
		const them = await t.newPage();
		await them.goto(`${app.url}/sign-in`);
		const form = them.locator('form[action="/sign-in"]');
		await form.getByLabel('Email address').fill('chris@example.org');
		await form.getByLabel('Password').fill(DEMO_PASSWORD);
		await submit(them, () => form.getByRole('button', { name: 'Sign in' }).click());
		expectEqual(pathOf(them), '/sign-in', 'the address');
		expect(/turned off/.test(await them.locator('main').innerText()), 'no "turned off" message');
		await them.context().close();
	});

	await t.step('turning it back on, by keyboard alone', async () => {
		await markFocusBaseline(page);
		await tabTo(page, { tag: 'a', name: 'Turn the account back on for Chris Member' }, { max: 60 });
		await submit(page, () => page.keyboard.press('Enter'));
		expectEqual(pathOf(page), `${member}/enable`, 'the address');
		await markFocusBaseline(page);
		await tabTo(page, { tag: 'button', name: 'Turn the account on' }, { max: 40 });
		await submit(page, () => page.keyboard.press('Enter'));
		expectEqual(pathOf(page), member, 'the address');
		expect(/turned on again/.test(await page.getByRole('alert').innerText()), 'no success banner');
	});
	await t.visit(page, 'account-turned-on');

	await t.step('"Delete the account" of Lee Leaving explains what stays and what goes', async () => {
		await page.goto(`${app.url}/org/1/people`);
		await submit(page, () => page.getByRole('link', { name: 'Change role or remove: Lee Leaving' }).click());
		await submit(page, () => page.getByRole('link', { name: 'Delete the account of Lee Leaving' }).click());
		await page.getByRole('heading', { level: 2, name: 'What stays' }).waitFor();
		expect(/a former member/.test(await page.locator('main').innerText()), 'no "a former member"');
	});
	await t.visit(page, 'account-delete');
	await t.check('a wrong email is refused, with an error that links to the field', async () => {
		await page.getByLabel('To confirm, type their email address').fill('chris@example.org');
		const r = await submit(page, () => page.getByRole('button', { name: 'Delete the account' }).click());
		expectEqual(r?.status(), 400, 'the status');
		expect((await page.title()).startsWith('Error: '), `the title is ${await page.title()}`);
		await page.locator('.govuk-error-summary a[href="#email"]').waitFor();
	});
	await t.visit(page, 'account-delete-refused');
	await t.step('their email deletes the account: People says so and no longer lists them', async () => {
		await page.getByLabel('To confirm, type their email address').fill('lee@example.org');
		await submit(page, () => page.getByRole('button', { name: 'Delete the account' }).click());
		expectEqual(pathOf(page), '/org/1/people', 'the address');
		expect(/The account is deleted/.test(await page.getByRole('alert').innerText()), 'no success banner');
		expect(!/Lee Leaving/.test(await page.locator('main').innerText()), 'Lee Leaving is still listed');
	});
	await t.visit(page, 'account-deleted');

	await t.check('without JavaScript at 375 px: turning off Chris Member works', async () => {
		const plain = await t.newPage({ javaScriptEnabled: false, viewport: VIEWPORTS[1] });
		await signInAs(plain, app, 'area@example.org');
		const r = await plain.goto(`${app.url}${member}/disable`);
		expectEqual(r.status(), 200, 'the status');
		const wide = await plain.evaluate(() => document.documentElement.scrollWidth);
		expect(wide <= 375, `the page is ${wide} px wide`);
		await submit(plain, () => plain.getByRole('button', { name: 'Turn off the account' }).click());
		expectEqual(pathOf(plain), member, 'the address');
		expect(/turned off/.test(await plain.locator('main').innerText()), 'no banner');
		await plain.context().close();
	});
}
