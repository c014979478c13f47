// dates.mjs: a date typed the GOV.UK way, by keyboard alone, at 375 px
// and without JavaScript: an action's due date with a month that cannot be
// (13) is refused at the form's own address with "Error: " in the title,
// the summary's link on the month and only the month marked; the address
// reopens; the corrected date is saved and shown in words. axe-core checks
// the refused form.

import { VIEWPORTS, addOrganisation, expect, expectEqual, fillDate, pathOf, setUp, submit } from './lib.mjs';

const TITLE = 'Ask year 6 pupils what worries them about moving up';

// Presses Tab until the element `css` has focus, at most `max` times.
async function tabUntil(page, css, max = 8) {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		if (await page.locator(`${css}:focus`).count())
			return;
	}
	throw new Error(`${max} presses of Tab did not reach ${css}`);
}

export default async function dates(t) {
	const app = await t.startApp();
	const page = await t.newPage();
	let orgPath;
	await t.step('set up with an organisation', async () => {
		await setUp(page, app);
		await addOrganisation(page, { name: 'Brook Lane Primary School', sector: 'Education' });
		orgPath = pathOf(page);
	});

	const plain = await t.newPage({ javaScriptEnabled: false, viewport: VIEWPORTS[1] });
	await plain.context().addCookies(await page.context().cookies());
	let r;
	await t.step('by keyboard at 375 px without JavaScript: a month of 13 is refused on the month alone', async () => {
		await plain.goto(`${app.url}${orgPath}/actions/new`);
		await plain.getByLabel('What needs to be done').focus();
		await plain.keyboard.type(TITLE);
		await tabUntil(plain, '#due-day');
		await plain.keyboard.type('31');
		await plain.keyboard.press('Tab');
		await plain.keyboard.type('13');
		await plain.keyboard.press('Tab');
		await plain.keyboard.type('2027');
		r = await submit(plain, () => plain.keyboard.press('Enter'));
		expectEqual(r?.status(), 400, 'the status');
		expectEqual(pathOf(plain), `${orgPath}/actions`, 'the address');
		expect((await plain.title()).startsWith('Error: '), `the title is "${await plain.title()}"`);
		const link = plain.locator('.govuk-error-summary a');
		expectEqual(await link.count(), 1, 'the errors');
		expectEqual(await link.getAttribute('href'), '#due-month', 'the summary\'s link');
		expectEqual(await link.innerText(), 'The due date must be a real date', 'the message');
		expectEqual(await plain.locator('.govuk-input--error').count(), 1, 'the fields marked');
		expectEqual(await plain.locator('#due-month.govuk-input--error').count(), 1, 'the month marked');
		expectEqual(await plain.locator('#due-day').inputValue(), '31', 'the kept day');
		expectEqual(await plain.getByLabel('What needs to be done').inputValue(), TITLE, 'the kept title');
	});

	await t.step('the refused form\'s address reopens (a GET answers, not 405)', async () => {
		const again = await plain.goto(plain.url());
		expectEqual(again?.status(), 200, 'the status');
	});

	await t.step('the month corrected by keyboard, the action is saved and its date shown in words', async () => {
		await plain.goBack();
		if (pathOf(plain) !== `${orgPath}/actions` || !(await plain.locator('#due-month').count())) {
			await plain.goto(`${app.url}${orgPath}/actions/new`);
			await plain.getByLabel('What needs to be done').fill(TITLE);
			await fillDate(plain, 'Due date (optional)', '2027-13-31');
		}
		await plain.locator('#due-month').focus();
		await plain.keyboard.press('Control+A');
		await plain.keyboard.type('1');
		r = await submit(plain, () => plain.keyboard.press('Enter'));
		expectEqual(r?.status(), 200, 'the status after the redirect');
		expectEqual(pathOf(plain), `${orgPath}/actions`, 'the address');
		const main = await plain.locator('main').innerText();
		expect(main.includes(TITLE), 'the action is not listed');
		expect(main.includes('31 January 2027'), 'the due date is not in words');
		expect(!main.includes('2027-01-31'), 'the due date is shown as 2027-01-31');
	});

	await t.step('with JavaScript, the same refused form (for axe-core)', async () => {
		await page.goto(`${app.url}${orgPath}/actions/new`);
		await page.getByLabel('What needs to be done').fill('Another action');
		await fillDate(page, 'Due date (optional)', '2027-13-31');
		r = await submit(page, () => page.getByRole('button', { name: 'Add action' }).click());
		expectEqual(r?.status(), 400, 'the status');
	});
	await t.visit(page, 'action-date-refused');
}
