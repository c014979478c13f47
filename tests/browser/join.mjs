// join.mjs: opening an invitation link (issue 15, hole 5). Signed in, the
// page offers "Join ORGANISATION as ROLE" with one button, reached and
// pressed by keyboard, which lands on the organisation's home with the
// green banner. Signed out, the page says to sign in first when you
// already use copro, and an address that has an account gets the same
// kind of answer, naming no address. The offer page also without
// JavaScript at 375 px.

import {
	VIEWPORTS, addOrganisation, coproCli, expect, expectEqual, pathOf, setUp, signInAs, submit, tabTo,
} from './lib.mjs';

const MEMBER = { name: 'Priya Shah', email: 'priya.shah@example.org', password: 'a long enough password here' };

// A new invitation link of the organisation at orgPath, made on its
// People page.
async function inviteLink(page, app, orgPath, name) {
	await page.goto(`${app.url}${orgPath}/people`);
	const form = page.locator('form[action$="/people/invite"]');
	await form.getByLabel('Their name').fill(name);
	await form.getByLabel('Contributor', { exact: true }).check();
	await submit(page, () => form.getByRole('button', { name: 'Create invitation link' }).click());
	return page.getByLabel('Invitation link').inputValue();
}

export default async function join(t) {
	const app = await t.startApp();
	const admin = await t.newPage();
	let orgPath, link;
	await t.step('set up, with two organisations; the second invites a contributor', async () => {
		await setUp(admin, app);
		await addOrganisation(admin, { name: 'Riverside Primary School', sector: 'Education' });
		const first = pathOf(admin);
		await admin.goto(`${app.url}/`);
		await addOrganisation(admin, { name: 'Oak Tree Nursery', sector: 'Education' });
		orgPath = pathOf(admin);
		coproCli(app.db, ['user', 'add', '--name', MEMBER.name, '--email', MEMBER.email, '--role', 'viewer',
			'--org', first.split('/').pop()], `${MEMBER.password}\n`);
		link = await inviteLink(admin, app, orgPath, 'Priya');
	});

	const guest = await t.newPage();
	await t.step('signed out, the page says to sign in first if you already use copro', async () => {
		const r = await guest.goto(link);
		expectEqual(r.status(), 200, 'the status');
		await guest.getByRole('link', { name: 'Sign in' }).first().waitFor();
		const main = await guest.locator('main').innerText();
		expect(main.includes('Already use copro? Sign in first'), `the page: ${main.slice(0, 400)}`);
	});
	await t.visit(guest, 'join-signed-out');
	await t.step("an address with an account is not named, and the answer says to sign in first", async () => {
		await guest.getByLabel('Email address').fill(MEMBER.email);
		await guest.getByLabel('Create a password').fill('another long password here');
		const r = await submit(guest, () => guest.getByRole('button', { name: 'Join' }).click());
		expectEqual(r?.status(), 400, 'the status');
		const summary = await guest.locator('.govuk-error-summary').innerText();
		expect(/sign in first, then open this link again/.test(summary), `the summary: ${summary}`);
		expect(!summary.includes(MEMBER.email) && !/already an account/.test(summary), `the summary: ${summary}`);
	});

	const member = await t.newPage();
	await t.step('signed in, the link offers "Join Oak Tree Nursery as a contributor" with one button', async () => {
		await signInAs(member, app, MEMBER.email, MEMBER.password);
		const r = await member.goto(link);
		expectEqual(r.status(), 200, 'the status');
		await member.getByRole('heading', { level: 1, name: 'Join Oak Tree Nursery as a contributor' }).waitFor();
		expectEqual(await member.getByRole('textbox').count(), 0, 'fields to fill');
	});
	await t.visit(member, 'join-offer');
	await t.step('by keyboard: Tab to "Join", Enter; the organisation\'s home says so', async () => {
		await tabTo(member, { tag: 'button', name: 'Join' }, { max: 20 });
		const [r] = await Promise.all([member.waitForNavigation(), member.keyboard.press('Enter')]);
		expectEqual(r?.status(), 200, 'the status');
		expectEqual(pathOf(member), orgPath, 'the address');
		const banner = await member.locator('.govuk-notification-banner--success').innerText();
		expect(banner.includes('You have joined Oak Tree Nursery'), `the banner: ${banner}`);
	});
	await t.visit(member, 'joined');

	const plain = await t.newPage({ javaScriptEnabled: false, viewport: VIEWPORTS[1] });
	await t.check('without JavaScript at 375 px, the offer page works and fits', async () => {
		const next = await inviteLink(admin, app, orgPath.replace(/\d+$/, '1'), 'Someone');
		await signInAs(plain, app, MEMBER.email, MEMBER.password);
		let r = await plain.goto(next);
		expectEqual(r.status(), 200, 'the status');
		const wide = await plain.evaluate(() => document.documentElement.scrollWidth);
		expect(wide <= 375, `the page is ${wide} px wide`);
		// A member of that organisation already: told so, the link kept.
		r = await submit(plain, () => plain.getByRole('button', { name: 'Join' }).click());
		expectEqual(r?.status(), 400, 'the status');
		const summary = await plain.locator('.govuk-error-summary').innerText();
		expect(/a member of Riverside Primary School already/.test(summary), `the summary: ${summary}`);
	});
	await t.stopApp(app, 'join');
}
