// nav.mjs: finding the way. The organisation's sections in GOV.UK's service
// navigation (the current one marked, by mouse, by keyboard, behind "Menu"
// at 375 px and open without JavaScript), a lead changing the status of a
// self-evaluation on its own page, and the public pages linked from every
// footer (accessibility, privacy, cookies, help), signed in or not.

import { ADMIN, addOrganisation, expect, expectEqual, focused, describeFocus, markFocusBaseline, pathOf,
	setUp, submit, tabTo } from './lib.mjs';

const SECTIONS = ['Overview', 'Self-evaluations', 'Evidence', 'Actions', 'Measures', 'Plans',
	'Projects and audits', 'Views', 'People', 'Search'];
const PUBLIC = [
	['/accessibility', 'Accessibility statement for copro'],
	['/privacy', 'Privacy notice'],
	['/cookies', 'Cookies'],
	['/help', 'Help using copro'],
	['/help/lead', 'Help for organisation leads'],
	['/help/contributor', 'Help for contributors'],
	['/help/area', 'Help for area administrators'],
];

async function current(page) {
	const nav = page.getByRole('navigation', { name: 'Organisation' });
	const marked = nav.locator('[aria-current]');
	expectEqual(await marked.count(), 1, 'sections marked current');
	return (await marked.innerText()).trim();
}

export default async function nav(t) {
	const app = await t.startApp();
	const page = await t.newPage();
	let orgPath;
	await t.step('set up with an organisation', async () => {
		await setUp(page, app);
		await addOrganisation(page, { name: 'Brook Lane Primary', sector: 'Education' });
		orgPath = pathOf(page);
	});

	await t.check('the organisation\'s sections are listed, Overview marked as this page', async () => {
		const links = page.getByRole('navigation', { name: 'Organisation' }).getByRole('link');
		const names = (await links.allInnerTexts()).map((s) => s.trim());
		expectEqual(names.join(', '), SECTIONS.join(', '), 'the sections');
		expectEqual(await current(page), 'Overview', 'the current section');
		const header = await page.locator('.copro-account').innerText();
		expect(header.includes(`Signed in as ${ADMIN.name}`) && header.includes('Sign out'), `the header says: ${header}`);
	});
	await t.visit(page, 'org-overview');

	await t.check('by mouse: "Actions" opens the actions, marked as the current section', async () => {
		await submit(page, () => page.getByRole('navigation', { name: 'Organisation' })
			.getByRole('link', { name: 'Actions' }).click());
		expectEqual(pathOf(page), `${orgPath}/actions`, 'the address');
		expectEqual(await current(page), 'Actions', 'the current section');
	});

	await t.step('by keyboard: Tab from the skip link through the header to "Evidence", Enter opens it', async () => {
		await page.goto(`${app.url}${orgPath}`);
		await markFocusBaseline(page);
		const passed = await tabTo(page, { tag: 'a', name: 'Evidence' });
		expect(passed[0].includes('Skip to main content'), `the first stop was ${passed[0]}`);
		expect(passed.some((p) => p.includes('Sign out')), `Tab passed ${passed.join(' -> ')}`);
		await submit(page, () => page.keyboard.press('Enter'));
		expectEqual(pathOf(page), `${orgPath}/evidence`, 'the address');
		expectEqual(await current(page), 'Evidence', 'the current section');
	});

	let evalPath;
	await t.step('a lead starts a self-evaluation; "Self-evaluations" lists it as a draft', async () => {
		await page.goto(`${app.url}${orgPath}`);
		await page.getByLabel('Start a Four Cornerstones self-evaluation for the cycle').fill('2026-27');
		await submit(page, () => page.getByRole('button', { name: 'Start self-evaluation' }).click());
		evalPath = pathOf(page);
		expectEqual(await current(page), 'Self-evaluations', 'the current section');
		await submit(page, () => page.getByRole('navigation', { name: 'Organisation' })
			.getByRole('link', { name: 'Self-evaluations' }).click());
		expectEqual(pathOf(page), `${orgPath}/evaluations`, 'the address');
		const item = await page.getByRole('listitem').filter({ hasText: '2026-27' }).innerText();
		expect(/Draft/.test(item), `the list says: ${item}`);
	});
	await t.visit(page, 'evaluations');

	await t.step('the status: "Change" on the evaluation opens its own page', async () => {
		await page.goto(`${app.url}${evalPath}`);
		await submit(page, () => page.getByRole('link', { name: 'Change status' }).click());
		expectEqual(pathOf(page), `${evalPath}/status`, 'the address');
		expect(await page.getByLabel('Draft').isChecked(), 'Draft is not the one checked');
	});
	await t.visit(page, 'status');

	await t.step('by keyboard: arrow to "In review", Enter saves; the evaluation says who set it', async () => {
		await markFocusBaseline(page);
		await tabTo(page, { tag: 'input', name: 'Draft' }, { max: 40 });
		await page.keyboard.press('ArrowDown');
		expect(await page.getByLabel('In review').isChecked(), 'ArrowDown did not choose "In review"');
		const r = await submit(page, () => page.keyboard.press('Enter'));
		expectEqual(pathOf(page), evalPath, 'the address');
		expectEqual(r?.status(), 200, 'the status');
		const banner = await page.locator('.govuk-notification-banner').innerText();
		expect(/Status saved: In review/.test(banner), `the banner says: ${banner}`);
		const row = await page.locator('.govuk-summary-list__row', { hasText: 'Status' }).first().innerText();
		expect(/In review/.test(row) && row.includes(`Set by ${ADMIN.name} on `), `the status row says: ${row}`);
	});
	await t.visit(page, 'status-saved');

	await t.check('375 px with JavaScript: the sections fold behind "Menu", which opens them', async () => {
		await page.setViewportSize({ width: 375, height: 812 });
		await page.goto(`${app.url}${orgPath}`);
		const nav = page.getByRole('navigation', { name: 'Organisation' });
		const menu = nav.getByRole('button', { name: 'Menu' });
		expect(await menu.isVisible(), 'no "Menu" button');
		expect(!(await nav.getByRole('link', { name: 'Plans' }).isVisible()), 'the sections show before "Menu" is pressed');
		await menu.click();
		await submit(page, () => nav.getByRole('link', { name: 'Plans' }).click());
		expectEqual(pathOf(page), `${orgPath}/plans`, 'the address');
		await page.setViewportSize({ width: 1280, height: 800 });
	});

	await t.check('375 px without JavaScript: every section is a link on the page', async () => {
		const plain = await t.newPage({ javaScriptEnabled: false, viewport: { width: 375, height: 812 } });
		await plain.context().addCookies(await page.context().cookies());
		await plain.goto(`${app.url}${orgPath}`);
		const links = plain.getByRole('navigation', { name: 'Organisation' }).getByRole('link');
		expectEqual(await links.count(), SECTIONS.length, 'the section links');
		for (const l of await links.all())
			expect(await l.isVisible(), `${await l.innerText()} is hidden`);
	});

	await t.check('public pages open signed in, from the footer, with no sections', async () => {
		await page.goto(`${app.url}${orgPath}`);
		await submit(page, () => page.getByRole('contentinfo').getByRole('link', { name: 'Accessibility statement' }).click());
		expectEqual(pathOf(page), '/accessibility', 'the address');
		expectEqual(await page.getByRole('navigation', { name: 'Organisation' }).count(), 0, 'section navigations');
		expect((await page.locator('.copro-account').innerText()).includes(ADMIN.name), 'the header has no name');
	});

	await t.check('the area\'s sections: Portfolio marked, "Audits to decide" opens the queue', async () => {
		await page.goto(`${app.url}/`);
		await submit(page, () => page.getByRole('link', { name: /^Area portfolio/ }).click());
		const area = page.getByRole('navigation', { name: 'Area', exact: true });
		const names = (await area.getByRole('link').allInnerTexts()).map((s) => s.trim());
		expectEqual(names.join(', '), 'Portfolio, Dashboard, Self-evaluations, Audits to decide, Charter Gold, Exports, Settings',
			'the sections');
		expectEqual((await area.locator('[aria-current]').innerText()).trim(), 'Portfolio', 'the current section');
		await submit(page, () => area.getByRole('link', { name: 'Audits to decide' }).click());
		expect(/\/area\/\d+\/audits$/.test(pathOf(page)), `the address ${pathOf(page)}`);
		expectEqual((await area.locator('[aria-current]').innerText()).trim(), 'Audits to decide', 'the current section');
	});
	await t.visit(page, 'area-audits');

	const guest = await t.newPage();
	for (const [p, heading] of PUBLIC) {
		const name = p.slice(1).replace('/', '-');
		await t.check(`${p} signed out: 200, its heading, the footer's links`, async () => {
			const r = await guest.goto(`${app.url}${p}`);
			expectEqual(r.status(), 200, 'the status');
			expectEqual((await guest.getByRole('heading', { level: 1 }).innerText()).trim(), heading, 'the heading');
			const footer = (await guest.getByRole('contentinfo').getByRole('link').allInnerTexts()).join(', ');
			expect(/Help, Accessibility statement, Privacy notice, Cookies/.test(footer), `the footer links: ${footer}`);
			expectEqual(await guest.getByRole('button', { name: 'Sign out' }).count(), 0, 'Sign out buttons');
		});
		await t.visit(guest, name);
	}

	await t.check('help by keyboard: Tab to "Help for contributors", Enter opens it', async () => {
		await guest.goto(`${app.url}/help`);
		await markFocusBaseline(guest);
		await tabTo(guest, { tag: 'a', name: 'Help for contributors' });
		await submit(guest, () => guest.keyboard.press('Enter'));
		expectEqual(pathOf(guest), '/help/contributor', 'the address');
		const f = await focused(guest);
		expect(f.tag === 'body' || f.tag === 'a', `focus after loading is on ${describeFocus(f)}`);
	});

	await t.check('the cookies page without JavaScript lists each cookie', async () => {
		const plain = await t.newPage({ javaScriptEnabled: false });
		await plain.goto(`${app.url}/cookies`);
		const names = await plain.getByRole('table').locator('tbody tr td:first-child').allInnerTexts();
		expectEqual(names.join(', '), '__Host-copro, __Host-copro-form, __Host-copro-answer', 'the cookies');
	});
}
