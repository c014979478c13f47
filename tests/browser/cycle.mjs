// cycle.mjs: the plan-do-review cycle (issue 5), by mouse, as the area
// administrator on a fresh app. A Four Cornerstones self-evaluation for
// 2026-27 with evidence, strengths and an area for development on 1i; three
// success measures across two cornerstones (two from the catalogue, one of
// our own), two of them linked (shown and navigable both ways); a
// percentage metric with a baseline and a target, readings on three dates
// (one out of date order, one as numerator/denominator, a zero denominator
// refused), its chart, table and the sentence on target and trend; a team
// plan seeded from the self-evaluation (strengths first), a reflective
// question answered, an aspect noted, the area for development turned into
// an action in one step; the action in the list with where it came from,
// reviewed; "You said, we did" published and its printable notice (an
// unpublished record absent); the next cycle (2027-28) with the carried
// evidence marked and confirmed, and the comparison of the two cycles.
// Every page reached gets visit().

import { readFileSync } from 'node:fs';
import path from 'node:path';

import { ROOT, addOrganisation, expect, expectEqual, pathOf, setUp, submit, fillDate, dateValue } from './lib.mjs';

const ORG = { name: 'Riverside Primary School', type: 'Community school', sector: 'Education' };
const EVIDENCE = { title: 'Parent carer coffee mornings', day: '14', month: '10', year: '2026' };
const JUDGEMENT = {
	strengths: 'Families say the school feels welcoming from the first visit.',
	area: 'Transition plans do not yet use feedback from children and young people.',
};
const OWN_MEASURE = 'Families help plan school events.';
const METRIC = {
	name: 'Parent carers who rate communication as good or very good',
	baseline: '50', target: '75',
};
// Entered in this order: the third is older than the second.
const READINGS = [
	{ date: '2026-03-02', value: '55', shown: '55%', words: '2 March 2026', source: 'Survey' },
	{ date: '2026-09-14', numerator: '41', denominator: '60', shown: '68.33%', words: '14 September 2026', source: 'Survey' },
	{ date: '2026-06-08', value: '62', shown: '62%', words: '8 June 2026', source: 'Meeting' },
];
const PLAN = { title: 'Riverside SEND team plan', cycle: '2026-27' };
const ANSWER = 'Families tell us they feel welcome; we want to hear more from pupils.';
const ASPECT_NOTE = 'Our vision statement was rewritten with the parent carer forum in 2025.';
const ACTION = 'Ask pupils about transition plans each term';
const REVIEW = 'Pupils in Years 5 and 6 met the SENCO and their ideas went into the transition plans.';
const SAID = { said: 'Letters home are hard to follow.', did: 'We rewrote our letters with the parent carer forum.', on: '2026-09-01', didOn: '2026-10-20' };
const UNPUBLISHED = { said: 'The school car park is unsafe at pick-up time.', on: '2026-10-05' };

const catalogue = JSON.parse(readFileSync(path.join(ROOT, 'frameworks/four-cornerstones-success-measures.json'), 'utf8'));
const planFw = JSON.parse(readFileSync(path.join(ROOT, 'frameworks/four-cornerstones-service-plan.json'), 'utf8'));
const measureText = (key) => catalogue.sections.flatMap((s) => s.measures).find((m) => m.key === key).text;
const COMPLAINTS = { key: '1.6', text: measureText('1.6') };
const TWO_WAY = { key: '3.10', text: measureText('3.10') };
const QUESTION = planFw.sections[0].questions[0].text;
const ASPECT = planFw.aspects[0].title;

const squash = (s) => String(s ?? '').replace(/\s+/g, ' ').trim();
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const capital = (s) => s.charAt(0).toUpperCase() + s.slice(1);

export default async function cycle(t) {
	const app = await t.startApp();
	const page = await t.newPage();
	const main = async () => squash(await page.locator('main').innerText());
	const banner = async () => squash(await page.getByRole('alert').innerText());
	let r;

	// ---- 1. a self-evaluation with evidence and a judgement on 1i -------------
	let orgPath, evaluationPath;
	await t.step('set-up, an organisation and a self-evaluation for 2026-27', async () => {
		await setUp(page, app);
		orgPath = `/org/${await addOrganisation(page, ORG)}`;
		await page.getByLabel('Start a Four Cornerstones self-evaluation for the cycle').fill('2026-27');
		await submit(page, () => page.getByRole('button', { name: 'Start self-evaluation' }).click());
		expect(new RegExp(`^${orgPath}/evaluation/\\d+$`).test(pathOf(page)), `the address is ${page.url()}`);
		evaluationPath = pathOf(page);
	});

	await t.step('on 1i: evidence added, strengths and an area for development recorded', async () => {
		await submit(page, () => page.getByRole('link', { name: /^1i Providing a happy/ }).click());
		await submit(page, () => page.getByRole('link', { name: 'Add new evidence' }).click());
		const form = page.locator('form[action$="/evidence"]');
		await form.getByLabel('Title', { exact: true }).fill(EVIDENCE.title);
		await form.getByLabel('Day', { exact: true }).fill(EVIDENCE.day);
		await form.getByLabel('Month', { exact: true }).fill(EVIDENCE.month);
		await form.getByLabel('Year', { exact: true }).fill(EVIDENCE.year);
		await form.getByLabel('Parent carers', { exact: true }).check();
		await form.getByLabel(/^1i\.a: /).check();
		r = await submit(page, () => form.getByRole('button', { name: 'Add evidence' }).click());
		expectEqual(r?.status(), 200, 'the status after adding evidence');
		await submit(page, () => page.getByRole('link', { name: 'Record the judgement' }).click());
		const review = page.locator('form[action$="/review"]');
		await review.getByLabel('Strengths').fill(JUDGEMENT.strengths);
		await review.getByLabel('Areas for development').fill(JUDGEMENT.area);
		await review.getByLabel('In progress', { exact: true }).check();
		r = await submit(page, () => review.getByRole('button', { name: 'Save judgement' }).click());
		expectEqual(r?.status(), 200, 'the status after the judgement');
		expect(/Judgement saved/.test(await banner()), 'no "Judgement saved" banner');
	});
	await t.visit(page, 'statement-judgement');

	// ---- 2. success measures ------------------------------------------------
	await t.step('"Measures" in the organisation\'s navigation: none chosen yet', async () => {
		await page.goto(`${app.url}${orgPath}`);
		r = await submit(page, () => page.getByRole('navigation', { name: 'Organisation' }).getByRole('link', { name: 'Measures' }).click());
		expectEqual(pathOf(page), `${orgPath}/measures`, 'the address');
		expectEqual(r?.status(), 200, 'the status');
		expect(/No measures chosen for this cornerstone yet/.test(await main()), 'no "No measures chosen" note');
	});
	await t.visit(page, 'measures-empty');

	const measurePaths = {};
	// The chooser asks for the cornerstone first, then one of its measures.
	const choose = async (label, cornerstone, fill) => {
		await page.goto(`${app.url}${orgPath}/measures`);
		await submit(page, () => page.getByRole('button', { name: 'Choose a success measure' }).click());
		expectEqual(pathOf(page), `${orgPath}/measures/new`, 'the address of the first step');
		await page.getByLabel(new RegExp(`^Cornerstone ${cornerstone}: `)).check();
		await submit(page, () => page.getByRole('button', { name: 'Continue' }).click());
		expectEqual(pathOf(page), `${orgPath}/measures/new/${cornerstone}`, 'the address of the form');
		expectEqual(await page.locator('input[name="measure"]:checked').count(), 0, 'measures chosen before anyone chose');
		expectEqual(await page.getByLabel('Cycle', { exact: true }).inputValue(), '2026-27', 'the cycle offered');
		await fill();
		r = await submit(page, () => page.getByRole('button', { name: 'Choose this measure' }).click());
		expectEqual(r?.status(), 200, 'the status');
		expect(new RegExp(`^${orgPath}/measure/\\d+$`).test(pathOf(page)), `the address is ${page.url()}`);
		await page.getByRole('heading', { level: 1, name: label }).waitFor();
		return pathOf(page);
	};
	await t.step(`measure ${COMPLAINTS.key} (cornerstone 1) chosen from the catalogue`, async () => {
		measurePaths.complaints = await choose(COMPLAINTS.text, '1', async () => {
			await page.getByLabel(`${COMPLAINTS.key} ${COMPLAINTS.text}`, { exact: true }).check();
		});
	});
	await t.visit(page, 'measure-new-chosen');
	await t.step(`measure ${TWO_WAY.key} (cornerstone 3) chosen from the catalogue`, async () => {
		measurePaths.twoWay = await choose(TWO_WAY.text, '3', async () => {
			await page.getByLabel(`${TWO_WAY.key} ${TWO_WAY.text}`, { exact: true }).check();
		});
	});
	await t.step('our own measure, in cornerstone 1', async () => {
		await page.goto(`${app.url}${orgPath}/measures/new`);
		await t.visit(page, 'measure-new');
		await page.goto(`${app.url}${orgPath}/measures/new/1`);
		await t.visit(page, 'measure-new-cornerstone');
		measurePaths.own = await choose(OWN_MEASURE, '1', async () => {
			await page.getByLabel('Our own measure', { exact: true }).check();
			await page.getByLabel('Your own measure', { exact: true }).fill(OWN_MEASURE);
		});
		expect(/Your own success measure/.test(await main()), 'the page does not say it is our own');
	});

	await t.check('the measures page lists the three under their two cornerstones', async () => {
		await page.goto(`${app.url}${orgPath}/measures`);
		const table = async (n) => squash(await page.locator('table', { has: page.locator('caption', { hasText: n }) }).innerText());
		const welcome = await table('Welcome and Care');
		const communicate = await table('Communicate');
		expect(welcome.includes(COMPLAINTS.text) && welcome.includes(OWN_MEASURE), `cornerstone 1's table: ${welcome}`);
		expect(communicate.includes(TWO_WAY.text), `cornerstone 3's table: ${communicate}`);
	});
	await t.visit(page, 'measures');

	await t.step(`measure ${TWO_WAY.key} is linked to ${COMPLAINTS.key}, across cornerstones`, async () => {
		await page.goto(`${app.url}${measurePaths.twoWay}`);
		const select = page.getByLabel('Link to another measure');
		const option = await select.locator('option', { hasText: COMPLAINTS.text }).getAttribute('value');
		await select.selectOption(option);
		r = await submit(page, () => page.getByRole('button', { name: 'Link measures' }).click());
		expectEqual(r?.status(), 200, 'the status');
		expectEqual(pathOf(page), measurePaths.twoWay, 'the address');
	});
	await t.check('the link shows on both measures and leads from one to the other', async () => {
		await submit(page, () => page.getByRole('link', { name: COMPLAINTS.text }).click());
		expectEqual(pathOf(page), measurePaths.complaints, 'the address after following the link');
		await page.getByRole('heading', { level: 1, name: COMPLAINTS.text }).waitFor();
		await submit(page, () => page.getByRole('link', { name: TWO_WAY.text }).click());
		expectEqual(pathOf(page), measurePaths.twoWay, 'the address after following the link back');
		expectEqual(await page.getByRole('button', { name: `Remove link to ${COMPLAINTS.text}` }).count(), 1, 'remove-link buttons');
	});
	await t.visit(page, 'measure-linked');

	let metricId;
	await t.step('a percentage metric with a baseline, a target, higher is better', async () => {
		const form = page.locator('form[action$="/metrics"]');
		await form.getByLabel('What you will count or ask').fill(METRIC.name);
		await form.getByLabel(/^A percentage/).check();
		await form.getByLabel('Higher is better', { exact: true }).check();
		await form.getByLabel('Baseline (optional)').fill(METRIC.baseline);
		await form.getByLabel('Target (optional)').fill(METRIC.target);
		r = await submit(page, () => form.getByRole('button', { name: 'Add metric' }).click());
		expectEqual(r?.status(), 200, 'the status');
		await page.getByRole('heading', { level: 3, name: METRIC.name }).waitFor();
		const text = await main();
		expect(text.includes('Baseline 50%. Target 75%.') && /No readings yet/.test(text), `the metric says: ${text.slice(0, 1500)}`);
		const action = await page.locator('form[action*="/metric/"]').getAttribute('action');
		metricId = action.match(/\/metric\/(\d+)\/readings$/)[1];
	});
	await t.visit(page, 'measure-metric');

	const readingForm = () => page.locator(`form[action$="/metric/${metricId}/readings"]`);
	const addReading = async (rd) => {
		const form = readingForm();
		if (!(await form.isVisible()))
			await page.locator('summary', { hasText: `Add a reading of ${METRIC.name}` }).click();
		await fillDate(form, 'Date of the reading', rd.date);
		await form.getByLabel('Percentage', { exact: true }).fill(rd.value ?? '');
		await form.getByLabel('Or: how many (the numerator)').fill(rd.numerator ?? '');
		await form.getByLabel('Out of how many (the denominator)').fill(rd.denominator ?? '');
		await form.getByLabel(rd.source, { exact: true }).check();
		await form.getByLabel('Parent carers', { exact: true }).check();
		return submit(page, () => form.getByRole('button', { name: 'Add reading' }).click());
	};
	await t.step('a reading as a percentage', async () => {
		r = await addReading(READINGS[0]);
		expectEqual(r?.status(), 200, 'the status');
		expectEqual(pathOf(page), measurePaths.twoWay, 'the address');
	});
	await t.step('a zero denominator is refused, with the error summary linked to it', async () => {
		r = await addReading({ date: '2026-09-14', numerator: '0', denominator: '0', source: 'Survey' });
		expectEqual(r?.status(), 400, 'the status');
		const summary = page.locator('.govuk-error-summary');
		expect(/There is a problem/.test(await summary.innerText()), 'no error summary');
		const links = summary.locator('a');
		expectEqual(await links.count(), 1, 'the number of errors');
		expectEqual(await links.first().getAttribute('href'), `#r${metricId}-denominator`, 'the link');
		expect(/denominator/i.test(await links.first().innerText()), `the message: ${await links.first().innerText()}`);
		expect(await readingForm().isVisible(), 'the reading form is not open');
		expectEqual(await dateValue(readingForm(), 'Date of the reading'), '2026-09-14', 'the kept date');
		expectEqual(await page.getByRole('row').filter({ hasText: 'September 2026' }).count(), 0, 'rows for the refused reading');
	});
	await t.visit(page, 'measure-reading-refused');
	await t.step('a reading as numerator and denominator, then one older than it', async () => {
		r = await addReading(READINGS[1]);
		expectEqual(r?.status(), 200, 'the status of the second');
		r = await addReading(READINGS[2]);
		expectEqual(r?.status(), 200, 'the status of the third');
	});

	await t.check('the table lists the three readings in date order, 41 of 60 as 68.33%', async () => {
		const table = page.locator('table', { has: page.locator('caption', { hasText: `Readings of ${METRIC.name}` }) });
		const rows = await table.locator('tbody tr').allInnerTexts();
		const byDate = [...READINGS].sort((a, b) => a.date.localeCompare(b.date));
		expectEqual(rows.length, 3, 'rows');
		rows.forEach((row, i) => {
			const s = squash(row);
			expect(s.startsWith(byDate[i].words) && s.includes(byDate[i].shown), `row ${i + 1} says: ${s}`);
		});
		expect(squash(rows[2]).includes('41 of 60'), `the last row: ${squash(rows[2])}`);
	});
	await t.check('the chart is an SVG image whose numbers are the table\'s', async () => {
		const svg = page.locator('svg[role="img"].copro-trend');
		expectEqual(await svg.count(), 1, 'trend charts');
		const title = squash(await svg.locator('title').textContent());
		for (const rd of READINGS)
			expect(title.includes(`${rd.words} ${rd.shown}`), `the chart's title lacks ${rd.words} ${rd.shown}: ${title}`);
		expect(/Target 75%\. Baseline 50%\./.test(title), `the chart's title: ${title}`);
		const labelled = await svg.getAttribute('aria-labelledby');
		expectEqual(await svg.locator(`#${labelled}`).count(), 1, 'the element naming the chart');
		const texts = (await svg.locator('text').allTextContents()).map(squash);
		for (const rd of READINGS)
			expect(texts.includes(rd.shown), `the chart does not show ${rd.shown}: ${texts.join(' | ')}`);
		const cells = (await page.locator('table', { has: page.locator('caption', { hasText: 'Readings of' }) })
			.locator('tbody td:nth-child(2)').allInnerTexts()).map(squash);
		expectEqual(cells.sort().join(' '), READINGS.map((rd) => rd.shown).sort().join(' '), 'the table\'s values');
	});
	await t.check('the page says plainly: not yet at the target, improving since the previous reading', async () => {
		const section = squash(await page.locator('section', { has: page.getByRole('heading', { name: METRIC.name }) }).innerText());
		expect(section.includes('Not yet at the target of 75%'), `no target tag: ${section.slice(0, 600)}`);
		expect(section.includes('Improving since the previous reading.'), `no trend line: ${section.slice(0, 600)}`);
		expect(/Latest reading 68\.33% on .*Not yet at the target of 75%\. Improving since the previous reading \(62%\); improving since the baseline \(50%\)\./.test(section),
			`the sentence: ${section.slice(0, 800)}`);
	});
	await t.visit(page, 'measure-chart');

	// ---- 3. a team and service plan seeded from the self-evaluation -----------
	let planPath;
	await t.step('"Team and service plans": a plan started from the latest self-evaluation', async () => {
		await page.goto(`${app.url}${orgPath}`);
		await submit(page, () => page.getByRole('navigation', { name: 'Organisation' }).getByRole('link', { name: 'Plans' }).click());
		expectEqual(pathOf(page), `${orgPath}/plans`, 'the address');
		expect(/There are no plans yet/.test(await main()), 'no "There are no plans yet"');
		const seed = page.getByLabel('Start from our latest self-evaluation (cycle 2026-27)');
		expect(!(await seed.isChecked()), 'the seed box is ticked before anyone ticked it');
		await t.visit(page, 'plans-empty');
		await page.getByLabel('Title', { exact: true }).fill(PLAN.title);
		await page.getByLabel('Cycle', { exact: true }).fill(PLAN.cycle);
		await seed.check();
		r = await submit(page, () => page.getByRole('button', { name: 'Start the plan' }).click());
		expectEqual(r?.status(), 200, 'the status');
		expect(new RegExp(`^${orgPath}/plan/\\d+$`).test(pathOf(page)), `the address is ${page.url()}`);
		planPath = pathOf(page);
		expect(/Plan started/.test(await banner()), 'no "Plan started" banner');
	});
	await t.check('the plan shows its actions first, then a line per cornerstone linking to its page', async () => {
		await page.getByRole('link', { name: 'Self-evaluation, cycle 2026-27' }).waitFor();
		const headings = await page.locator('main h2').allInnerTexts();
		expect(headings.indexOf('Actions from this plan') >= 0 && headings.indexOf('Actions from this plan') < headings.indexOf('Cornerstones'),
			`the plan's headings: ${headings.join(' | ')}`);
		const row = squash(await page.getByRole('row', { name: /Cornerstone 1: Welcome and Care/ }).innerText());
		expect(/^Cornerstone 1: Welcome and Care 1 of 7 statements 1 of 7 statements 0 of \d+$/.test(row), `cornerstone 1's row: ${row}`);
	});
	await t.visit(page, 'plan');

	const openCornerstone = async () => {
		await submit(page, () => page.getByRole('link', { name: 'Cornerstone 1: Welcome and Care' }).click());
		expectEqual(pathOf(page), `${planPath}/cornerstone/1`, 'the address');
	};
	await t.step('cornerstone 1\'s page: 1i\'s strengths, then its area for development; its reflective question is answered', async () => {
		await openCornerstone();
		expectEqual(await page.getByLabel('Strengths for 1i', { exact: true }).inputValue(), JUDGEMENT.strengths, 'the seeded strengths');
		expectEqual(await page.getByLabel(/^Areas for development for 1i$/i).inputValue(), JUDGEMENT.area, 'the seeded area');
		const ids = await page.locator('textarea').evaluateAll((els) => els.map((e) => e.id));
		expect(ids.indexOf('strengths-1i') < ids.indexOf('areas-1i'), `the fields' order: ${ids.join(', ')}`);
		await t.visit(page, 'plan-cornerstone');
		await page.getByLabel(capital(QUESTION), { exact: true }).fill(ANSWER);
		r = await submit(page, () => page.getByRole('button', { name: 'Save cornerstone 1' }).click());
		expectEqual(r?.status(), 200, 'the status');
		expectEqual(pathOf(page), planPath, 'the address');
		expect(/Cornerstone saved/.test(await banner()), 'no "Cornerstone saved" banner');
		const row = squash(await page.getByRole('row', { name: /Cornerstone 1: Welcome and Care/ }).innerText());
		expect(/ 1 of \d+$/.test(row), `cornerstone 1's row: ${row}`);
		await openCornerstone();
		expectEqual(await page.getByLabel(capital(QUESTION), { exact: true }).inputValue(), ANSWER, 'the answer kept');
		await page.goto(`${app.url}${planPath}`);
	});

	await t.step('an aspect is noted', async () => {
		await submit(page, () => page.getByRole('link', { name: 'Read or write the notes on the aspects' }).click());
		expectEqual(pathOf(page), `${planPath}/aspects`, 'the address');
		await t.visit(page, 'plan-aspects');
		await page.getByLabel(new RegExp(`${escapeRe(ASPECT)}$`)).fill(ASPECT_NOTE);
		r = await submit(page, () => page.getByRole('button', { name: 'Save notes' }).click());
		expectEqual(r?.status(), 200, 'the status');
		expect(/Notes on the aspects saved/.test(await banner()), 'no banner');
		expect(/1 of \d+ organisational aspects have a note/.test(await main()), 'the plan does not count the note');
	});

	let actionId;
	await t.step('1i\'s area for development becomes an action in one step; the banner links to it', async () => {
		await openCornerstone();
		await page.getByLabel('Action for 1i (optional)').fill(ACTION);
		r = await submit(page, () => page.getByRole('button', { name: 'Turn into an action (statement 1i)' }).click());
		expectEqual(r?.status(), 200, 'the status');
		expectEqual(pathOf(page), planPath, 'the address');
		const text = await banner();
		const m = text.match(/Action (\d+) created: (.*?)\./);
		expect(m && m[2] === ACTION, `the banner says: ${text}`);
		actionId = m[1];
		const link = page.getByRole('alert').getByRole('link');
		expectEqual(await link.getAttribute('href'), `${orgPath}/actions/${actionId}/edit`, 'the banner\'s link');
		const row = squash(await page.getByRole('row', { name: new RegExp(escapeRe(ACTION)) }).innerText());
		expect(row.includes('1i'), `the plan's action row: ${row}`);
	});
	await t.visit(page, 'plan-action-created');

	await t.step('the banner\'s link opens the action, which gets an owner and a due date', async () => {
		await submit(page, () => page.getByRole('alert').getByRole('link').click());
		expectEqual(await page.getByLabel('What needs to be done').inputValue(), ACTION, 'the action\'s title');
		await page.getByLabel('Who will make sure it happens (optional)').fill('SENCO');
		await fillDate(page, 'Due date (optional)', '2027-01-31');
		r = await submit(page, () => page.getByRole('button', { name: 'Save changes' }).click());
		expectEqual(r?.status(), 200, 'the status');
		expectEqual(pathOf(page), `${orgPath}/actions`, 'the address');
	});

	// ---- 4. the action list and a review ---------------------------------------
	const card = () => page.locator(`#action-${actionId}`);
	await t.check('the actions page shows the action with where it came from', async () => {
		const text = squash(await card().innerText());
		for (const want of [ACTION, 'SENCO', '31 January 2027', `Plan: ${PLAN.title} (${PLAN.cycle})`])
			expect(text.includes(want), `the card does not show ${want}: ${text}`);
		expectEqual(await card().getByRole('link', { name: `Plan: ${PLAN.title} (${PLAN.cycle})` }).getAttribute('href'), planPath, 'the plan link');
	});
	await t.visit(page, 'actions');

	await t.step('"Review" opens the review form, with nothing ticked', async () => {
		r = await submit(page, () => card().getByRole('link', { name: `Review (${ACTION})` }).click());
		expectEqual(pathOf(page), `${orgPath}/actions/${actionId}/review`, 'the address');
		expectEqual(r?.status(), 200, 'the status');
		expect(/This action has not been reviewed yet/.test(await main()), 'no "not reviewed yet"');
		expectEqual(await page.locator('input[type="radio"]:checked, input[type="checkbox"]:checked').count(), 0, 'ticked before anyone ticked');
	});
	await t.visit(page, 'review-form');

	await t.step('the review: what happened, partner groups and the evidence item', async () => {
		await page.getByLabel('What happened').fill(REVIEW);
		const groups = page.getByRole('group', { name: 'Partner groups who took part in the review' });
		await groups.getByLabel('Children and young people', { exact: true }).check();
		await groups.getByLabel(/^Practitioners/).check();
		await page.getByLabel(`${EVIDENCE.title} (14 October 2026)`).check();
		r = await submit(page, () => page.getByRole('button', { name: 'Save review' }).click());
		expectEqual(r?.status(), 200, 'the status');
		expect(/Review saved/.test(await banner()), 'no "Review saved" banner');
		const review = squash(await page.locator('.govuk-summary-card', { hasText: REVIEW }).innerText());
		expect(/Children and young people, practitioners/.test(review) && review.includes(EVIDENCE.title),
			`the review says: ${review}`);
	});
	await t.visit(page, 'review-saved');

	await t.check('the actions page shows the review', async () => {
		await page.goto(`${app.url}${orgPath}/actions`);
		const text = squash(await card().innerText());
		expect(text.includes(REVIEW) && text.includes(`Evidence: ${EVIDENCE.title}`), `the card says: ${text}`);
	});
	await t.visit(page, 'actions-reviewed', { axe: false });

	// ---- 5. "You said, we did" -----------------------------------------------
	const addRecord = async (rec) => {
		const form = page.locator(`form[action="${orgPath}/you-said"]`);
		await form.getByLabel('You said: what partners told you').fill(rec.said);
		await fillDate(form, 'When they said it', rec.on);
		await form.getByLabel('Parent carers', { exact: true }).check();
		if (rec.did) {
			await form.getByLabel(/^We did: /).fill(rec.did);
			await fillDate(form, 'When it was done (optional)', rec.didOn);
			await form.getByLabel('The action it led to (optional)').selectOption({ label: ACTION });
			await form.getByLabel('Show it on the printable notice').check();
		}
		return submit(page, () => form.getByRole('button', { name: 'Add record' }).click());
	};
	await t.step('"You said, we did" from the actions page: a record added and published', async () => {
		await submit(page, () => page.getByRole('link', { name: 'You said, we did' }).click());
		expectEqual(pathOf(page), `${orgPath}/you-said`, 'the address');
		expect(/There are no records yet/.test(await main()), 'no "There are no records yet"');
		await t.visit(page, 'you-said-empty');
		r = await addRecord(SAID);
		expectEqual(r?.status(), 200, 'the status');
		const text = squash(await page.locator('.govuk-summary-card', { hasText: SAID.said }).innerText());
		expect(/Published/.test(text) && text.includes(SAID.did) && text.includes(ACTION), `the record says: ${text}`);
	});
	await t.step('a second record, not published', async () => {
		r = await addRecord(UNPUBLISHED);
		expectEqual(r?.status(), 200, 'the status');
		const text = squash(await page.locator('.govuk-summary-card', { hasText: UNPUBLISHED.said }).innerText());
		expect(/Not published/.test(text), `the record says: ${text}`);
		expect(/\(1 published record\)/.test(await main()), 'the notice link does not count 1 published record');
	});
	await t.visit(page, 'you-said');

	await t.check('the printable notice shows the published record only, without the service navigation', async () => {
		r = await submit(page, () => page.getByRole('link', { name: 'The printable notice' }).click());
		expectEqual(pathOf(page), `${orgPath}/you-said/notice`, 'the address');
		expectEqual(r?.status(), 200, 'the status');
		const text = await main();
		expect(text.includes(SAID.said) && text.includes(SAID.did), 'the published record is missing');
		expect(!text.includes(UNPUBLISHED.said), 'the unpublished record is on the notice');
		expectEqual(await page.locator('header, .govuk-header, .govuk-service-navigation').count(), 0, 'headers and navigation');
	});
	await t.visit(page, 'notice');

	await t.check('printed, the notice fits on one page and hides the way back', async () => {
		await page.emulateMedia({ media: 'print' });
		try {
			expect(!(await page.getByRole('link', { name: 'Back to You said, we did' }).isVisible()), 'the way back shows in print');
		} finally {
			await page.emulateMedia({ media: 'screen' });
		}
		const pdf = await page.pdf({ format: 'A4', printBackground: false });
		const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
		expectEqual(pages, 1, 'printed A4 pages');
	});

	// ---- 6. the next cycle and the comparison -----------------------------------
	let nextPath;
	await t.step('the next cycle (2027-28) starts from the evaluation overview, carrying the measures', async () => {
		await page.goto(`${app.url}${evaluationPath}`);
		await submit(page, () => page.getByRole('button', { name: 'Start the next cycle' }).click());
		expectEqual(pathOf(page), `${evaluationPath}/next-cycle`, 'the address of the form');
		await t.visit(page, 'evaluation-next-cycle-form');
		const form = page.locator('form[action$="/next-cycle"]');
		await form.getByLabel('Label of the new cycle').fill('2027-28');
		const boxes = form.locator('input[name="measures"]');
		expectEqual(await boxes.count(), 3, 'measures offered to carry');
		r = await submit(page, () => form.getByRole('button', { name: 'Start the next cycle' }).click());
		expectEqual(r?.status(), 200, 'the status');
		expect(new RegExp(`^${orgPath}/evaluation/\\d+$`).test(pathOf(page)) && pathOf(page) !== evaluationPath,
			`the address is ${page.url()}`);
		nextPath = pathOf(page);
		const text = await main();
		expect(text.includes('2027-28') && /This cycle started from the previous self-evaluation/.test(text), `the page says: ${text.slice(0, 600)}`);
	});
	await t.visit(page, 'evaluation-next-cycle');

	await t.step('1i marks the carried evidence as from the earlier cycle; confirming it clears the mark', async () => {
		await submit(page, () => page.getByRole('link', { name: /^1i Providing a happy/ }).click());
		expectEqual(pathOf(page), `${nextPath}/statement/1i`, 'the address');
		const item = page.locator('.copro-grid__items li', { has: page.getByRole('link', { name: EVIDENCE.title }) });
		expect(/From the earlier cycle, to be re-confirmed/.test(await item.innerText()), 'the evidence is not marked');
		expect(/1 link to evidence comes from the earlier cycle/.test(await main()), 'no note on the carried link');
		await t.visit(page, 'statement-carried');
		r = await submit(page, () => item.getByRole('button', { name: /^Confirm/ }).click());
		expectEqual(r?.status(), 200, 'the status');
		expect(/Evidence from the earlier cycle confirmed/.test(await banner()), 'no banner');
		const after = page.locator('.copro-grid__items li', { has: page.getByRole('link', { name: EVIDENCE.title }) });
		expect(!/to be re-confirmed/.test(await after.innerText()), 'the mark is still there');
	});
	await t.visit(page, 'statement-confirmed', { axe: false });

	await t.check('the measures carried into 2027-28 are listed with the new cycle', async () => {
		await page.goto(`${app.url}${orgPath}/measures`);
		const rows = await page.getByRole('row', { name: new RegExp(escapeRe(TWO_WAY.text)) }).allInnerTexts();
		expect(rows.some((x) => x.includes('2027-28')) && rows.some((x) => x.includes('2026-27')), `the rows: ${rows.join(' | ')}`);
	});

	await t.step('the comparison page shows, per cornerstone, what moved, with a table', async () => {
		await page.goto(`${app.url}${nextPath}`);
		r = await submit(page, () => page.getByRole('link', { name: 'See what moved since the last cycle' }).click());
		expectEqual(pathOf(page), `${nextPath}/compare`, 'the address');
		expectEqual(r?.status(), 200, 'the status');
		await page.getByRole('heading', { level: 1, name: 'What moved since the last cycle' }).waitFor();
		expect(/Cycle 2027-28 compared with cycle 2026-27/.test(await main()), 'no "Cycle 2027-28 compared with cycle 2026-27"');
		const table = page.locator('table', { has: page.locator('caption', { hasText: /^Indicators with evidence, per cornerstone/ }) });
		for (const name of ['Welcome and Care', 'Value and Include', 'Communicate', 'Work in Partnership'])
			expectEqual(await table.getByRole('row', { name: new RegExp(name) }).count(), 1, `rows for ${name}`);
		const welcome = squash(await table.getByRole('row', { name: /Welcome and Care/ }).innerText());
		expect(/^1 Welcome and Care 1 of \d+ 1 of \d+ /.test(welcome), `cornerstone 1's row: ${welcome}`);
		expectEqual(await page.locator('svg[role="img"] title').count(), 1, 'the chart\'s title');
		for (const key of ['1', '2', '3', '4'])
			await page.locator(`#section-${key}`).waitFor();
	});
	await t.visit(page, 'compare');
}
