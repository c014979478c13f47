// files.mjs: evidence files. On the demo, the lead attaches a PDF to an
// evidence item by keyboard alone (the file picker filled as a person
// would choose a file), then a PNG at 375 px, then one without JavaScript;
// an SVG named .png is refused at the same address with the error summary;
// the evidence page lists each file (name, type and size in words, who,
// when) and a download gives back the same bytes. A contributor sees no
// "Remove" on the lead's file and is refused its removal page; the lead
// removes the PNG after the confirmation page, then downloads the
// evaluation's evidence pack (a ZIP). Every page gets visit().

import { DEMO_PASSWORD, VIEWPORTS, coproCli as copro, expect, expectEqual, markFocusBaseline, pathOf, signInAs,
	submit, tabTo } from './lib.mjs';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const ITEM = '/org/1/evidence/1';

async function attach(page, app, name, mimeType, buffer, { keyboard = false } = {}) {
	await page.goto(`${app.url}${ITEM}/files`);
	const input = page.getByLabel('Upload a file');
	// An 11 MB buffer crosses to the browser as base64: on a loaded 2-core
	// machine that took over the default 10 s once, so it gets a minute.
	await input.setInputFiles({ name, mimeType, buffer }, { timeout: 60000 });
	if (!keyboard)
		return submit(page, () => page.getByRole('button', { name: 'Attach file' }).click());
	await markFocusBaseline(page);
	await input.focus();
	await tabTo(page, { tag: 'button', name: 'Attach file' }, { max: 3 });
	return submit(page, () => page.keyboard.press('Enter'));
}

export default async function files(t) {
	const app = await t.startApp();
	await t.step('the demo, its lead and a contributor', async () => {
		copro(app.db, ['demo']);
		for (const [name, email, role] of [['Demo lead', 'lead@example.org', 'lead'],
			['Demo contributor', 'contributor@example.org', 'contributor']])
			copro(app.db, ['user', 'add', '--name', name, '--email', email, '--role', role, '--org', '1'],
				`${DEMO_PASSWORD}\n`);
	});

	const lead = await t.newPage();
	await t.step('the lead reaches the attach page from the evidence item by keyboard', async () => {
		await signInAs(lead, app, 'lead@example.org');
		await lead.goto(`${app.url}${ITEM}`);
		await markFocusBaseline(lead);
		await tabTo(lead, { tag: 'a', name: /^Attach a file/ }, { max: 40 });
		await submit(lead, () => lead.keyboard.press('Enter'));
		expectEqual(pathOf(lead), `${ITEM}/files`, 'the address');
	});
	await t.visit(lead, 'attach');
	await t.step('a PDF attached by keyboard: back on the item with the green banner', async () => {
		await attach(lead, app, 'Parent forum minutes.pdf', 'application/pdf', PDF, { keyboard: true });
		expectEqual(pathOf(lead), ITEM, 'the address after attaching');
		const text = await lead.locator('main').innerText();
		expect(/File attached/.test(text), 'no success banner');
		expect(/PDF document, 45 bytes\. Added by Demo lead on/.test(text), `the file's line: ${text}`);
	});
	await t.visit(lead, 'item-with-file');

	await t.step('the download gives back the same bytes, as an attachment', async () => {
		const [download] = await Promise.all([lead.waitForEvent('download'),
			lead.getByRole('link', { name: 'Parent forum minutes.pdf', exact: true }).click()]);
		expectEqual(download.suggestedFilename(), 'Parent forum minutes.pdf', 'the file name');
		const chunks = [];
		for await (const c of await download.createReadStream())
			chunks.push(c);
		expect(Buffer.concat(chunks).equals(PDF), 'the bytes differ');
	});

	await t.step('a PNG attached at 375 px', async () => {
		await lead.setViewportSize(VIEWPORTS[1]);
		await attach(lead, app, 'chart.png', 'image/png', PNG);
		expect(/PNG image, \d+ bytes/.test(await lead.locator('main').innerText()), 'the PNG is not listed');
		await lead.setViewportSize(VIEWPORTS[0]);
	});

	await t.step('an SVG named chart.png is refused at the same address, nothing stored', async () => {
		const r = await attach(lead, app, 'chart.png', 'image/png', SVG);
		expectEqual(r.status(), 400, 'the status');
		expectEqual(pathOf(lead), `${ITEM}/files`, 'the address');
		expect((await lead.title()).startsWith('Error: '), 'no "Error: " in the title');
		await lead.locator('.govuk-error-summary').getByText(/image\/svg\+xml, which copro does not take/).waitFor();
	});
	await t.visit(lead, 'attach-refused');
	await t.step('a file over 10 MB is refused before its body is read, and the browser shows why (413)', async () => {
		const big = Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024, 65)]);
		const r = await attach(lead, app, 'big.pdf', 'application/pdf', big);
		expectEqual(r.status(), 413, 'the status');
		await lead.locator('.govuk-error-summary').getByText('The selected file must be smaller than 10 MB').waitFor();
	});

	await t.check('without JavaScript at 375 px, a file is attached the same way', async () => {
		const plain = await t.newPage({ javaScriptEnabled: false, viewport: VIEWPORTS[1] });
		await signInAs(plain, app, 'lead@example.org');
		await attach(plain, app, 'notes.txt', 'text/plain', Buffer.from('Notes from the forum.\nWe agreed three things.\n'));
		expectEqual(pathOf(plain), ITEM, 'the address after attaching');
		expect(/notes\.txt\s+Plain text, \d+ bytes/.test(await plain.locator('main').innerText()), 'the text file is not listed');
		await plain.context().close();
	});

	await t.check('a contributor cannot remove the lead\'s file', async () => {
		const c = await t.newPage();
		await signInAs(c, app, 'contributor@example.org');
		await c.goto(`${app.url}${ITEM}`);
		expectEqual(await c.getByRole('link', { name: /^Remove/ }).count(), 0, 'Remove links a contributor sees');
		await lead.goto(`${app.url}${ITEM}`);
		const href = await lead.getByRole('link', { name: 'Remove chart.png', exact: true }).getAttribute('href');
		const r = await c.goto(`${app.url}${href}`);
		expectEqual(r.status(), 403, 'the status of the removal page');
		await c.context().close();
	});

	await t.step('the lead removes the PNG after confirming', async () => {
		await lead.goto(`${app.url}${ITEM}`);
		await submit(lead, () => lead.getByRole('link', { name: 'Remove chart.png', exact: true }).click());
		await lead.getByRole('heading', { name: 'Remove chart.png?' }).waitFor();
	});
	await t.visit(lead, 'remove-confirm');
	await t.step('removed: the banner, and the file is gone', async () => {
		await submit(lead, () => lead.getByRole('button', { name: 'Remove file' }).click());
		expectEqual(pathOf(lead), ITEM, 'the address');
		const text = await lead.locator('main').innerText();
		expect(/File removed/.test(text) && !/chart\.png/.test(text), 'the file is still listed');
	});
	await t.step('the lead downloads the evidence pack from the self-evaluation: a ZIP with the PDF', async () => {
		await lead.goto(`${app.url}/org/1/evaluation/1`);
		const [download] = await Promise.all([lead.waitForEvent('download'),
			lead.getByRole('link', { name: 'Download the evidence pack' }).click()]);
		expect(/^evidence-pack-.*\.zip$/.test(download.suggestedFilename()), `the name: ${download.suggestedFilename()}`);
		const chunks = [];
		for await (const c of await download.createReadStream())
			chunks.push(c);
		const zip = Buffer.concat(chunks);
		expect(zip.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')), 'not a ZIP');
		for (const name of ['report.pdf', 'evidence.csv', 'readiness.txt', 'evidence-files/Parent forum minutes.pdf'])
			expect(zip.includes(Buffer.from(name)), `the ZIP has no ${name}`);
	});
	await t.stopApp(app, 'files');
}
