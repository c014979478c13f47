// steps.mjs: the forms of a round of views that once held every statement
// on one page, now one thing to a page (issue 13): a contributor types a
// paper form in by keyboard alone (the group, then a question a page with
// Continue and Previous, every answer kept when going back), the same
// without JavaScript and at 375 px, and gives their own view; a lead changes
// the easy-read wording a cornerstone to a page. Each page: axe, 375 px,
// screenshots (Suite.visit).

import {
	DEMO_PASSWORD as PASSWORD, coproCli as copro, expect, expectEqual, markFocusBaseline, pathOf, signInAs as signIn,
	submit, tabTo,
} from './lib.mjs';

const ROUND = '/org/1/views/1';

export default async function steps(t) {
	const app = await t.startApp();
	await t.step('the demo, a round of three statements in easy read, a contributor and a lead', async () => {
		copro(app.db, ['demo']);
		copro(app.db, ['views', 'open', '1', '--groups', 'parents,practitioners', '--statements', '1i,1ii,2i',
			'--wording', 'easy-read']);
		for (const [who, role] of [['contributor', 'contributor'], ['lead', 'lead']])
			copro(app.db, ['user', 'add', '--name', `Demo ${who}`, '--email', `${who}@example.org`, '--role', role,
				'--org', '1'], `${PASSWORD}\n`);
	});

	const page = await t.newPage();
	await t.step('the contributor signs in and opens "Type in a paper form"', async () => {
		await signIn(page, app, 'contributor@example.org');
		await page.goto(`${app.url}${ROUND}/paper/new`);
		await page.getByRole('heading', { level: 1, name: 'Type in a paper form' }).waitFor();
	});
	await t.visit(page, 'paper-group');

	await t.step('by keyboard: the group, then Continue', async () => {
		await markFocusBaseline(page);
		await tabTo(page, { name: 'Parent carers' }, { max: 40 });
		await page.keyboard.press('Space');
		await tabTo(page, { tag: 'button', name: 'Continue' });
		const r = await submit(page, () => page.keyboard.press('Enter'));
		expectEqual(r?.status(), 200, 'the status');
		await page.getByText('Question 1 of 3').waitFor();
	});
	await t.visit(page, 'paper-question');

	await t.step('question 1 by keyboard: a rating and what is good, then Continue', async () => {
		await markFocusBaseline(page);
		// Tab lands on the radio chosen ("Left blank", the last); arrows
		// move the choice round to the first, then the second.
		await tabTo(page, { name: 'Left blank' }, { max: 40 });
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowDown');
		expect(await page.getByLabel('Quite well').isChecked(), '"Quite well" is not chosen by the arrow keys');
		await tabTo(page, { name: 'What is good' });
		await page.keyboard.type('The coffee mornings');
		await tabTo(page, { tag: 'button', name: 'Continue' }, { max: 5 });
		await submit(page, () => page.keyboard.press('Enter'));
		await page.getByText('Question 2 of 3').waitFor();
	});
	await t.step('question 2: Previous shows question 1 as it was typed', async () => {
		await page.getByLabel('What could be better').fill('More notice of events');
		await submit(page, () => page.getByRole('button', { name: 'Previous' }).click());
		await page.getByText('Question 1 of 3').waitFor();
		expect(await page.getByLabel('Quite well').isChecked(), '"Quite well" is no longer chosen');
		expectEqual(await page.getByLabel('What is good').inputValue(), 'The coffee mornings', 'what is good');
		await submit(page, () => page.getByRole('button', { name: 'Continue' }).click());
		expectEqual(await page.getByLabel('What could be better').inputValue(), 'More notice of events',
			'question 2\'s box, typed before going back');
	});
	await t.step('a long answer is refused on its own page, with "Error: " in the title', async () => {
		await page.getByLabel('What is good').fill('a'.repeat(1001));
		const r = await submit(page, () => page.getByRole('button', { name: 'Continue' }).click());
		expectEqual(r?.status(), 400, 'the status');
		expect(/^Error: /.test(await page.title()), `the title "${await page.title()}"`);
		await page.getByText('Question 2 of 3').waitFor();
		await page.getByLabel('What is good').fill('');
		await submit(page, () => page.getByRole('button', { name: 'Continue' }).click());
	});
	await t.step('the last question saves the form, and only then', async () => {
		await page.getByText('Question 3 of 3').waitFor();
		expectEqual(await page.getByRole('button', { name: 'Continue' }).count(), 0, '"Continue" on the last question');
		await submit(page, () => page.getByRole('button', { name: 'Save this form' }).click());
		expectEqual(pathOf(page), `${ROUND}/paper/new`, 'the address after saving');
		await page.getByText('Saved. Type in the next form').waitFor();
		const comments = copro(app.db, ['views', 'comments', '1']);
		expect(comments.includes('The coffee mornings') && comments.includes('More notice of events'),
			`the comments of the round:\n${comments}`);
	});

	const off = await t.newPage({ javaScriptEnabled: false, viewport: { width: 375, height: 812 } });
	await t.step('JavaScript off at 375 px: a contributor gives their own view, a question a page', async () => {
		await signIn(off, app, 'contributor@example.org');
		await off.goto(`${app.url}${ROUND}/my-view`);
		await off.getByLabel('Practitioners').check();
		await submit(off, () => off.getByRole('button', { name: 'Continue' }).click());
		for (let q = 1; q <= 3; q++) {
			await off.getByText(`Question ${q} of 3`).waitFor();
			await off.getByLabel('Really well').check();
			if (q < 3)
				await submit(off, () => off.getByRole('button', { name: 'Continue' }).click());
		}
		await submit(off, () => off.getByRole('button', { name: 'Send my view' }).click());
		expectEqual(pathOf(off), '/org/1', 'the address after sending');
	});
	// (axe and the screenshots need scripts: the pages were looked at above.)
	await off.context().close();

	const lead = await t.newPage();
	await t.step('the lead changes the easy-read wording a cornerstone to a page', async () => {
		await signIn(lead, app, 'lead@example.org');
		await lead.goto(`${app.url}${ROUND}/easy-read`);
		await lead.getByText('Part 1 of 2').waitFor();
		expectEqual(await lead.getByLabel(/This round's wording of 2i/).count(), 0, '2i on the first part');
		await submit(lead, () => lead.getByRole('link', { name: /Next/ }).click());
		await lead.getByText('Part 2 of 2').waitFor();
		await lead.getByLabel(/This round's wording of 2i/).fill('We make sure everyone can join in.');
		await submit(lead, () => lead.getByRole('button', { name: 'Save the wording of 2i' }).click());
		await lead.getByText('Part 2 of 2').waitFor();
		await lead.getByText('Saved').first().waitFor();
	});
	await t.visit(lead, 'easy-read-part');
	await lead.context().close();
	await page.context().close();
}
