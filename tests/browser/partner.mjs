// partner.mjs: partners' views (issue 12) as people meet them. A lead
// opens a round of views in easy read from a self-evaluation on the lead's
// pages (one link per group) and prints its poster and letter (each one A4
// page, print previews in build/screenshots). Then, with no account: a
// parent carer answers on a 375 px phone from start to confirmation (with
// the character count's message, and the server's, over 1,000
// characters); a young person answers by keyboard alone (Tab, Space,
// arrows, Enter; focus always visible, in a sane order, the error
// summary's link leading to the answers); a practitioner answers with
// JavaScript off and meets the server's 1,000-character message. The lead
// sees results (views differ, charts named by their tables), the round,
// its other pages and the paper form's print preview; closing the round
// turns its links into a friendly 410; an unknown link is a 404. Every
// page reached gets visit() (axe-core at WCAG 2.2 AA, no sideways
// scrolling at 375 px, screenshots). languages.mjs walks the same pages in
// the pseudo-locales.

import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import {
	ADMIN, COPRO, ROOT, SHOTS, Stop, addOrganisation, expect, expectEqual, focused, markFocusBaseline, overlaps, pathOf,
	setUp, submit, tabTo,
} from './lib.mjs';

const SCHOOL = { name: 'Brook Lane Primary School', type: 'Community school', sector: 'Education' };
const STATEMENTS = ['1i', '2iii'];
const PHONE = { width: 375, height: 812 };
const LONG = 'We like the coffee mornings. '.repeat(40); // 1,160 characters

const fc = JSON.parse(readFileSync(path.join(ROOT, 'frameworks/four-cornerstones.json'), 'utf8'));
const element = (key) => fc.sections.flatMap((s) => s.elements).find((e) => e.key === key);
const squash = (s) => s.replace(/\s+/g, ' ').trim();

function copro(app, ...args) {
	return execFileSync(COPRO, ['--db', app.db, ...args], { encoding: 'utf8', stdio: 'pipe' });
}

// holdWriteLock(db): another program holding SQLite's write lock on db
// until release() (python3's sqlite3, as scripts/install-deps installs).
async function holdWriteLock(db) {
	const child = spawn('python3', ['-c', 'import sqlite3, sys\n'
		+ 'c = sqlite3.connect(sys.argv[1], isolation_level=None)\n'
		+ 'c.execute("BEGIN IMMEDIATE")\nprint("held", flush=True)\nsys.stdin.read()', db],
	{ stdio: ['pipe', 'pipe', 'inherit'] });
	await new Promise((resolve, reject) => {
		child.stdout.once('data', resolve);
		child.once('exit', (code) => reject(new Error(`the lock was not taken (exit ${code})`)));
	});
	const gone = new Promise((resolve) => child.once('exit', resolve));
	return { release: () => { child.stdin.end(); return gone; } };
}

function tokenIn(text) {
	const m = text.match(/\/v\/([A-Za-z0-9_-]{43})/);
	expect(m, `no link in:\n${text}`);
	return m[1];
}

// pdfPages(page): how many A4 pages the page prints on.
async function pdfPages(page) {
	const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
	return (pdf.match(/\/Type\s*\/Page(?![s\w])/g) || []).length;
}

// printPreview(page, name): the page as printed, screenshotted, and its
// number of A4 pages.
async function printPreview(page, name) {
	const before = page.viewportSize();
	await page.emulateMedia({ media: 'print' });
	await page.setViewportSize({ width: 680, height: 1009 });
	await page.screenshot({ path: path.join(SHOTS, `partner-${name}-print.png`), fullPage: true });
	const pages = await pdfPages(page);
	await page.emulateMedia({ media: 'screen' });
	await page.setViewportSize(before);
	return pages;
}

export default async function partner(t) {
	const app = await t.startApp();
	const lead = await t.newPage();
	await setUp(lead, app);
	const org = await addOrganisation(lead, SCHOOL);
	copro(app, 'evaluation', 'start', String(org), 'four-cornerstones', '2026-27');
	// One person answers for each group here: the area shows groups of one,
	// so that "views differ" (shown only between groups shown) can be seen.
	copro(app, 'views', 'area', ADMIN.area, '--min-group', '1');
	const links = {};

	await t.step('a lead opens a round of views in easy read from the self-evaluation', async () => {
		await lead.goto(`${app.url}/org/${org}/evaluation/1`);
		await submit(lead, () => lead.getByRole('link', { name: 'Ask partners for their views' }).click());
		await lead.getByRole('heading', { level: 1, name: 'Open a round of views' }).waitFor();
	});
	await t.visit(lead, 'lead-open-round');
	await t.step('the round opens with one link per group, shown once', async () => {
		for (const key of STATEMENTS)
			await lead.getByRole('checkbox', { name: new RegExp(`^${key}: `) }).check();
		await lead.getByLabel('Easy read', { exact: false }).check();
		for (const g of ['Children and young people', 'Parent carers'])
			expect(await lead.getByRole('checkbox', { name: g, exact: true }).isChecked(), `${g} is not ticked`);
		await submit(lead, () => lead.getByRole('button', { name: 'Open the round' }).click());
		await lead.getByRole('heading', { level: 1, name: 'Your links are ready' }).waitFor();
		for (const [group, name] of [['cyp', 'Children and young people'], ['parents', 'Parent carers'],
			['practitioners', 'Practitioners']]) {
			const card = lead.locator('.govuk-summary-card').filter({
				has: lead.getByRole('heading', { name, exact: false }),
			}).first();
			links[group] = tokenIn(await card.innerText());
		}
		expectEqual(new Set(Object.values(links)).size, 3, 'different links');
	});
	await t.visit(lead, 'lead-links-ready');

	for (const [what, button] of [['poster', 'Print a poster'], ['letter', 'Print a letter']]) {
		let sheet;
		await t.check(`the parent carers' ${what} opens with its QR code`, async () => {
			const card = lead.locator('.govuk-summary-card').filter({
				has: lead.getByRole('heading', { name: 'Parent carers' }),
			});
			const popup = lead.context().waitForEvent('page');
			await card.getByRole('button', { name: button }).click();
			sheet = await popup;
			sheet.problems = [];
			await sheet.waitForLoadState();
			expect((await sheet.locator('body').innerText()).includes(links.parents), 'the link is not printed');
			expect(await sheet.getByRole('img', { name: 'QR code of the link' }).count() === 1, 'no QR code named as one');
		});
		if (!sheet)
			continue;
		await t.visit(sheet, `lead-${what}`);
		await t.check(`the ${what} prints on one A4 page`, async () => {
			const pages = await printPreview(sheet, what);
			expectEqual(pages, 1, `A4 pages of the ${what}`);
		});
		await sheet.close();
	}

	// 1. A parent carer, on a phone, in easy read.
	const phone = await t.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
	const look = async (name) => {
		await t.visit(phone, name);
		await t.check(`${name}: nothing overlaps at 375 px`, async () => {
			const found = await overlaps(phone);
			if (found)
				throw new Stop(found);
		});
	};
	const parentLink = `${app.url}/v/${links.parents}`;
	await t.step('a parent carer opens the link on a phone: the start page', async () => {
		const r = await phone.goto(parentLink);
		expectEqual(r.status(), 200, 'the status');
		await phone.getByRole('heading', { level: 1, name: 'Tell us what you think' }).waitFor();
		expect(await phone.getByText('There are 2 questions.').isVisible(), 'the number of questions');
	});
	await look('start');
	await t.step('the first question is copro\'s easy read, in larger text', async () => {
		await submit(phone, () => phone.getByRole('button', { name: 'Start now' }).click());
		await phone.getByRole('group', { name: `How well does ${SCHOOL.name} do this?` }).waitFor();
		const shown = squash(await phone.locator('#statement').innerText());
		expectEqual(shown, squash(element('1i').easy_read), 'the statement');
		const size = await phone.locator('#statement p').first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
		expect(size >= 22, `the statement is ${size} px`);
	});
	await look('question');
	await t.step('answering both questions in words', async () => {
		await phone.getByLabel('Really well').check();
		await submit(phone, () => phone.getByRole('button', { name: 'Continue' }).click());
		await phone.getByRole('heading', { level: 1, name: 'Tell us more if you want to' }).waitFor();
		await look('comments');
		await phone.getByLabel('What could be better?').fill(LONG);
		expect(await phone.getByText(`You have ${LONG.length - 1000} characters too many`).first().isVisible(),
			'the count of characters too many');
		const r = await submit(phone, () => phone.getByRole('button', { name: 'Continue' }).click());
		expectEqual(r?.status(), 400, 'the status of too many characters');
		await look('comments-too-long');
		await phone.getByLabel('What could be better?').fill('');
		await phone.getByLabel('What is good?').fill('The staff say hello to us every morning.');
		expect(!(await phone.getByRole('main').innerText()).includes(element('1i').title), 'the source\'s title of 1i is shown');
	});
	// Another program writes to the database (copro waits 5 s for it): the
	// answer is not saved, and what the parent carer wrote is shown to
	// them again, to change or send as it is.
	const lock = await holdWriteLock(app.db);
	try {
		await t.step('the database busy: "not saved yet", with what they wrote shown', async () => {
			const r = await submit(phone, () => phone.getByRole('button', { name: 'Continue' }).click());
			expectEqual(r?.status(), 503, 'the status');
			await phone.getByRole('heading', { level: 1, name: 'Sorry, we are busy' }).waitFor();
			expectEqual(await phone.getByLabel('What is good?').inputValue(), 'The staff say hello to us every morning.',
				'what they wrote');
		});
		await look('answer-kept');
	} finally {
		await lock.release();
	}
	await t.step('sending it again once the database is free saves it', async () => {
		await submit(phone, () => phone.getByRole('button', { name: 'Send again' }).click());
		await phone.getByRole('group', { name: `How well does ${SCHOOL.name} do this?` }).waitFor();
		expect((await phone.getByText('Question 2 of 2').count()) > 0, 'question 2 of 2');
		await phone.getByLabel('I don\'t know').check();
		await submit(phone, () => phone.getByRole('button', { name: 'Continue' }).click());
		await submit(phone, () => phone.getByRole('button', { name: 'Continue' }).click());
		await phone.getByRole('heading', { level: 1, name: 'Check your answers before you send them' }).waitFor();
	});
	await look('check-answers');
	await t.step('check your answers shows what was chosen and written; sending confirms', async () => {
		const text = await phone.getByRole('main').innerText();
		// In easy read the statements are copro's plain words, not the source's titles.
		expect(!text.includes(element('2iii').title), 'the source\'s title of 2iii is on the page');
		for (const want of ['Really well', 'The staff say hello to us every morning.', 'I don\'t know', 'Nothing written',
			'Question 2 of 2', squash(element('2iii').easy_read).split('. ')[0]])
			expect(text.includes(want), `"${want}" is not on the page`);
		await submit(phone, () => phone.getByRole('button', { name: 'Send my answers' }).click());
		expectEqual(pathOf(phone), `/v/${links.parents}/done`, 'the address');
		await phone.getByRole('heading', { level: 1, name: 'Your answers have been sent' }).waitFor();
		await phone.getByRole('heading', { name: 'What happens next' }).waitFor();
	});
	await look('confirmation');
	await t.step('the privacy notice, from the footer', async () => {
		await submit(phone, () => phone.getByRole('link', { name: 'How we use your answers (privacy)' }).click());
		await phone.getByRole('heading', { level: 1, name: 'How we use your answers' }).waitFor();
	});
	await look('privacy');

	// 2. A young person, by keyboard alone.
	const keys = await t.newPage();
	const group = () => keys.getByRole('group', { name: `How well does ${SCHOOL.name} do this?` });
	const enter = () => submit(keys, () => keys.keyboard.press('Enter'));
	await t.step('a young person starts by keyboard: skip link first, then "Start now"', async () => {
		await keys.goto(`${app.url}/v/${links.cyp}`);
		await markFocusBaseline(keys);
		const seen = await tabTo(keys, { tag: 'button', name: 'Start now' });
		expect(/Skip to main content/.test(seen[0]), `the first Tab went to ${seen[0]}`);
		await enter();
		await group().waitFor();
	});
	await t.step('focus goes skip link, Back, the answers, Continue; Enter with no answer says what to do', async () => {
		await markFocusBaseline(keys);
		const seen = await tabTo(keys, { tag: 'button', name: 'Continue' }, { max: 12 });
		const want = ['Skip to main content', 'Back', 'Really well', 'Continue'];
		const order = want.map((w) => seen.findIndex((s) => s.includes(`"${w}`)));
		expect(order.every((i, k) => i >= 0 && (k === 0 || i > order[k - 1])), `focus went: ${seen.join(' -> ')}`);
		const r = await enter();
		expectEqual(r?.status(), 400, 'the status');
		await keys.getByRole('heading', { name: 'There is a problem' }).waitFor();
	});
	await t.visit(keys, 'question-error');
	await t.step('the error summary\'s link takes focus to the answers; Space chooses', async () => {
		await markFocusBaseline(keys);
		await tabTo(keys, { tag: 'a', name: /^Choose one answer/ }, { max: 3 });
		await keys.keyboard.press('Enter');
		const f = await focused(keys);
		expectEqual(f.name, 'Really well', 'the focus after the summary link');
		await keys.keyboard.press('Space');
		expect(await keys.getByLabel('Really well').isChecked(), '"Really well" is not chosen');
		await tabTo(keys, { tag: 'button', name: 'Continue' }, { max: 1 });
		await enter();
		await keys.getByRole('heading', { level: 1, name: 'Tell us more if you want to' }).waitFor();
	});
	await t.step('words typed in the first box; Tab to the second, then Continue', async () => {
		await markFocusBaseline(keys);
		await tabTo(keys, { id: 'good' });
		await keys.keyboard.type('Our teacher listens when we are upset.');
		await tabTo(keys, { id: 'better' }, { max: 1 });
		await tabTo(keys, { tag: 'button', name: 'Continue' }, { max: 1 });
		await enter();
		await group().waitFor();
	});
	await t.step('question 2 by Tab and the arrow keys', async () => {
		await markFocusBaseline(keys);
		await tabTo(keys, { tag: 'input', name: 'Really well' }, { max: 4 });
		await keys.keyboard.press('ArrowDown');
		const f = await focused(keys);
		expectEqual(f.name, 'Quite well', 'the answer after one arrow');
		expect(await keys.getByLabel('Quite well').isChecked(), '"Quite well" is not chosen');
		await tabTo(keys, { tag: 'button', name: 'Continue' }, { max: 1 });
		await enter();
		await markFocusBaseline(keys);
		await tabTo(keys, { tag: 'button', name: 'Continue' });
		await enter();
		await keys.getByRole('heading', { level: 1, name: 'Check your answers before you send them' }).waitFor();
		const text = await keys.getByRole('main').innerText();
		for (const want of ['Really well', 'Quite well', 'Our teacher listens when we are upset.'])
			expect(text.includes(want), `"${want}" is not on the page`);
	});
	await t.step('"Send my answers" by keyboard: the confirmation', async () => {
		await markFocusBaseline(keys);
		await tabTo(keys, { tag: 'button', name: 'Send my answers' }, { max: 20 });
		await enter();
		await keys.getByRole('heading', { level: 1, name: 'Your answers have been sent' }).waitFor();
	});

	// 3. A practitioner, with JavaScript off.
	const plain = await t.newPage({ javaScriptEnabled: false });
	await t.step('with JavaScript off: Continue without an answer says what to do', async () => {
		await plain.goto(`${app.url}/v/${links.practitioners}`);
		await submit(plain, () => plain.getByRole('button', { name: 'Start now' }).click());
		const r = await submit(plain, () => plain.getByRole('button', { name: 'Continue' }).click());
		expectEqual(r?.status(), 400, 'the status');
		await plain.getByRole('heading', { name: 'There is a problem' }).waitFor();
		expect(await plain.getByRole('link', { name: 'Choose one answer. If you are not sure, choose "I don\'t know".' }).isVisible(),
			'the error summary');
	});
	await t.step('with JavaScript off: 1,001 characters or more are refused by the server', async () => {
		await plain.getByLabel('Not very well').check();
		await submit(plain, () => plain.getByRole('button', { name: 'Continue' }).click());
		expect(await plain.getByText('You can write up to 1,000 characters.').first().isVisible(),
			'the limit is not said without JavaScript');
		await plain.getByLabel('What could be better?').fill(LONG);
		const r = await submit(plain, () => plain.getByRole('button', { name: 'Continue' }).click());
		expectEqual(r?.status(), 400, 'the status');
		const message = `Write 1,000 characters or fewer. You wrote ${LONG.trim().length.toLocaleString("en-GB")}.`;
		expect(await plain.getByRole('link', { name: message }).isVisible(), `no "${message}" in the summary`);
		expectEqual(squash(await plain.getByLabel('What could be better?').inputValue()), squash(LONG), 'the words kept');
	});
	// No axe here: it runs as a script, and scripts are off; the same pages
	// with scripts on were checked above. A screenshot shows the message.
	await plain.screenshot({ path: path.join(SHOTS, 'partner-comments-too-long-nojs-1280x800.png'), fullPage: true });
	await t.step('with JavaScript off: exactly 1,000 characters are taken, and the answers sent', async () => {
		await plain.getByLabel('What could be better?').fill('x'.repeat(1000));
		await submit(plain, () => plain.getByRole('button', { name: 'Continue' }).click());
		await plain.getByLabel('Quite well').check();
		await submit(plain, () => plain.getByRole('button', { name: 'Continue' }).click());
		await submit(plain, () => plain.getByRole('button', { name: 'Continue' }).click());
		await submit(plain, () => plain.getByRole('button', { name: 'Send my answers' }).click());
		await plain.getByRole('heading', { level: 1, name: 'Your answers have been sent' }).waitFor();
	});

	// The lead's results, round page and paper form.
	await t.step('the results: views differ on 1i, each group\'s chart named like its table', async () => {
		await lead.goto(`${app.url}/org/${org}/views/1/results`);
		await lead.getByRole('link', { name: /^1i: / }).click();
		expect(await lead.getByText(/Views differ: .* and Practitioners are two or more steps apart/).count() === 1,
			'no "views differ" with the practitioners (staff) on 1i');
		expect(await lead.getByRole('img', { name: /Parent carers, 1i/ }).count() === 1, 'no chart named "Parent carers, 1i"');
		const table = lead.getByRole('table', { name: 'Parent carers, 1i' });
		expectEqual(await table.getByRole('row', { name: /Really well/ }).getByRole('cell').innerText(), '1',
			'parent carers answering "Really well" to 1i');
	});
	await t.visit(lead, 'lead-results');
	await t.step('the round\'s page counts one answer sent per link', async () => {
		await lead.goto(`${app.url}/org/${org}/views/1`);
		const sent = await lead.getByRole('table', { name: 'Links' }).getByRole('cell').allInnerTexts();
		expectEqual(sent.filter((s) => s.trim() === '1').length, 3, 'links with one answer sent');
	});
	await t.visit(lead, 'lead-round');
	for (const [name, where] of [['views-list', ''], ['views-comments', '/1/comments'], ['views-agree', '/1/agree/1i'],
		['views-paper-new', '/1/paper/new'], ['views-easy-read', '/1/easy-read'], ['org-settings', 'settings'],
		['statement-with-views', 'statement']]) {
		const url = where === 'settings' ? `/org/${org}/settings`
			: where === 'statement' ? `/org/${org}/evaluation/1/statement/1i` : `/org/${org}/views${where}`;
		await t.step(`${name}: ${url} opens`, async () => {
			const r = await lead.goto(`${app.url}${url}`);
			expectEqual(r?.status(), 200, 'the status');
		});
		await t.visit(lead, name);
	}
	await t.check('the paper form\'s print preview', async () => {
		await lead.goto(`${app.url}/org/${org}/views/1`);
		await submit(lead, () => lead.getByRole('link', { name: 'The paper form, to print' }).click());
		await t.visit(lead, 'lead-paper-form');
		const pages = await printPreview(lead, 'paper-form');
		console.log(`# the paper form of ${STATEMENTS.length} statements prints on ${pages} A4 pages`);
	});

	// 4. A closed link, an unknown one.
	await t.step('the lead closes the round', async () => {
		await lead.goto(`${app.url}/org/${org}/views/1`);
		await submit(lead, () => lead.getByRole('button', { name: 'Close the round' }).click());
		await lead.getByText('The round is closed: its links take no more answers.').waitFor();
	});
	await t.check('a closed link answers 410 with a friendly page', async () => {
		const r = await phone.goto(parentLink);
		expectEqual(r.status(), 410, 'the status');
		await phone.getByRole('heading', { level: 1, name: 'This link is closed' }).waitFor();
		expect(await phone.getByText('Thank you for wanting to help.', { exact: false }).isVisible(), 'no thanks');
	});
	await look('closed-410');
	await t.check('an unknown link answers 404 with a page that says what to do', async () => {
		const r = await phone.goto(`${app.url}/v/${'A'.repeat(43)}`);
		expectEqual(r.status(), 404, 'the status');
		await phone.getByRole('heading', { level: 1, name: 'We cannot find this page' }).waitFor();
	});
	await look('unknown-404');
}
