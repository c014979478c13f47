// long.mjs: the pages issue 13 made short, on the demo data. The measure
// chooser in two steps by keyboard alone and without JavaScript (a refused
// step comes back at its own address with "Error: " in the title); the
// plan, a cornerstone of it, the audit and the evaluation at 1280 and 375
// px with axe-core, in the order people need (what to do first, then
// summaries linking to the parts); every chart's labels inside its chart
// at 375 px; the area's heat map says it scrolls and scrolls by keyboard.


import { DEMO_PASSWORD as PASSWORD, coproCli as copro, expect, expectEqual, focused, markFocusBaseline, pathOf, signInAs as signIn, submit, tabTo } from './lib.mjs';

const LEAD = 'lead@example.org';
const AREA = 'area@example.org';

// Text of every chart drawn past its chart's right edge (cut off), at the
// page's current width.
async function cutLabels(page) {
	return page.evaluate(() => {
		const out = [];
		for (const svg of document.querySelectorAll('svg.copro-chart')) {
			const box = svg.getBoundingClientRect();
			for (const t of svg.querySelectorAll('text, tspan')) {
				const r = t.getBoundingClientRect();
				if (r.width && (r.right > box.right + 1 || r.right > document.documentElement.clientWidth))
					out.push(`"${t.textContent}" ends at ${Math.round(r.right)} px, the chart at ${Math.round(box.right)} px`);
			}
		}
		return out.join('\n');
	});
}

export default async function long(t) {
	const app = await t.startApp();
	await t.step('the demo, its audit accepted by the area, a lead and an area administrator', async () => {
		copro(app.db, ['demo']);
		copro(app.db, ['audit', 'accept', '1']);
		copro(app.db, ['user', 'add', '--name', 'Demo lead', '--email', LEAD, '--role', 'lead', '--org', '1'], `${PASSWORD}\n`);
		copro(app.db, ['user', 'add', '--name', 'Demo area', '--email', AREA, '--role', 'area-admin', '--area', 'Demo Borough'],
			`${PASSWORD}\n`);
	});

	// ---- the measure chooser ---------------------------------------------------
	const page = await t.newPage();
	await t.step('the lead signs in', () => signIn(page, app, LEAD));
	await t.step('the chooser by keyboard alone: a cornerstone, then one of its measures', async () => {
		await page.goto(`${app.url}/org/1/measures/new`);
		await page.getByRole('heading', { level: 1, name: 'Which cornerstone is the success measure for?' }).waitFor();
		expectEqual(await page.getByRole('radio').count(), 4, 'cornerstones offered');
		await markFocusBaseline(page);
		await tabTo(page, { id: 'cornerstone' }, { max: 40 });
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowDown');
		expect(await page.getByLabel('Cornerstone 3: Communicate').isChecked(), 'arrow keys did not choose cornerstone 3');
		await tabTo(page, { tag: 'button', name: 'Continue' });
		await submit(page, () => page.keyboard.press('Enter'));
		expectEqual(pathOf(page), '/org/1/measures/new/3', 'the address of the second step');
		const keys = await page.locator('input[name="measure"]').evaluateAll((els) => els.map((e) => e.value));
		expect(keys.length > 2 && keys.every((k) => k === 'own' || k.startsWith('3.')), `measures offered: ${keys.join(', ')}`);
		await markFocusBaseline(page);
		await tabTo(page, { id: 'measure' }, { max: 40 });
		await page.keyboard.press('Space');
		const chosen = await page.locator('input[name="measure"]:checked').getAttribute('value');
		await tabTo(page, { tag: 'button', name: 'Choose this measure' }, { max: 40 });
		const r = await submit(page, () => page.keyboard.press('Enter'));
		expectEqual(r?.status(), 200, 'the status');
		expect(/^\/org\/1\/measure\/\d+$/.test(pathOf(page)), `the address is ${page.url()}`);
		expect(chosen === '3.1', `the first radio chose ${chosen}`);
	});
	await t.step('the second step refused (nothing chosen): 400 at the same address, "Error: " in the title', async () => {
		await page.goto(`${app.url}/org/1/measures/new/2`);
		const r = await submit(page, () => page.getByRole('button', { name: 'Choose this measure' }).click());
		expectEqual(r?.status(), 400, 'the status');
		expectEqual(pathOf(page), '/org/1/measures/new/2', 'the address');
		expect((await page.title()).startsWith('Error: '), `the title is ${await page.title()}`);
		await page.locator('.govuk-error-summary a[href="#measure"]').click();
		expectEqual((await focused(page)).id, 'measure', 'the error summary\'s link moves focus to');
	});
	await t.visit(page, 'measure-refused');
	await t.step('reopening the refused address shows the form again', async () => {
		const r = await page.goto(page.url());
		expectEqual(r?.status(), 200, 'the status');
		await page.getByRole('heading', { level: 1, name: 'Choose a success measure' }).waitFor();
	});

	await t.step('without JavaScript: a refused first step, then cornerstone 4 and a measure of our own', async () => {
		const ctx = await t.browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 812 } });
		await ctx.addCookies(await page.context().cookies());
		const p = await ctx.newPage();
		await p.goto(`${app.url}/org/1/measures/new`);
		let r = await submit(p, () => p.getByRole('button', { name: 'Continue' }).click());
		expectEqual(r?.status(), 400, 'the status of a step with no cornerstone');
		expect((await p.title()).startsWith('Error: Which cornerstone'), `the title is ${await p.title()}`);
		await p.getByLabel('Cornerstone 4: Work in Partnership').check();
		r = await submit(p, () => p.getByRole('button', { name: 'Continue' }).click());
		expectEqual(pathOf(p), '/org/1/measures/new/4', 'the address');
		await p.getByLabel('Our own measure', { exact: true }).check();
		await p.getByLabel('Your own measure', { exact: true }).fill('Parent carers co-chair the partnership board.');
		r = await submit(p, () => p.getByRole('button', { name: 'Choose this measure' }).click());
		expectEqual(r?.status(), 200, 'the status');
		await p.getByRole('heading', { level: 1, name: 'Parent carers co-chair the partnership board.' }).waitFor();
		await ctx.close();
	});

	// ---- the long pages, made short --------------------------------------------
	const pages = [
		['plan', '/org/1/plan/1', ['Actions from this plan', 'Cornerstones', 'How the Cornerstones show in your organisation']],
		['plan-cornerstone', '/org/1/plan/1/cornerstone/1', ['1i Providing a happy and secure environment or context', 'Reflective questions', 'Turn areas for development into actions']],
		['audit', '/org/1/audit/1', ['Principles', 'Actions from this audit', 'About this audit']],
		['evaluation', '/org/1/evaluation/1', ['Cornerstone 1: Welcome and Care', 'Cornerstone 4: Work in Partnership', 'Partners\' views']],
	];
	for (const [name, path, order] of pages) {
		await t.step(`${name}: its sections in the order people need, under 4,000 px at 1280 px`, async () => {
			await page.setViewportSize({ width: 1280, height: 800 });
			const r = await page.goto(`${app.url}${path}`);
			expectEqual(r?.status(), 200, 'the status');
			const h2 = (await page.locator('main h2').allInnerTexts()).map((s) => s.trim());
			let at = -1;
			for (const want of order) {
				const i = h2.indexOf(want);
				expect(i > at, `"${want}" is not after the headings before it: ${h2.join(' | ')}`);
				at = i;
			}
			const height = await page.evaluate(() => document.documentElement.scrollHeight);
			expect(height <= 4000, `${height} px tall`);
		});
		await t.visit(page, name);
	}
	await t.step('the plan links to each cornerstone; the cornerstone has the texts the plan no longer repeats', async () => {
		await page.goto(`${app.url}/org/1/plan/1`);
		await submit(page, () => page.getByRole('link', { name: 'Cornerstone 1: Welcome and Care' }).click());
		expectEqual(pathOf(page), '/org/1/plan/1/cornerstone/1', 'the address');
		await page.getByRole('button', { name: 'Turn into an action (statement 1i)' }).waitFor();
	});
	await t.step('the audit\'s principles link to their pages, which have the commitments', async () => {
		await page.goto(`${app.url}/org/1/audit/1`);
		await submit(page, () => page.getByRole('link', { name: /^Principle 2: / }).click());
		expectEqual(pathOf(page), '/org/1/audit/1/principle/2', 'the address');
		await page.getByRole('heading', { name: 'Our commitments' }).waitFor();
	});
	await t.step('the evaluation\'s chart is behind "Progress per cornerstone", and opens', async () => {
		await page.goto(`${app.url}/org/1/evaluation/1`);
		const chart = page.locator('svg.copro-chart');
		expect(!(await chart.isVisible()), 'the chart shows before it is asked for');
		await page.getByText('Progress per cornerstone: chart and tables').click();
		await chart.waitFor();
	});
	await t.check('at 375 px no chart label is cut off (evaluation)', async () => {
		await page.setViewportSize({ width: 375, height: 812 });
		const cut = await cutLabels(page);
		expect(!cut, cut);
	});

	// ---- the area's heat map and charts at 375 px --------------------------------
	const area = await t.newPage({ viewport: { width: 375, height: 812 } });
	await t.step('the area administrator signs in', () => signIn(area, app, AREA));
	await t.step('at 375 px the heat map says it scrolls, takes focus and scrolls by keyboard', async () => {
		await area.goto(`${app.url}/area/1/dashboard`);
		const hint = area.locator('#heat-map-hint');
		expect(await hint.isVisible(), 'no hint that the heat map scrolls');
		expect(/scroll it sideways/.test(await hint.innerText()), `the hint says: ${await hint.innerText()}`);
		const region = area.getByRole('region', { name: 'Heat map' });
		expectEqual(await region.getAttribute('aria-describedby'), 'heat-map-hint', 'the region\'s description');
		const wide = await region.evaluate((el) => el.scrollWidth > el.clientWidth);
		expect(wide, 'the heat map does not overflow at 375 px (nothing to scroll)');
		await region.focus();
		for (let i = 0; i < 10; i++)
			await area.keyboard.press('ArrowRight');
		const left = await region.evaluate((el) => el.scrollLeft);
		expect(left > 0, 'the arrow keys did not scroll the heat map');
		// The organisation's name stays in view while the principles scroll.
		const name = area.getByRole('rowheader', { name: /Riverside/ });
		const box = await name.boundingBox();
		expect(box && box.x >= 0 && box.x < 40, `the organisation's name is at ${JSON.stringify(box)}`);
	});
	await t.check('at 375 px no chart label is cut off (dashboard)', async () => {
		const cut = await cutLabels(area);
		expect(!cut, cut);
	});
	await t.visit(area, 'dashboard-375');
}
