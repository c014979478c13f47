// security.mjs: sign-in and security, as a person would: setting up
// two-factor sign-in by reading the secret off the page and computing codes
// as an app would (oathtool), saving the recovery codes, signing in with a
// code and with a recovery code; changing the password; and "Forgotten your
// password?": the email arrives (the tests' SMTP server), its link sets a
// new password, and the link then says to ask for a new one.

import { execFileSync } from 'node:child_process';

import { ADMIN, expect, expectEqual, latestMail, pathOf, setUp, submit } from './lib.mjs';

// The code an authenticator app shows for `secret` `ahead` seconds from now.
function appCode(secret, ahead = 0) {
	const when = new Date(Date.now() + ahead * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
	return execFileSync('oathtool', ['--totp', '-b', secret, '--now', when], { encoding: 'utf8' }).trim();
}

// The app's code for the next 30 seconds, never one used before: copro
// takes a code once, so when the step has not moved on, wait until it has.
const used = new Set();
async function freshCode(secret) {
	for (;;) {
		const c = appCode(secret, 30);
		if (!used.has(c)) {
			used.add(c);
			return c;
		}
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
}

async function signOut(page) {
	await submit(page, () => page.getByRole('button', { name: 'Sign out' }).click());
}

async function password(page, email, pw) {
	const form = page.locator('form[action="/sign-in"]');
	await form.getByLabel('Email address').fill(email);
	await form.getByLabel('Password', { exact: true }).fill(pw);
	return submit(page, () => form.getByRole('button', { name: 'Sign in' }).click());
}

async function code(page, text) {
	await page.getByLabel('Enter the code from your authenticator app').fill(text);
	return submit(page, () => page.getByRole('button', { name: 'Sign in' }).click());
}

export default async function security(t) {
	const app = await t.startApp({ mail: true });
	const page = await t.newPage();
	await t.step('set up', () => setUp(page, app));

	let secret;
	await t.step('"Sign-in and security" in the header opens the page, with two-factor sign-in off', async () => {
		await submit(page, () => page.getByRole('link', { name: 'Sign-in and security' }).click());
		expectEqual(pathOf(page), '/account/two-factor', 'the address');
		expect(await page.getByText('Off', { exact: true }).isVisible(), 'no "Off" tag');
	});
	await t.visit(page, 'security');

	await t.step('"Set up two-factor sign-in" shows a QR code and the secret for typing', async () => {
		await submit(page, () => page.getByRole('button', { name: 'Set up two-factor sign-in' }).click());
		expect(await page.getByRole('img', { name: /QR code/ }).isVisible(), 'no QR code');
		secret = (await page.locator('#two-factor-secret').innerText()).replace(/\s+/g, '');
		expectEqual(secret.length, 32, 'the secret\'s length');
	});
	await t.visit(page, 'two-factor-setup');

	await t.check('a wrong code is refused with an error that links to the field', async () => {
		await page.getByLabel('Code from the app').fill('000000');
		const r = await submit(page, () => page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click());
		expectEqual(r?.status(), 400, 'the status');
		expect((await page.title()).startsWith('Error: '), `the title is ${await page.title()}`);
	});

	let recovery;
	await t.step('the code from the app turns it on and shows ten recovery codes once', async () => {
		const first = appCode(secret);
		used.add(first);
		used.add(appCode(secret, -30));
		await page.getByLabel('Code from the app').fill(first);
		await submit(page, () => page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click());
		const codes = await page.locator('#recovery-codes li').allInnerTexts();
		expectEqual(codes.length, 10, 'the number of recovery codes');
		recovery = codes[0].trim();
	});
	await t.visit(page, 'recovery-codes');

	await t.step('signing in asks for a code after the password', async () => {
		await signOut(page);
		await password(page, ADMIN.email, ADMIN.password);
		expectEqual(pathOf(page), '/sign-in/code', 'the address');
	});
	await t.visit(page, 'sign-in-code');

	await t.step('the next code from the app signs in', async () => {
		// The code that turned it on is spent: the app's next one.
		await code(page, await freshCode(secret));
		expectEqual(pathOf(page), '/', 'the address');
	});

	await t.step('a recovery code signs in instead, by keyboard', async () => {
		await signOut(page);
		await password(page, ADMIN.email, ADMIN.password);
		await page.getByLabel('Enter the code from your authenticator app').fill(recovery);
		await submit(page, () => page.keyboard.press('Enter'));
		expectEqual(pathOf(page), '/', 'the address');
	});

	await t.step('changing the password', async () => {
		await page.goto(`${app.url}/account/password`);
		await page.getByLabel('Current password').fill(ADMIN.password);
		await page.getByLabel('New password').fill('otters quarrel by moonlight');
		await submit(page, () => page.getByRole('button', { name: 'Change password' }).click());
		expectEqual(pathOf(page), '/account/two-factor', 'the address');
		expect(await page.getByText('Your password has been changed').isVisible(), 'no success banner');
	});
	await t.visit(page, 'password-changed');

	await t.step('"Forgotten your password?" emails a link', async () => {
		await signOut(page);
		await submit(page, () => page.getByRole('link', { name: 'Forgotten your password?' }).click());
		expectEqual(pathOf(page), '/reset', 'the address');
		await page.getByLabel('Email address').fill(ADMIN.email);
		await submit(page, () => page.getByRole('button', { name: 'Send the link' }).click());
		expectEqual(pathOf(page), '/sign-in', 'the address');
		expect(await page.getByText('we have emailed it a link').isVisible(), 'no banner');
	});
	await t.visit(page, 'reset-sent');

	let link;
	await t.step('the email\'s link chooses a new password, once', async () => {
		link = latestMail(app, ADMIN.email, 'link');
		expect(/\/reset\/[0-9a-f]{64}$/.test(link), `the link is ${link}`);
		await page.goto(link);
		await page.getByLabel('New password').fill('kettles sing on tuesdays');
		await submit(page, () => page.getByRole('button', { name: 'Save the new password' }).click());
		expectEqual(pathOf(page), '/sign-in', 'the address');
		expect(await page.getByText('Your password has been reset').isVisible(), 'no banner');
	});

	await t.check('the link a second time says to ask for a new one', async () => {
		const r = await page.goto(link);
		expectEqual(r.status(), 410, 'the status');
		expect(await page.getByRole('link', { name: 'Ask for a new link' }).isVisible(), 'no link');
	});
	await t.visit(page, 'reset-link-used');

	await t.check('the reset page works with JavaScript off', async () => {
		const off = await t.newPage({ javaScriptEnabled: false });
		await off.goto(`${app.url}/reset`);
		await off.getByLabel('Email address').fill('nobody@example.org');
		await submit(off, () => off.getByRole('button', { name: 'Send the link' }).click());
		expectEqual(pathOf(off), '/sign-in', 'the address');
		await off.context().close();
	});

	await t.check('the new password and a code sign in', async () => {
		await page.goto(`${app.url}/sign-in`);
		await password(page, ADMIN.email, 'kettles sing on tuesdays');
		await code(page, await freshCode(secret));
		expectEqual(pathOf(page), '/', 'the address');
	});
}
