// account.mjs: signing out and in. After signing out, pages already seen
// lead to sign-in (also by the browser's Back button); a wrong password,
// and an email with no account, both get the same message, which does not
// say whether the account exists; empty fields are named; the right
// password signs in.

import { ADMIN, addOrganisation, expect, expectEqual, pathOf, setUp, submit } from './lib.mjs';

async function signIn(page, email, password) {
	const form = page.locator('form[action="/sign-in"]');
	await form.getByLabel('Email address').fill(email);
	await form.getByLabel('Password').fill(password);
	return submit(page, () => form.getByRole('button', { name: 'Sign in' }).click());
}

async function errorSummary(page) {
	const summary = page.locator('.govuk-error-summary');
	if (!(await summary.count()))
		return null;
	return (await summary.locator('.govuk-error-summary__list').innerText()).trim();
}

export default async function account(t) {
	const app = await t.startApp();
	const page = await t.newPage();

	let orgPath;
	await t.step('set up with an organisation', async () => {
		await setUp(page, app);
		await addOrganisation(page, { name: 'Oakwood Children\'s Centre', sector: 'Social care' });
		orgPath = pathOf(page);
	});

	await t.step('"Sign out" in the menu signs out and shows sign-in', async () => {
		await submit(page, () => page.getByRole('button', { name: 'Sign out' }).click());
		expectEqual(pathOf(page), '/sign-in', 'the address');
		const header = await page.locator('.govuk-service-navigation').innerText();
		expect(!/Signed in as/.test(header), `the header still says: ${header}`);
		const cookies = await page.context().cookies();
		const session = cookies.filter((c) => c.name === '__Host-copro' && c.value);
		expect(!session.length, 'the session cookie is still there');
	});
	await t.visit(page, 'sign-in');

	await t.check('after signing out, Back does not show the organisation again', async () => {
		await page.goBack();
		const h1 = await page.locator('h1').innerText();
		expect(pathOf(page) === '/sign-in' || !h1.includes('Oakwood'), `Back shows ${page.url()}: ${h1}`);
	});

	await t.check('after signing out, the organisation page and home lead to sign-in', async () => {
		for (const p of [orgPath, '/']) {
			const r = await page.goto(`${app.url}${p}`);
			expectEqual(pathOf(page), '/sign-in', `the address after opening ${p}`);
			expectEqual(r.status(), 200, `the status after opening ${p}`);
		}
	});

	await t.check('signing in with empty fields names both', async () => {
		const r = await signIn(page, '', '');
		expectEqual(r?.status(), 400, 'the status');
		const list = await errorSummary(page);
		expect(/Enter your email address/.test(list) && /Enter your password/.test(list), `the summary says: ${list}`);
	});

	let wrongPassword;
	await t.step('a wrong password is refused with an error, keeping the email', async () => {
		const r = await signIn(page, ADMIN.email, 'not the right password');
		expectEqual(r?.status(), 400, 'the status');
		expectEqual(pathOf(page), '/sign-in', 'the address');
		wrongPassword = await errorSummary(page);
		expect(wrongPassword, 'no error summary');
		expectEqual(await page.getByLabel('Email address').inputValue(), ADMIN.email, 'the kept email');
		expectEqual(await page.getByLabel('Password').inputValue(), '', 'the password field');
	});
	await t.visit(page, 'sign-in-error');

	await t.check('an email with no account gets the very same message', async () => {
		const r = await signIn(page, 'nobody.here@example.org', 'not the right password');
		expectEqual(r?.status(), 400, 'the status');
		expectEqual(await errorSummary(page), wrongPassword, 'the message');
	});

	await t.check('the message does not say whether the account exists', async () => {
		expect(!/(no|not an?|unknown|cannot find|could not find|does not have an?) (account|user)|not registered|wrong password|password is wrong/i
			.test(wrongPassword), `the message says: ${wrongPassword}`);
		expect(/email address or password/i.test(wrongPassword), `the message says: ${wrongPassword}`);
	});

	await t.check('the right password signs in and shows home', async () => {
		const r = await signIn(page, ADMIN.email, ADMIN.password);
		expectEqual(pathOf(page), '/', 'the address');
		expectEqual(r?.status(), 200, 'the status');
		expect((await page.locator('h1').innerText()) === `Welcome, ${ADMIN.name}`, 'not welcomed by name');
	});

	await t.check('signed in, /sign-in leads to home', async () => {
		await page.goto(`${app.url}/sign-in`);
		expectEqual(pathOf(page), '/', 'the address');
	});
}
