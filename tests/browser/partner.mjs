// partner.mjs: a parent carer gives their views without an account, on a
// phone (375 px wide), in easy read: by keyboard alone (Tab, Space, Enter
// and typing), and again with JavaScript off, by mouse. axe-core (WCAG 2.2
// AA) and screenshots on every partner page reached: the start, a
// question, the two optional questions, "Check your answers", the
// confirmation, the privacy notice, and a closed link's page.

import { execFileSync } from 'node:child_process';

import { COPRO, expect, expectEqual, markFocusBaseline, pathOf, setUp, submit, tabTo } from './lib.mjs';

const PHONE = { viewport: { width: 375, height: 812 } };

// An organisation, a self-evaluation and a round in easy read on two
// statements (for `groups`, parent carers by default), made with the copro
// command on the server's database; the first link's path.
function openRound(app, groups = 'parents') {
	const run = (...args) => execFileSync(COPRO, ['--db', app.db, ...args], { encoding: 'utf8' });
	run('org', 'add', '--name', 'Riverside Primary School', '--sector', 'education', '--area', 'Rotherham');
	run('evaluation', 'start', '1', 'four-cornerstones', '2026-27');
	const out = run('views', 'open', '1', '--groups', groups, '--statements', '1i,1ii', '--wording', 'easy-read');
	const m = out.match(/\/v\/[A-Za-z0-9_-]{43}/);
	expect(m, `views open printed no link: ${out}`);
	return { path: m[0], close: () => run('views', 'close', '1') };
}

async function pressAndLoad(page, key) {
	const r = await submit(page, () => page.keyboard.press(key));
	await markFocusBaseline(page);
	return r;
}

async function byKeyboard(t, app, link) {
	const page = await t.newPage(PHONE);
	const kb = page.keyboard;
	await t.step('the start page opens from the link, in easy read, with who to tell', async () => {
		await page.goto(`${app.url}${link.path}`);
		await markFocusBaseline(page);
		expect(await page.locator('body.copro-easy-read').count() === 1, 'the page is not in easy read');
		expect(await page.getByText(/worried about your safety/).count() === 1, 'no safeguarding sentence');
	});
	await t.visit(page, 'partner-start');
	await t.step('Tab reaches "Start now"; Enter starts', async () => {
		await tabTo(page, { tag: 'button', name: 'Start now' });
		const r = await pressAndLoad(page, 'Enter');
		expectEqual(r?.status(), 200, 'the status of the first question');
		expectEqual(pathOf(page), `${link.path}/q/1`, 'the address');
	});
	await t.visit(page, 'partner-question');
	await t.step('question 1: Tab to the first answer, Space chooses it, Enter sends', async () => {
		await tabTo(page, { tag: 'input', id: 'rating' });
		await kb.press('Space');
		await tabTo(page, { tag: 'button', name: 'Continue' });
		await pressAndLoad(page, 'Enter');
		expectEqual(pathOf(page), `${link.path}/q/1/comments`, 'the address');
	});
	await t.visit(page, 'partner-comments');
	await t.step('"What is good?" typed, "What could be better?" left empty', async () => {
		await tabTo(page, { tag: 'textarea', id: 'good' });
		await kb.type('The staff always say hello at the gate.');
		await tabTo(page, { tag: 'button', name: 'Continue' });
		await pressAndLoad(page, 'Enter');
		expectEqual(pathOf(page), `${link.path}/q/2`, 'the address');
	});
	await t.step('question 2: Continue without an answer shows the error, then one is chosen', async () => {
		await tabTo(page, { tag: 'button', name: 'Continue' });
		const r = await pressAndLoad(page, 'Enter');
		expectEqual(r?.status(), 400, 'the status');
		expect(await page.locator('.govuk-error-summary').count() === 1, 'no error summary');
		await tabTo(page, { tag: 'input', id: 'rating' });
		await kb.press('Space');
		await tabTo(page, { tag: 'button', name: 'Continue' });
		await pressAndLoad(page, 'Enter');
		await tabTo(page, { tag: 'button', name: 'Continue' });
		await pressAndLoad(page, 'Enter');
		expectEqual(pathOf(page), `${link.path}/check`, 'the address');
	});
	await t.visit(page, 'partner-check');
	await t.step('"Check your answers" shows them; Enter on "Send my answers" sends', async () => {
		expect(await page.getByText('The staff always say hello at the gate.').count() === 1, 'the answer is not shown');
		await tabTo(page, { tag: 'button', name: 'Send my answers' }, { max: 40 });
		await pressAndLoad(page, 'Enter');
		expectEqual(pathOf(page), `${link.path}/done`, 'the address');
	});
	await t.visit(page, 'partner-done');
	await page.goto(`${app.url}${link.path}/privacy`);
	await t.visit(page, 'partner-privacy');
	await page.context().close();
}

async function withoutJavaScript(t, app, link) {
	const page = await t.newPage({ ...PHONE, javaScriptEnabled: false });
	await t.step('with JavaScript off: start, answer both questions by mouse, send', async () => {
		await page.goto(`${app.url}${link.path}`);
		await submit(page, () => page.getByRole('button', { name: 'Start now' }).click());
		for (const n of [1, 2]) {
			await page.getByLabel(n === 1 ? 'Quite well' : "I don't know").check();
			await submit(page, () => page.getByRole('button', { name: 'Continue' }).click());
			expectEqual(pathOf(page), `${link.path}/q/${n}/comments`, 'the address');
			await page.getByLabel('What could be better?').fill('x'.repeat(1001));
			const r = await submit(page, () => page.getByRole('button', { name: 'Continue' }).click());
			expectEqual(r?.status(), 400, 'over 1,000 characters is refused by the server');
			await page.getByLabel('What could be better?').fill('More evening meetings');
			await submit(page, () => page.getByRole('button', { name: 'Continue' }).click());
		}
		await submit(page, () => page.getByRole('button', { name: 'Send my answers' }).click());
		expectEqual(pathOf(page), `${link.path}/done`, 'the address');
	});
	await page.context().close();
}

// The lead's pages of the round, as the area's administrator (who may do
// all a lead does): axe and screenshots on each, with answers from paper
// in place so the results draw their charts.
async function leadPages(t) {
	const app = await t.startApp();
	const page = await t.newPage();
	await t.step('set-up, then a round with answers typed in from paper', async () => {
		await setUp(page, app);
		openRound(app, 'parents,practitioners');
		for (let i = 0; i < 5; i++)
			for (const [group, line] of [['parents', '1i 1 | Nobody says hello\n'], ['practitioners', '1i 4\n']])
				execFileSync(COPRO, ['--db', app.db, 'views', 'paper', '1', '--group', group, '--answers', '-'],
					{ input: line, encoding: 'utf8' });
	});
	const pages = [['views-list', '/org/1/views'], ['views-round', '/org/1/views/1'],
		['views-results', '/org/1/views/1/results'], ['views-comments', '/org/1/views/1/comments'],
		['views-agree', '/org/1/views/1/agree/1i'], ['views-paper', '/org/1/views/1/paper'],
		['views-paper-new', '/org/1/views/1/paper/new'], ['views-easy-read', '/org/1/views/1/easy-read'],
		['views-new', '/org/1/views/new?evaluation=1'], ['org-settings', '/org/1/settings'],
		['statement-with-views', '/org/1/evaluation/1/statement/1i']];
	for (const [name, path] of pages) {
		await t.step(`${name}: ${path} opens`, async () => {
			const r = await page.goto(`${app.url}${path}`);
			expectEqual(r?.status(), 200, 'the status');
		});
		await t.visit(page, name);
	}
	await t.check('the results say views differ, with a chart named by its figures', async () => {
		await page.goto(`${app.url}/org/1/views/1/results`);
		expect(await page.getByText(/Views differ/).count() >= 1, 'no "views differ"');
		expect(await page.locator('svg.copro-bars[role="img"] title').count() >= 2, 'no named charts');
	});
}

export default async function partner(t) {
	const app = await t.startApp();
	const link = openRound(app);
	await byKeyboard(t, app, link);
	await withoutJavaScript(t, app, link);
	await t.step('both answers are on disk', async () => {
		const n = execFileSync('sqlite3', [app.db, 'SELECT COUNT(*) FROM view_response WHERE submitted_at IS NOT NULL'],
			{ encoding: 'utf8' }).trim();
		expectEqual(n, '2', 'submitted responses');
	});
	link.close();
	const page = await t.newPage(PHONE);
	await t.step('a closed link answers 410 with a friendly page', async () => {
		const r = await page.goto(`${app.url}${link.path}`);
		expectEqual(r?.status(), 410, 'the status');
		expect(await page.getByText('This link is closed').count() === 1, 'no friendly words');
	});
	await t.visit(page, 'partner-closed');
	await leadPages(t);
}
