// notify.mjs: notifications, as people meet them. An organisation's lead
// submits an audit; the area administrator sees it under "Waiting for you"
// on the home page and gets the email (through the tests' SMTP server),
// whose link opens the audit; she reads her notifications and marks them
// read, chooses a weekly digest for submitted audits (by keyboard), and a
// signed-out browser follows the unsubscribe link of the email: the page
// asks first, then stops those emails. The new pages pass axe at 1280 and
// 375 px and work without JavaScript.

import {
	ADMIN, DEMO_PASSWORD, VIEWPORTS, addOrganisation, coproCli, expect, expectEqual, latestMail,
	pathOf, setUp, signInAs, submit, tabTo,
} from './lib.mjs';

const squash = (s) => String(s ?? '').replace(/\s+/g, ' ').trim();
const LEAD = { name: 'Lee Lead', email: 'lee.lead@example.org' };

export default async function notify(t) {
	const app = await t.startApp({ mail: true });
	const admin = await t.newPage();
	let org, audit;
	await t.step('set up: an area, a school with a lead and a draft audit ready to submit', async () => {
		await setUp(admin, app);
		org = await addOrganisation(admin, { name: 'Oak Hill <School>', sector: 'Education' });
		coproCli(app.db, ['user', 'add', '--name', LEAD.name, '--email', LEAD.email, '--role', 'lead',
			'--org', String(org)], `${DEMO_PASSWORD}\n`);
		coproCli(app.db, ['audit', 'start', String(org), '--date', '2026-03-01', '--service-area', 'Short breaks']);
		audit = 1;
		for (let p = 1; p <= 6; p++)
			coproCli(app.db, ['audit', 'principle', '1', String(p), '--level', 'good']);
		coproCli(app.db, ['audit', 'person', '1', '--name', 'Sam Patel']);
		coproCli(app.db, ['audit', 'set', '1', '--outcome', 'good']);
		await admin.goto(`${app.url}/`);
		await admin.getByText('Nothing is waiting for you.').waitFor();
	});

	const lead = await t.newPage();
	await t.step('the lead submits the audit to the area', async () => {
		await signInAs(lead, app, LEAD.email);
		await lead.goto(`${app.url}/org/${org}/audit/${audit}`);
		await submit(lead, () => lead.getByRole('button', { name: 'Submit to the area' }).click());
		expect(/Submitted/.test(await lead.locator('main').innerText()), 'the audit does not say it was submitted');
	});

	await t.step('the area administrator sees it waiting on her home page and opens it', async () => {
		await admin.goto(`${app.url}/`);
		const waiting = admin.locator('main');
		await waiting.getByRole('heading', { name: 'Waiting for you' }).waitFor();
		await waiting.getByText('1 unread notification').waitFor();
		const link = waiting.getByRole('link', { name: 'Oak Hill <School> submitted its joint partnership audit' });
		await submit(admin, () => link.click());
		expectEqual(pathOf(admin), `/org/${org}/audit/${audit}`, 'the address');
	});

	let text;
	await t.step('she gets the email, saying where it is in copro and how to stop', async () => {
		expectEqual(latestMail(app, ADMIN.email, 'subject'), 'copro: Oak Hill <School> submitted its joint partnership audit',
			'the subject');
		text = latestMail(app, ADMIN.email, 'text');
		expect(text.includes(`${app.url}/org/${org}/audit/${audit}`), `no link to the audit in:\n${text}`);
		expect(text.includes(`${app.url}/account/notifications`), 'no link to the choices');
		const header = latestMail(app, ADMIN.email, 'header:List-Unsubscribe');
		expect(/\/unsubscribe\/[0-9a-f]{64}/.test(header), `List-Unsubscribe is ${header}`);
		expect(text.includes(header.replace(/[<>]/g, '')), 'the unsubscribe link is not in the text');
	});

	await t.step('the email\'s link opens the audit', async () => {
		await submit(admin, () => admin.goto(latestMail(app, ADMIN.email, 'link')));
		expectEqual(pathOf(admin), `/org/${org}/audit/${audit}`, 'the address');
	});

	await t.step('"Notifications (1)" in the header lists it, unread; "Mark all as read"', async () => {
		// Screen readers hear the count in words; the eye sees "(1)".
		const link = admin.getByRole('link', { name: /^Notifications\s+1 unread$/ });
		expectEqual(squash(await link.locator('[aria-hidden="true"]').innerText()), '(1)', 'the count the eye sees');
		await submit(admin, () => link.click());
		expectEqual(pathOf(admin), '/notifications', 'the address');
		await admin.getByText('1 unread, newest first.').waitFor();
		await t.visit(admin, 'notifications');
		await submit(admin, () => admin.getByRole('button', { name: 'Mark all as read' }).click());
		await admin.getByText('All your notifications are marked as read.').waitFor();
		await admin.getByText('All read, newest first.').waitFor();
		await admin.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
	});

	await t.step('by keyboard: a weekly digest for submitted audits', async () => {
		await submit(admin, () => admin.getByRole('link', { name: 'Choose which emails you get' }).click());
		expectEqual(pathOf(admin), '/account/notifications', 'the address');
		await t.visit(admin, 'notification-choices');
		await tabTo(admin, { tag: 'input', name: 'At once, by email' }, { max: 40 });
		await admin.keyboard.press('ArrowDown');
		expect(await admin.getByRole('group', { name: 'An organisation submits an audit to the area' })
			.getByLabel('In a weekly email digest (on Mondays)').isChecked(), 'weekly is not chosen');
		await tabTo(admin, { tag: 'button', name: 'Save choices' }, { max: 20 });
		await submit(admin, () => admin.keyboard.press('Enter'));
		expectEqual(pathOf(admin), '/notifications', 'the address');
		await admin.getByText('Your choices are saved.').waitFor();
		await admin.goto(`${app.url}/account/notifications`);
		expect(await admin.getByRole('group', { name: 'An organisation submits an audit to the area' })
			.getByLabel('In a weekly email digest (on Mondays)').isChecked(), 'the choice was not kept');
	});

	const link = () => latestMail(app, ADMIN.email, 'header:List-Unsubscribe').replace(/[<>]/g, '');
	const out = await t.newPage();
	await t.step('signed out, the unsubscribe link asks first and changes nothing', async () => {
		const r = await out.goto(link());
		expectEqual(r.status(), 200, 'the status');
		await out.getByRole('heading', { name: 'Stop these emails' }).waitFor();
		expect((await out.locator('main').innerText()).includes('when an organisation submits an audit to the area'),
			'the page does not say which emails');
		await admin.goto(`${app.url}/account/notifications`);
		expect(await admin.getByRole('group', { name: 'An organisation submits an audit to the area' })
			.getByLabel('In a weekly email digest (on Mondays)').isChecked(), 'opening the link changed the choice');
	});
	await t.visit(out, 'unsubscribe');
	await t.step('without JavaScript, at 375 px, "Stop these emails" stops them: in copro only', async () => {
		const plain = await t.newPage({ javaScriptEnabled: false, viewport: VIEWPORTS[1] });
		await plain.goto(link());
		const r = await submit(plain, () => plain.getByRole('button', { name: 'Stop these emails' }).click());
		expectEqual(r?.status(), 200, 'the status');
		await plain.getByRole('heading', { name: 'You will not get these emails' }).waitFor();
		const wide = await plain.evaluate(() => document.documentElement.scrollWidth);
		expect(wide <= 375, `the page is ${wide} px wide`);
		await plain.context().close();
		await admin.goto(`${app.url}/account/notifications`);
		expect(await admin.getByRole('group', { name: 'An organisation submits an audit to the area' })
			.getByLabel('In copro only, no email').isChecked(), 'the kind is not "in copro only"');
	});
	await t.step('the button again (a second click, or the mail program\'s one click) says the same', async () => {
		const r = await submit(out, () => out.getByRole('button', { name: 'Stop these emails' }).click());
		expectEqual(r?.status(), 200, 'the status');
		await out.getByRole('heading', { name: 'You will not get these emails' }).waitFor();
	});
	await t.visit(out, 'unsubscribed');

	await t.check('the choices page works without JavaScript at 375 px', async () => {
		const plain = await t.newPage({ javaScriptEnabled: false, viewport: VIEWPORTS[1] });
		await signInAs(plain, app, LEAD.email);
		await plain.goto(`${app.url}/account/notifications`);
		await plain.getByLabel('In copro only, no email').first().check();
		await submit(plain, () => plain.getByRole('button', { name: 'Save choices' }).click());
		expectEqual(pathOf(plain), '/notifications', 'the address');
		const wide = await plain.evaluate(() => document.documentElement.scrollWidth);
		expect(wide <= 375, `the page is ${wide} px wide`);
		await plain.context().close();
	});
	await t.stopApp(app, 'notifications');
}
