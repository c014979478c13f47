// gold.mjs: Charter Gold, by mouse and keyboard. On the demo, the lead reads
// the readiness page (copro's reading, not an award; a statement's details
// open). The area administrator invites an assessor to the demo's
// self-evaluation from the area's Charter Gold page; the assessor joins
// with the link, reads the readiness page (the organisation's other pages
// are refused), comments on a statement, is refused a "Not yet" without
// reasons, then awards. The award shows on the organisation's home and the
// area dashboard. With COPRO_NOW moved past the last day of access, the
// assessor is refused with a plain page and signed out. Every page reached
// gets visit(); the readiness page also without JavaScript at 375 px.

import {
	DEMO_PASSWORD, VIEWPORTS, coproCli as copro, expect, expectEqual, fillDate, markFocusBaseline, pathOf,
	signInAs, submit, tabTo,
} from './lib.mjs';

const ASSESSOR = { name: 'Dana Okafor', email: 'dana.okafor@example.org', password: 'the assessor has her own' };
const COMMENT = 'The parent forum minutes show parents shaping the welcome leaflet.';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
	'October', 'November', 'December'];
const isoDay = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const words = (iso) => {
	const [y, m, d] = iso.split('-').map(Number);
	return `${d} ${MONTHS[m - 1]} ${y}`;
};

export default async function gold(t) {
	let app = await t.startApp();
	const LAST_DAY = isoDay(30);
	const readiness = '/org/1/evaluation/1/readiness';
	await t.step('the demo, its lead and the area administrator', async () => {
		copro(app.db, ['demo']);
		copro(app.db, ['user', 'add', '--name', 'Demo lead', '--email', 'lead@example.org', '--role', 'lead', '--org', '1'],
			`${DEMO_PASSWORD}\n`);
		copro(app.db, ['user', 'add', '--name', 'Demo area', '--email', 'area@example.org', '--role', 'area-admin',
			'--area', 'Demo Borough'], `${DEMO_PASSWORD}\n`);
	});

	const lead = await t.newPage();
	await t.step('the lead opens readiness from the self-evaluation: it says it is not an award', async () => {
		await signInAs(lead, app, 'lead@example.org');
		await lead.goto(`${app.url}/org/1/evaluation/1`);
		await submit(lead, () => lead.getByRole('link', { name: 'Charter Gold readiness' }).click());
		expectEqual(pathOf(lead), readiness, 'the address');
		const text = await lead.locator('main').innerText();
		expect(/copro's reading of the tool's guidance, not an award/.test(text), 'no "not an award"');
		expect(/most, if not all, of the examples will be evidenced/.test(text), 'the guidance is not quoted');
	});
	await t.step('a statement\'s details open by keyboard, with a link to record its judgement', async () => {
		await markFocusBaseline(lead);
		await tabTo(lead, { tag: 'summary', name: /^1i / }, { max: 60 });
		await lead.keyboard.press('Enter');
		await lead.locator('#s-1i').getByRole('link', { name: 'Open the statement' }).waitFor();
	});
	await t.visit(lead, 'readiness-lead');
	await t.check('the readiness page works without JavaScript at 375 px', async () => {
		const plain = await t.newPage({ javaScriptEnabled: false, viewport: VIEWPORTS[1] });
		await signInAs(plain, app, 'lead@example.org');
		const r = await plain.goto(`${app.url}${readiness}`);
		expectEqual(r.status(), 200, 'the status');
		await plain.locator('#s-2i summary').click();
		await plain.locator('#s-2i').getByRole('link', { name: 'Open the statement' }).waitFor();
		const wide = await plain.evaluate(() => document.documentElement.scrollWidth);
		expect(wide <= 375, `the page is ${wide} px wide`);
		await plain.context().close();
	});

	const area = await t.newPage();
	let link;
	await t.step('the area administrator invites an assessor from Charter Gold; the link is shown once', async () => {
		await signInAs(area, app, 'area@example.org');
		await area.goto(`${app.url}/area/1`);
		await submit(area, () => area.getByRole('navigation', { name: 'Area' }).getByRole('link', { name: 'Charter Gold' }).click());
		await submit(area, () => area.getByRole('link', { name: 'Invite an assessor' }).click());
		await area.getByLabel('Their name').fill(ASSESSOR.name);
		await area.getByLabel('Their email address').fill(ASSESSOR.email);
		await area.getByLabel('Self-evaluation to assess').selectOption({ index: 1 });
		await fillDate(area, 'Last day of access', LAST_DAY);
		await submit(area, () => area.getByRole('button', { name: 'Create the invitation link' }).click());
		link = await area.locator('main a[href^="/join/"]').getAttribute('href');
		expect(/^\/join\/[0-9a-f]{64}$/.test(link), `the link is ${link}`);
	});
	await t.visit(area, 'gold-invitation-link');

	await t.check('the invitation form works without JavaScript at 375 px', async () => {
		const plain = await t.newPage({ javaScriptEnabled: false, viewport: VIEWPORTS[1] });
		await signInAs(plain, app, 'area@example.org');
		const r = await plain.goto(`${app.url}/area/1/gold/invite`);
		expectEqual(r.status(), 200, 'the status');
		await plain.getByLabel('Their name').fill('Someone');
		const refused = await submit(plain, () => plain.getByRole('button', { name: 'Create the invitation link' }).click());
		expectEqual(refused?.status(), 400, 'the status of a form without an email address');
		const wide = await plain.evaluate(() => document.documentElement.scrollWidth);
		expect(wide <= 375, `the page is ${wide} px wide`);
		await plain.context().close();
	});

	const as = await t.newPage();
	await t.step('the assessor joins with the link and finds the assessment on home', async () => {
		await as.goto(`${app.url}${link}`);
		await as.getByLabel('Email address').fill(ASSESSOR.email);
		await as.getByLabel('Create a password').fill(ASSESSOR.password);
		await submit(as, () => as.getByRole('button', { name: 'Join' }).click());
		expectEqual(pathOf(as), '/', 'the address after joining');
		await submit(as, () => as.getByRole('link', { name: /self-evaluation 2026-27/ }).click());
		expectEqual(pathOf(as), readiness, 'the address');
		expect(await as.getByRole('navigation', { name: 'Organisation' }).count() === 0, 'the organisation\'s navigation is shown');
	});
	await t.visit(as, 'readiness-assessor');
	await t.check('the organisation\'s actions are refused to the assessor (403)', async () => {
		const r = await as.goto(`${app.url}/org/1/actions`);
		expectEqual(r.status(), 403, 'the status');
		await as.goto(`${app.url}${readiness}`);
	});
	await t.step('the assessor comments on statement 1i by keyboard alone', async () => {
		await as.locator('#s-1i summary').click();
		await submit(as, () => as.locator('#s-1i').getByRole('link', { name: /^Comment/ }).click());
		await markFocusBaseline(as);
		await tabTo(as, { id: 'comment' }, { max: 15 });
		await as.keyboard.type(COMMENT);
		await tabTo(as, { tag: 'button', name: 'Save comment' }, { max: 3 });
		await submit(as, () => as.keyboard.press('Enter'));
		expectEqual(pathOf(as), readiness, 'the address');
		await as.getByText('Your comment has been saved').waitFor();
	});
	await t.step('"Not yet" without reasons is refused with the error first in the title', async () => {
		await submit(as, () => as.getByRole('link', { name: 'record your decision' }).click());
		await as.getByLabel('Not yet').check();
		const r = await submit(as, () => as.getByRole('button', { name: 'Record decision' }).click());
		expectEqual(r?.status(), 400, 'the status');
		expect((await as.title()).startsWith('Error: '), `the title is ${await as.title()}`);
	});
	await t.visit(as, 'gold-decision-refused');
	const due = words(`${Number(isoDay(0).slice(0, 4)) + 3}${isoDay(0).slice(4)}`);
	await t.step('the assessor awards Charter Gold; readiness shows it', async () => {
		await as.getByLabel('Awarded').check();
		await submit(as, () => as.getByRole('button', { name: 'Record decision' }).click());
		expectEqual(pathOf(as), readiness, 'the address');
		await as.getByRole('heading', { name: 'Charter Gold awarded' }).waitFor();
	});
	await t.step('the organisation\'s home and the area dashboard show the award and its due date', async () => {
		await lead.goto(`${app.url}/org/1`);
		expect((await lead.locator('main').innerText()).includes(`Reaccreditation is due by ${due}`), 'no due date on home');
		await area.goto(`${app.url}/area/1/dashboard`);
		const text = await area.locator('main').innerText();
		expect(/1 organisation holds Charter Gold/.test(text), 'the dashboard lists no accreditation');
		expect(text.includes(due), 'the dashboard has no due date');
	});
	await t.visit(lead, 'home-with-award');
	await t.visit(area, 'gold-area');

	await t.step('after the last day of access the assessor is refused (403) and signed out', async () => {
		app = await t.restartApp(app, { COPRO_NOW: `${isoDay(31)}T09:00:00Z` });
		await signInAs(as, app, ASSESSOR.email, ASSESSOR.password);
		const r = await as.goto(`${app.url}${readiness}`);
		expectEqual(r.status(), 403, 'the status');
		await as.getByRole('heading', { name: 'Your access has ended' }).waitFor();
		await as.goto(`${app.url}/`);
		expectEqual(pathOf(as), '/sign-in', 'the address after the refusal');
	});
}
