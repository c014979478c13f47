// mail.mjs: email, with the tests' SMTP server (tests/smtp_sink.py) beside
// copro. A lead invites someone by email; the page after inviting shows the
// whole link with a copy button; the test reads the email the server got,
// follows its link in a fresh browser, joins, and signs in again. The
// invitations not used yet list it; the area's email page lists it as
// sent. The new pages also work without JavaScript at 375 px, where the
// link stays selectable in its field and the copy button stays hidden.

import { ADMIN, VIEWPORTS, addOrganisation, expect, expectEqual, latestMail, pathOf, setUp, signInAs, submit }
	from './lib.mjs';

const PERSON = { name: 'Zoë Okafor', email: 'zoe.okafor@example.org', password: 'a long enough password here' };

export default async function mail(t) {
	const app = await t.startApp({ mail: true });
	const page = await t.newPage();
	let orgPath;
	await t.step('set up with an organisation', async () => {
		await setUp(page, app);
		await addOrganisation(page, { name: 'Riverside Primary School', sector: 'Education' });
		orgPath = pathOf(page);
	});

	let shown;
	await t.step('the lead invites by email; the next page says so and shows the whole link', async () => {
		await page.goto(`${app.url}${orgPath}/people`);
		const form = page.locator('form[action$="/people/invite"]');
		await form.getByLabel('Their name').fill(PERSON.name);
		await form.getByLabel('Their email address (optional)').fill(PERSON.email);
		await form.getByLabel('Viewer', { exact: true }).check();
		const r = await submit(page, () => form.getByRole('button', { name: 'Create invitation link' }).click());
		expectEqual(r?.status(), 200, 'the status');
		await page.getByRole('heading', { level: 1, name: `We have emailed ${PERSON.name}` }).waitFor();
		shown = await page.getByLabel('Invitation link').inputValue();
		expect(new RegExp(`^${app.url}/join/[0-9a-f]{64}$`).test(shown), `the link is ${shown}`);
		await page.getByRole('button', { name: 'Copy link' }).waitFor();
	});
	await t.visit(page, 'invitation-sent');

	let emailed;
	await t.step('the email arrives, from copro, with the same link', async () => {
		emailed = latestMail(app, PERSON.email, 'link');
		expectEqual(emailed, shown, 'the link in the email');
		const subject = latestMail(app, PERSON.email, 'subject');
		expectEqual(subject, 'You are invited to join Riverside Primary School on copro', 'the subject');
		const text = latestMail(app, PERSON.email, 'text');
		expect(text.startsWith(`Hello ${PERSON.name},`), `the text: ${text.slice(0, 200)}`);
	});

	await t.step('the invitations not used yet list it, with "Send again" and "Cancel"', async () => {
		await page.goto(`${app.url}${orgPath}/people`);
		await submit(page, () => page.getByRole('link', { name: 'Invitations not used yet' }).click());
		expectEqual(pathOf(page), `${orgPath}/people/invitations`, 'the address');
		const main = await page.locator('main').innerText();
		expect(main.includes(PERSON.email), `the page: ${main.slice(0, 500)}`);
		await page.getByRole('button', { name: `Send again for ${PERSON.name}` }).waitFor();
		await page.getByRole('link', { name: `Cancel the invitation of ${PERSON.name}` }).waitFor();
	});
	await t.visit(page, 'invitations');

	await t.step("the area's email page lists the invitation as sent", async () => {
		await page.goto(`${app.url}/area/1/settings`);
		await submit(page, () => page.getByRole('link', { name: 'Email', exact: true }).click());
		expectEqual(pathOf(page), '/area/1/mail', 'the address');
		const sent = page.getByRole('table', { name: 'Sent' });
		await sent.getByText(PERSON.email).waitFor();
	});
	await t.visit(page, 'area-mail');

	const guest = await t.newPage();
	await t.step("in a fresh browser, the email's link creates the account and signs in", async () => {
		const r = await guest.goto(emailed);
		expectEqual(r.status(), 200, 'the status');
		await guest.getByLabel('Email address').fill(PERSON.email);
		await guest.getByLabel('Create a password').fill(PERSON.password);
		await submit(guest, () => guest.getByRole('button', { name: 'Join' }).click());
		expectEqual(pathOf(guest), '/', 'the address');
		const nav = await guest.locator('.copro-account').innerText();
		expect(nav.includes(`Signed in as ${PERSON.name}`), `the header says: ${nav}`);
	});
	await t.step('signed out, they sign in again with their password', async () => {
		await submit(guest, () => guest.getByRole('button', { name: 'Sign out' }).click());
		await signInAs(guest, app, PERSON.email, PERSON.password);
		await guest.getByRole('link', { name: 'Riverside Primary School' }).waitFor();
	});
	await t.check('the used invitation is no longer listed', async () => {
		await page.goto(`${app.url}${orgPath}/people/invitations`);
		const main = await page.locator('main').innerText();
		expect(main.includes('Every invitation has been used'), `the page: ${main.slice(0, 400)}`);
	});

	const plain = await t.newPage({ javaScriptEnabled: false, viewport: VIEWPORTS[1] });
	await t.check('without JavaScript at 375 px: the link is in a field, the copy button hidden', async () => {
		await signInAs(plain, app, ADMIN.email, ADMIN.password);
		await plain.goto(`${app.url}${orgPath}/people`);
		const form = plain.locator('form[action$="/people/invite"]');
		await form.getByLabel('Their name').fill('Sam Reed');
		await form.getByLabel('Contributor', { exact: true }).check();
		await submit(plain, () => form.getByRole('button', { name: 'Create invitation link' }).click());
		const link = await plain.getByLabel('Invitation link').inputValue();
		expect(link.startsWith(`${app.url}/join/`), `the link is ${link}`);
		expectEqual(await plain.getByRole('button', { name: 'Copy link' }).count(), 0, 'visible copy buttons');
		for (const path of [`${orgPath}/people/invitations`, '/area/1/mail']) {
			const r = await plain.goto(`${app.url}${path}`);
			expectEqual(r.status(), 200, `the status of ${path}`);
			const wide = await plain.evaluate(() => document.documentElement.scrollWidth);
			expect(wide <= 375, `${path} is ${wide} px wide`);
		}
	});
	await t.stopApp(app, 'mail');
}
