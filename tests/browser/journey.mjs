// journey.mjs: the first run, by mouse: open copro, get sent to set-up,
// refuse a short password (keeping what was typed), create the
// administrator, add an organisation (after one refused for a missing
// sector), open it from home, start a Four Cornerstones self-evaluation for
// 2026-27 and see its four cornerstones. Then statement 1i: add evidence
// linked to two of its indicators, link it to 2iii.a (another cornerstone),
// record the judgement, raise an action from the area for development and
// see the action list and the overview's counts; the evidence library and
// item; invite a contributor, who joins through the one-time /join link in
// a fresh browser, sees the organisation but is refused the people page.
// Every page reached gets visit().

import { ADMIN, expect, expectEqual, pathOf, setupCode, submit, fillDate } from './lib.mjs';

const ORG = { name: 'Riverside Primary School', type: 'Community school', sector: 'Education' };
const CORNERSTONES = ['Welcome and Care', 'Value and Include', 'Communicate', 'Work in Partnership'];
const EVIDENCE = {
	title: 'Parent carer coffee mornings',
	description: 'Monthly coffee mornings where parent carers meet staff and give feedback on transitions.',
};
const JUDGEMENT = {
	strengths: 'Families say the school feels welcoming from the first visit.',
	area: 'Transition plans do not yet use feedback from children and young people.',
};
const ACTION = { title: 'Ask pupils about transition plans each term', owner: 'SENCO', due: '2027-01-31' };
const CONTRIBUTOR = { name: 'Ben Okafor', email: 'ben.okafor@example.org', password: 'a long enough password here' };

export default async function journey(t) {
	const app = await t.startApp();
	const page = await t.newPage();

	// ---- set-up --------------------------------------------------------
	await t.step('opening / on first run leads to /setup', async () => {
		const r = await page.goto(`${app.url}/`);
		expectEqual(pathOf(page), '/setup', 'the address');
		expectEqual(r.status(), 200, 'the status');
		await page.getByRole('heading', { level: 1, name: 'Set up copro' }).waitFor();
	});
	await t.visit(page, 'setup');

	let r;
	await t.step('a wrong set-up code is refused, and the error links to its field', async () => {
		await page.getByLabel('Set-up code').fill('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF');
		await page.getByLabel('Your name').fill(ADMIN.name);
		await page.getByLabel('Email address').fill(ADMIN.email);
		await page.getByLabel('Your local area').fill(ADMIN.area);
		await page.getByLabel('Create a password').fill(ADMIN.password);
		r = await submit(page, () => page.getByRole('button', { name: 'Create the administrator' }).click());
		expectEqual(r?.status(), 400, 'the status');
		const links = page.locator('.govuk-error-summary a');
		expectEqual(await links.count(), 1, 'the number of errors');
		expectEqual(await links.first().getAttribute('href'), '#code', 'the link');
		expect(/copro setup-code/.test(await links.first().innerText()), 'the message does not say how to get a new code');
	});
	await t.step('a password under 12 characters is refused', async () => {
		await page.getByLabel('Set-up code').fill(setupCode(app));
		await page.getByLabel('Your name').fill(ADMIN.name);
		await page.getByLabel('Email address').fill(ADMIN.email);
		await page.getByLabel('Your local area').fill(ADMIN.area);
		await page.getByLabel('Create a password').fill('short1');
		r = await submit(page, () => page.getByRole('button', { name: 'Create the administrator' }).click());
		expectEqual(r?.status(), 400, 'the status');
		expectEqual(pathOf(page), '/setup', 'the address');
	});
	await t.check('the refusal shows the GOV.UK error summary, linked to the password', async () => {
		const summary = page.locator('.govuk-error-summary');
		await summary.waitFor();
		expect(/There is a problem/.test(await summary.innerText()), 'no "There is a problem" title');
		const links = summary.locator('a');
		expectEqual(await links.count(), 1, 'the number of errors');
		expectEqual(await links.first().getAttribute('href'), '#password', 'the link');
		expect(/12 characters/.test(await links.first().innerText()), `the message does not say 12 characters: ${await links.first().innerText()}`);
		// The error is also next to the field, tied to it for screen readers.
		const described = await page.locator('#password').getAttribute('aria-describedby');
		expect(described?.includes('password-error'), `the field's aria-describedby is ${described}`);
	});
	await t.check('the error summary takes focus, and its link moves focus to the password field', async () => {
		const focused = await page.evaluate(() => document.activeElement?.className || '');
		expect(focused.includes('govuk-error-summary'), `focus is on ".${focused}"`);
		await page.locator('.govuk-error-summary a').click();
		expectEqual(await page.evaluate(() => document.activeElement?.id), 'password', 'the focused field');
	});
	await t.check('what was typed is kept, except the password', async () => {
		expectEqual(await page.getByLabel('Your name').inputValue(), ADMIN.name, 'the name');
		expectEqual(await page.getByLabel('Email address').inputValue(), ADMIN.email, 'the email');
		expectEqual(await page.getByLabel('Your local area').inputValue(), ADMIN.area, 'the area');
		expectEqual(await page.getByLabel('Create a password').inputValue(), '', 'the password');
	});
	await t.visit(page, 'setup-error');

	await t.step('a good password creates the administrator and lands on home, signed in', async () => {
		await page.getByLabel('Create a password').fill(ADMIN.password);
		r = await submit(page, () => page.getByRole('button', { name: 'Create the administrator' }).click());
		expectEqual(pathOf(page), '/', 'the address');
		expectEqual(r?.status(), 200, 'the status');
		await page.getByRole('heading', { level: 1, name: `Welcome, ${ADMIN.name}` }).waitFor();
		const nav = await page.locator('.copro-account').innerText();
		expect(nav.includes(`Signed in as ${ADMIN.name}`), `the header says: ${nav}`);
		expect(/administrator for Rotherham/.test(await page.locator('main').innerText()), 'home does not name the area');
	});
	await t.visit(page, 'home');

	await t.check('/setup now leads to sign-in, not a second set-up', async () => {
		const other = await t.newPage();
		await other.goto(`${app.url}/setup`);
		expectEqual(pathOf(other), '/sign-in', 'the address');
		await other.context().close();
	});

	// ---- add an organisation --------------------------------------------
	const form = page.locator('form[action$="/organisations"]');
	await t.step('adding an organisation without a sector is refused, keeping the name', async () => {
		await form.getByLabel('Name', { exact: true }).fill(ORG.name);
		r = await submit(page, () => form.getByRole('button', { name: 'Add organisation' }).click());
		expectEqual(r?.status(), 400, 'the status');
		const summary = page.locator('.govuk-error-summary');
		expect(/Select the organisation's sector/.test(await summary.innerText()), 'no sector error in the summary');
		expectEqual(await summary.locator('a').first().getAttribute('href'), '#sector', 'the link');
		expectEqual(await form.getByLabel('Name', { exact: true }).inputValue(), ORG.name, 'the kept name');
	});
	await t.visit(page, 'home-add-organisation-error');

	let orgPath;
	await t.step('adding an organisation leads to its page', async () => {
		await form.getByLabel('Type (optional)').fill(ORG.type);
		await form.getByLabel(ORG.sector, { exact: true }).check();
		r = await submit(page, () => form.getByRole('button', { name: 'Add organisation' }).click());
		expect(/^\/org\/\d+$/.test(pathOf(page)), `the address is ${page.url()}`);
		expectEqual(r?.status(), 200, 'the status');
		orgPath = pathOf(page);
		await page.getByRole('heading', { level: 1, name: ORG.name }).waitFor();
		expect((await page.locator('.govuk-caption-l').innerText()).includes(ADMIN.area), 'no area caption');
	});

	await t.step('home lists the organisation in a table', async () => {
		await page.goto(`${app.url}/`);
		const row = page.getByRole('row', { name: new RegExp(ORG.name) });
		expect((await row.innerText()).includes('education'), `the row says: ${await row.innerText()}`);
	});
	await t.visit(page, 'home-with-organisation');

	await t.step("the organisation's link on home opens it", async () => {
		const row = page.getByRole('row', { name: new RegExp(ORG.name) });
		await submit(page, () => row.getByRole('link', { name: ORG.name }).click());
		expectEqual(pathOf(page), orgPath, 'the address');
		expect(/No self-evaluation has started yet/.test(await page.locator('main').innerText()), 'no "not started" note');
	});
	await t.visit(page, 'organisation');

	// ---- start a self-evaluation ------------------------------------------
	let evaluationStatus;
	await t.step('starting a self-evaluation for 2026-27 leads to the evaluation', async () => {
		await page.getByLabel('Start a Four Cornerstones self-evaluation for the cycle').fill('2026-27');
		r = await submit(page, () => page.getByRole('button', { name: 'Start self-evaluation' }).click());
		expect(new RegExp(`^${orgPath}/evaluation/\\d+$`).test(pathOf(page)), `the address is ${page.url()}`);
		evaluationStatus = r?.status();
		expect(evaluationStatus === 200 || evaluationStatus === 404, `the status is ${evaluationStatus}`);
	});
	const evaluationPath = pathOf(page);
	if (evaluationStatus === 404) {
		t.skip('the evaluation page shows the four cornerstones', `${evaluationPath} is not written yet (404)`);
	} else {
		await t.check('the evaluation page shows the four cornerstones', async () => {
			const main = await page.locator('main').innerText();
			const missing = CORNERSTONES.filter((c) => !main.includes(c));
			expect(!missing.length, `missing: ${missing.join(', ')}`);
		});
		await t.visit(page, 'evaluation');
	}

	await t.check("the organisation's page lists the evaluation with its progress", async () => {
		await page.goto(`${app.url}${orgPath}`);
		const link = page.getByRole('link', { name: /Four Cornerstones.*2026-27/ });
		expectEqual(await link.getAttribute('href'), evaluationPath, 'the link');
		const item = await page.locator('main li', { has: link }).innerText();
		expect(/0 of \d+ indicators have evidence/.test(item), `the item says: ${item}`);
	});
	await t.visit(page, 'organisation-with-evaluation');

	await t.check('starting the same cycle again is refused with a message', async () => {
		await page.getByLabel('Start a Four Cornerstones self-evaluation for the cycle').fill('2026-27');
		r = await submit(page, () => page.getByRole('button', { name: 'Start self-evaluation' }).click());
		expect(r && r.status() >= 400 && r.status() < 500, `the status is ${r?.status()}`);
		await page.getByRole('heading', { level: 1, name: 'The self-evaluation could not start' }).waitFor();
	});
	await t.visit(page, 'evaluation-start-refused');

	// ---- a statement: evidence, links across cornerstones, judgement ----
	await t.step("the evaluation's link on the organisation's page opens it, and 1i opens from there", async () => {
		await page.goto(`${app.url}${orgPath}`);
		await submit(page, () => page.getByRole('link', { name: /Four Cornerstones.*2026-27/ }).click());
		expectEqual(pathOf(page), evaluationPath, 'the address');
		r = await submit(page, () => page.getByRole('link', { name: /^1i Providing a happy/ }).click());
		expectEqual(pathOf(page), `${evaluationPath}/statement/1i`, 'the address');
		expectEqual(r?.status(), 200, 'the status');
		await page.getByRole('heading', { level: 1, name: /^1i / }).waitFor();
		expect(/0 of \d+ indicators have evidence/.test(await page.locator('main').innerText()), 'no "0 of N" count');
	});
	await t.visit(page, 'statement');

	const evidenceForm = page.locator('form[action$="/evidence"]');
	await t.step('"Add new evidence" opens its own page, whose form posts to its own address', async () => {
		r = await submit(page, () => page.getByRole('link', { name: 'Add new evidence' }).click());
		expectEqual(pathOf(page), `${evaluationPath}/statement/1i/evidence`, 'the address');
		expectEqual(r?.status(), 200, 'the status');
		await page.getByRole('heading', { level: 1, name: 'Add new evidence' }).waitFor();
		expectEqual(await evidenceForm.getAttribute('action'), `${evaluationPath}/statement/1i/evidence`, "the form's action");
	});
	await t.visit(page, 'statement-evidence');

	await t.step('adding evidence with a title, date and partner groups, linked to 1i.a and 1i.b', async () => {
		await evidenceForm.getByLabel('Title', { exact: true }).fill(EVIDENCE.title);
		await evidenceForm.getByLabel('Description (optional)').fill(EVIDENCE.description);
		await evidenceForm.getByLabel('Day', { exact: true }).fill('14');
		await evidenceForm.getByLabel('Month', { exact: true }).fill('10');
		await evidenceForm.getByLabel('Year', { exact: true }).fill('2026');
		await evidenceForm.getByLabel('Parent carers', { exact: true }).check();
		await evidenceForm.getByLabel('Children and young people', { exact: true }).check();
		await evidenceForm.getByLabel(/^1i\.a: /).check();
		await evidenceForm.getByLabel(/^1i\.b: /).check();
		r = await submit(page, () => evidenceForm.getByRole('button', { name: 'Add evidence' }).click());
		expectEqual(r?.status(), 200, 'the status');
		expectEqual(pathOf(page), `${evaluationPath}/statement/1i`, 'the address');
		expect(/Evidence added and linked/.test(await page.getByRole('alert').innerText()), 'no success banner');
		const main = await page.locator('main').innerText();
		expect(/2 of \d+ indicators have evidence/.test(main), 'the statement does not count 2 indicators');
		expectEqual(await page.getByRole('link', { name: EVIDENCE.title }).count(), 2, 'evidence links under the indicators');
		const row = await page.locator('.copro-grid__row', { has: page.getByRole('heading', { name: '1i.a' }) }).innerText();
		expect(/Partner groups: children and young people, parent carers\./.test(row), `the partner groups are not shown under 1i.a: ${row}`);
		expect(/Who took part in the evidence\s+Children and young people, parent carers/.test(main), 'the statement does not sum up who took part');
	});
	await t.visit(page, 'statement-evidence-added');

	const linkForm = page.locator('form[action$="/link"]');
	await t.step('the link page links the same evidence to 2iii.a, another cornerstone', async () => {
		r = await submit(page, () => page.getByRole('link', { name: 'Link evidence you already have' }).click());
		expectEqual(pathOf(page), `${evaluationPath}/statement/1i/link`, 'the address');
		expectEqual(r?.status(), 200, 'the status');
		await t.visit(page, 'statement-link');
		const select = linkForm.getByLabel('Evidence', { exact: true });
		const option = await select.locator('option', { hasText: EVIDENCE.title }).getAttribute('value');
		await select.selectOption(option);
		expect(!(await linkForm.getByLabel(/^1i\.a: /).isChecked()), '1i.a is ticked already');
		await linkForm.getByLabel('Other indicators (optional)').fill('2iii.a');
		r = await submit(page, () => linkForm.getByRole('button', { name: 'Link evidence' }).click());
		expectEqual(r?.status(), 200, 'the status');
		expectEqual(pathOf(page), `${evaluationPath}/statement/1i`, 'the address');
		expect(/Evidence linked/.test(await page.getByRole('alert').innerText()), 'no success banner');
	});
	await t.visit(page, 'statement-evidence-linked');

	const reviewForm = page.locator('form[action$="/review"]');
	await t.step('the lead records strengths, an area for development and the status', async () => {
		r = await submit(page, () => page.getByRole('link', { name: 'Record the judgement' }).click());
		expectEqual(pathOf(page), `${evaluationPath}/statement/1i/review`, 'the address');
		expectEqual(r?.status(), 200, 'the status');
		await t.visit(page, 'statement-review');
		await reviewForm.getByLabel('Strengths').fill(JUDGEMENT.strengths);
		await reviewForm.getByLabel('Areas for development').fill(JUDGEMENT.area);
		await reviewForm.getByLabel('In progress', { exact: true }).check();
		await reviewForm.getByLabel('Parent carers', { exact: true }).check();
		r = await submit(page, () => reviewForm.getByRole('button', { name: 'Save judgement' }).click());
		expectEqual(r?.status(), 200, 'the status');
		expect(/Judgement saved/.test(await page.getByRole('alert').innerText()), 'no success banner');
		expectEqual(pathOf(page), `${evaluationPath}/statement/1i`, 'the address');
		const main = await page.locator('main').innerText();
		expect(main.includes(JUDGEMENT.strengths) && main.includes(JUDGEMENT.area), 'the judgement is not shown');
		expectEqual(main.split(JUDGEMENT.strengths).length, 2, 'the strengths shown once');
		const status = await page.locator('.copro-facts').innerText();
		expect(/^Status\s+In progress/.test(status), `the statement's facts say: ${status}`);
	});
	await t.visit(page, 'statement-judgement');

	// ---- an action from the area for development ------------------------
	await t.step('"Raise an action" opens the form, showing the area for development', async () => {
		r = await submit(page, () => page.getByRole('link', { name: 'Raise an action for an area for development' }).click());
		expectEqual(pathOf(page), `${orgPath}/actions/new`, 'the address');
		expectEqual(r?.status(), 200, 'the status');
		expect((await page.locator('main').innerText()).includes(JUDGEMENT.area), 'the area for development is not shown');
	});
	await t.visit(page, 'action-new');

	await t.step('adding the action with an owner and a due date leads to the action list, which shows it', async () => {
		await page.getByLabel('What needs to be done').fill(ACTION.title);
		await page.getByLabel('Who will make sure it happens (optional)').fill(ACTION.owner);
		await fillDate(page, 'Due date (optional)', ACTION.due);
		r = await submit(page, () => page.getByRole('button', { name: 'Add action' }).click());
		expectEqual(pathOf(page), `${orgPath}/actions`, 'the address');
		expectEqual(r?.status(), 200, 'the status');
		const main = await page.locator('main').innerText();
		expect(/1 action\b/.test(main), 'no "1 action" heading');
		for (const want of [ACTION.title, ACTION.owner, '1i'])
			expect(main.includes(want), `the list does not show ${want}:\n${main}`);
		expect(/31 January 2027|2027-01-31/.test(main), 'the list does not show the due date');
	});
	await t.visit(page, 'actions');

	await t.check('the evaluation overview counts the evidenced indicators of both cornerstones', async () => {
		await page.goto(`${app.url}${evaluationPath}`);
		const main = await page.locator('main').innerText();
		expect(/\b3 of \d+ indicators have evidence\. 2 of \d+ statements have evidence/.test(main), `the progress says: ${main.slice(0, 600)}`);
		// The chart and its tables are folded under a details element.
		await page.getByText('Progress per cornerstone: chart and tables').click();
		const row = async (name) => (await page.getByRole('row', { name }).first().innerText()).replace(/\s+/g, ' ');
		expect(/2 of \d+ 1 of \d+/.test(await row(/^1 Welcome and Care/)), `cornerstone 1: ${await row(/^1 Welcome and Care/)}`);
		expect(/1 of \d+ 1 of \d+/.test(await row(/^2 Value and Include/)), `cornerstone 2: ${await row(/^2 Value and Include/)}`);
		const hint = await page.locator('#statement-2iii-hint').innerText();
		expect(/^1 of \d+/.test(hint), `2iii says: ${hint}`);
		const status = await page.locator('#statement-1i-status').innerText();
		expectEqual(status.trim(), 'In progress', "1i's status");
	});
	await t.visit(page, 'evaluation-with-evidence');

	// ---- the evidence library --------------------------------------------
	await t.step("the organisation's navigation leads to the evidence library, which lists the evidence", async () => {
		await page.goto(`${app.url}${orgPath}`);
		r = await submit(page, () => page.getByRole('navigation', { name: 'Organisation' }).getByRole('link', { name: 'Evidence' }).click());
		expectEqual(pathOf(page), `${orgPath}/evidence`, 'the address');
		expectEqual(r?.status(), 200, 'the status');
		await page.getByRole('heading', { level: 2, name: /^1 item/ }).waitFor();
		await page.getByRole('link', { name: EVIDENCE.title }).waitFor();
	});
	await t.visit(page, 'evidence-library');

	await t.step("the evidence item's page shows its links in both cornerstones", async () => {
		r = await submit(page, () => page.getByRole('link', { name: EVIDENCE.title }).click());
		expect(new RegExp(`^${orgPath}/evidence/\\d+$`).test(pathOf(page)), `the address is ${page.url()}`);
		expectEqual(r?.status(), 200, 'the status');
		const main = await page.locator('main').innerText();
		expect(/It counts for 3 indicators/.test(main), 'no "It counts for 3 indicators"');
		for (const key of ['1i.a', '1i.b', '2iii.a'])
			expect(main.includes(key), `${key} is not listed`);
		await page.getByRole('link', { name: /^Statement 1i: / }).waitFor();
		await page.getByRole('link', { name: /^Statement 2iii: / }).waitFor();
		expect(main.includes(EVIDENCE.description), 'no description');
	});
	await t.visit(page, 'evidence-item');

	// ---- people: invite a contributor -----------------------------------
	let joinPath;
	await t.step("the organisation's page links to people, where nobody has joined yet", async () => {
		await page.goto(`${app.url}${orgPath}`);
		r = await submit(page, () => page.getByRole('link', { name: 'People', exact: true }).click());
		expectEqual(pathOf(page), `${orgPath}/people`, 'the address');
		expectEqual(r?.status(), 200, 'the status');
		await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
		expect(/Nobody has joined yet/.test(await page.locator('main').innerText()), 'no "Nobody has joined yet"');
	});
	await t.visit(page, 'people');

	await t.step('creating an invitation link for a contributor shows the link once', async () => {
		const form = page.locator('form[action$="/people/invite"]');
		await form.getByLabel('Their name').fill(CONTRIBUTOR.name);
		await form.getByLabel('Contributor', { exact: true }).check();
		await form.getByLabel('Parent carers', { exact: true }).check();
		r = await submit(page, () => form.getByRole('button', { name: 'Create invitation link' }).click());
		expectEqual(r?.status(), 200, 'the status');
		await page.getByRole('heading', { level: 1, name: `Send this link to ${CONTRIBUTOR.name}` }).waitFor();
		const link = await page.getByLabel('Invitation link').inputValue();
		joinPath = new URL(link).pathname;
		expect(/^\/join\/[0-9a-f]{64}$/.test(joinPath), `the link is ${link}`);
		expectEqual(link, `${app.url}${joinPath}`, 'the whole link');
	});
	await t.visit(page, 'invitation-link');

	await t.check('the activity log (linked from people) records the invitation and the evidence', async () => {
		await page.goto(`${app.url}${orgPath}/people`);
		await submit(page, () => page.getByRole('link', { name: 'Activity log' }).click());
		expectEqual(pathOf(page), `${orgPath}/activity`, 'the address');
		const main = await page.locator('main').innerText();
		expect(main.includes(`invited ${CONTRIBUTOR.name}`), `the log says: ${main.slice(0, 800)}`);
	});
	await t.visit(page, 'activity');

	const guest = await t.newPage();
	await t.step('in a fresh browser, the /join link creates the account and signs the contributor in', async () => {
		r = await guest.goto(`${app.url}${joinPath}`);
		expectEqual(r.status(), 200, 'the status');
		await guest.getByLabel('Email address').fill(CONTRIBUTOR.email);
		await guest.getByLabel('Create a password').fill(CONTRIBUTOR.password);
		r = await submit(guest, () => guest.getByRole('button', { name: 'Join' }).click());
		expectEqual(pathOf(guest), '/', 'the address');
		expectEqual(r?.status(), 200, 'the status');
		const nav = await guest.locator('.copro-account').innerText();
		expect(nav.includes(`Signed in as ${CONTRIBUTOR.name}`), `the header says: ${nav}`);
	});
	await t.visit(guest, 'contributor-home');

	await t.step('the contributor sees the organisation, without a link to people', async () => {
		await submit(guest, () => guest.getByRole('link', { name: ORG.name }).click());
		expectEqual(pathOf(guest), orgPath, 'the address');
		expectEqual(await guest.getByRole('link', { name: 'People', exact: true }).count(), 0, 'links to people');
		await guest.getByRole('link', { name: /Four Cornerstones.*2026-27/ }).waitFor();
	});
	await t.visit(guest, 'contributor-organisation');

	await t.check('the people page is refused to the contributor (403 or 404)', async () => {
		r = await guest.goto(`${app.url}${orgPath}/people`);
		expect([403, 404].includes(r.status()), `the status is ${r.status()}`);
	});
	await t.visit(guest, 'contributor-people-refused');

	await t.check('the /join link works only once', async () => {
		const other = await t.newPage();
		await other.goto(`${app.url}${joinPath}`);
		await other.getByLabel('Email address').fill('someone.else@example.org');
		await other.getByLabel('Create a password').fill(CONTRIBUTOR.password);
		r = await submit(other, () => other.getByRole('button', { name: 'Join' }).click());
		expectEqual(r?.status(), 400, 'the status');
		await other.context().close();
	});

	await t.check("the lead's people page lists the contributor with role and partner group", async () => {
		await page.goto(`${app.url}${orgPath}/people`);
		const row = await page.locator('.govuk-summary-list__row', { hasText: CONTRIBUTOR.name }).innerText();
		for (const want of [CONTRIBUTOR.email, 'Contributor', 'Parent carers'])
			expect(row.includes(want), `the row says: ${row}`);
	});
	await t.visit(page, 'people-with-contributor');
}
