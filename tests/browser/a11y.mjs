// a11y.mjs: that the axe-core scan works (a negative control: a page broken
// on purpose must fail it, rule by rule), and the pages no journey reaches:
// page not found, an expired form, an invitation link.

import { axeScan, expect, expectEqual, formatViolations, pathOf, submit } from './lib.mjs';

// Three classic failures: an input with no label, grey on white text at
// about 1.6:1, an image with no alt text.
const BROKEN = `<!DOCTYPE html><html lang="en"><head><title>Broken on purpose</title></head>
<body><main><h1>Broken on purpose</h1>
<form><input type="text" name="nameless"></form>
<p style="color:#ccc;background:#fff">Text too pale to read</p>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="40" height="40">
</main></body></html>`;

export default async function a11y(t) {
	const blank = await t.newPage();
	await blank.setContent(BROKEN);
	let violations = [];
	await t.step('negative control: axe-core runs on a page broken on purpose', async () => {
		violations = await axeScan(blank);
	});
	for (const [rule, what] of [['label', 'the unlabelled input'], ['color-contrast', 'the low-contrast text'],
		['image-alt', 'the image without alt text']])
		await t.check(`negative control: axe-core reports ${what} (${rule})`, () => {
			const ids = violations.map((v) => v.id);
			expect(ids.includes(rule), `reported only: ${ids.join(', ') || 'nothing'}`);
		});
	await t.check('negative control: the report names the rule, the element and the fix', () => {
		const text = formatViolations(violations);
		expect(/\[critical\] image-alt: .*\n +at img/.test(text), `the report reads:\n${text}`);
		expect(/Fix /.test(text), `no fix in the report:\n${text}`);
	});

	const app = await t.startApp();
	const page = await t.newPage();

	await t.check('an unknown address shows "Page not found" with status 404', async () => {
		const r = await page.goto(`${app.url}/no/such/page`);
		expectEqual(r.status(), 404, 'the status');
		expectEqual(await page.locator('h1').innerText(), 'Page not found', 'the heading');
	});
	await t.visit(page, 'page-not-found');

	await t.check('a form sent without its cookie is refused as expired (status 403)', async () => {
		await page.goto(`${app.url}/setup`);
		expectEqual(pathOf(page), '/setup', 'the address');
		await page.context().clearCookies();
		await page.getByLabel('Your name').fill('Someone');
		const r = await submit(page, () => page.getByRole('button', { name: 'Create the administrator' }).click());
		expectEqual(r?.status(), 403, 'the status');
		expectEqual(await page.locator('h1').innerText(), 'This form has expired', 'the heading');
	});
	await t.visit(page, 'form-expired');

	await t.check('an invitation link shows the join form', async () => {
		const r = await page.goto(`${app.url}/join/${'0'.repeat(64)}`);
		expectEqual(r.status(), 200, 'the status');
		await page.getByRole('heading', { level: 1, name: 'Join copro' }).waitFor();
	});
	await t.visit(page, 'join');
}
