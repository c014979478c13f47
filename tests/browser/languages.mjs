// languages.mjs: a parent carer's journey through the partner pages in the
// tests' two pseudo-locales (docs/languages.md; tests/browser/run serves
// them with COPRO_PSEUDO_LOCALES=1), at 375 px: en-XA, every letter
// accented and each string about 40% longer, where any run of plain
// English words is a string that missed tr(); and ar-XB, right to left,
// where every word must come out of the catalog mirrored. Each page has the
// link's lang and dir, and gets visit() (no sideways scrolling,
// screenshots; axe on the right-to-left pages); nothing on it overlaps
// (lib.mjs overlaps: boxes of text lines and controls) and each radio's
// ring is drawn over its input, right to left too. The journey is walked
// generically: the first answer of each question, then the page's button,
// until the confirmation page.

import { execFileSync } from 'node:child_process';

import { COPRO, Stop, expect, expectEqual, misdrawnRadios, overlaps, pathOf, submit } from './lib.mjs';

const ORG = 'Hill Top Primary School';

// The data on the page is the organisation's, in its own words.
function withoutData(text) {
	return text.split(ORG).join(' ').replace(/\bcopro\b/g, ' ');
}

const LANGUAGES = [
	{
		tag: 'en-XA', dir: 'ltr',
		// Any two ASCII letters together did not go through a catalog.
		untranslated: (text) => withoutData(text).match(/[A-Za-z]{2,}(?:[\s,.]+[A-Za-z]{2,})*/),
	},
	{
		tag: 'ar-XB', dir: 'rtl',
		// Every word of the catalog is wrapped in RLO ... PDF.
		untranslated: (text) => withoutData(text).match(/(?:^|[^\u202EA-Za-z])([A-Za-z]{2,})/),
	},
];

function copro(app, ...args) {
	return execFileSync(COPRO, ['--db', app.db, ...args], { encoding: 'utf8' });
}

// A round of one statement for parent carers, in `tag`: the link's path.
function openRound(app, tag) {
	const out = copro(app, 'views', 'open', '1', '--groups', 'parents', '--statements', '1i',
		'--language', tag);
	const m = out.match(/\/v\/[A-Za-z0-9_-]{43}/);
	expect(m, `copro views open printed no link:\n${out}`);
	return m[0];
}

async function checkPage(t, page, lang, n) {
	const name = `${lang.tag}-${n}-${pathOf(page).split('/').slice(3).join('-') || 'start'}`;
	await t.check(`${name}: lang="${lang.tag}" dir="${lang.dir}"`, async () => {
		const html = page.locator('html');
		expectEqual(await html.getAttribute('lang'), lang.tag, 'lang');
		expectEqual(await html.getAttribute('dir'), lang.dir, 'dir');
	});
	await t.check(`${name}: every word on the page is translated`, async () => {
		const text = await page.evaluate((tag) => {
			// A language's own name in the switch is in that language.
			const other = [...document.body.querySelectorAll('[lang]')].filter((e) => e.lang !== tag);
			const hidden = other.map((e) => [e, e.style.display]);
			for (const [e] of hidden)
				e.style.display = 'none';
			const attrs = [...document.querySelectorAll('[aria-label],[title],[alt],[placeholder]')]
				.filter((e) => !e.closest('[lang]') || e.closest('[lang]').lang === tag)
				.map((e) => ['aria-label', 'title', 'alt', 'placeholder']
					.map((a) => e.getAttribute(a) || '').join(' '));
			const all = [document.title, document.body.innerText, ...attrs].join('\n');
			for (const [e, display] of hidden)
				e.style.display = display;
			return all;
		}, lang.tag);
		const unfilled = text.match(/%?\{[^{}\s]*\}/);
		if (unfilled)
			throw new Stop(`"${unfilled[0]}" was not filled in`);
		const m = lang.untranslated(text);
		if (m)
			throw new Stop(`"${m[1] || m[0]}" is not translated (it did not go through tr())`);
	});
	await t.check(`${name}: nothing overlaps at 375 px, each radio drawn where it is tapped`, async () => {
		const found = await overlaps(page) || await misdrawnRadios(page);
		if (found)
			throw new Stop(found);
	});
	// axe once, right to left: the accented pages' markup is the British
	// English pages' (partner.mjs), only longer, which the screenshots check.
	await t.visit(page, name, { axe: lang.dir === 'rtl' });
}

// The page's own form, by role: its first answer, then its button (the
// language switch is links, outside main).
async function answerAndContinue(page) {
	const main = page.getByRole('main');
	const radio = main.getByRole('radio');
	if (await radio.count())
		await radio.first().check();
	const button = main.getByRole('button');
	if (!(await button.count()))
		return null;
	return submit(page, () => button.first().click());
}

async function journey(t, app, lang) {
	const link = openRound(app, lang.tag);
	const page = await t.newPage({ viewport: { width: 375, height: 812 } });
	const first = await page.goto(`${app.url}${link}`);
	if (first.status() === 404) {
		t.skip(`${lang.tag} journey`, 'the partner pages (/v/TOKEN) are not on this branch yet');
		return;
	}
	for (let n = 1; n <= 12; n++) {
		await checkPage(t, page, lang, n);
		if (pathOf(page).endsWith('/done'))
			return t.ok(`${lang.tag}: the journey reaches the confirmation page`);
		const r = await answerAndContinue(page);
		if (!r)
			break;
		expect(r.status() < 400, `${pathOf(page)} answered ${r.status()}`);
	}
	t.notOk(`${lang.tag}: the journey reaches the confirmation page`, `it stopped at ${pathOf(page)}`);
}

// Two lines of text drawn over each other: overlaps() must see them.
const OVERLAPPING = `<!DOCTYPE html><html lang="en"><head><title>Overlapping</title></head><body><main>
<p style="position:absolute;top:10px;left:10px;margin:0">Text under</p>
<p style="position:absolute;top:14px;left:20px;margin:0">Text over</p></main></body></html>`;

export default async function languages(t) {
	const blank = await t.newPage();
	await blank.setContent(OVERLAPPING);
	await t.check('negative control: overlaps() finds text drawn over text', async () => {
		expect(/"Text under" and "Text over" overlap/.test(await overlaps(blank)), 'no overlap found');
	});
	await blank.context().close();
	const app = await t.startApp();
	copro(app, 'org', 'add', '--name', ORG, '--sector', 'education');
	copro(app, 'evaluation', 'start', '1', 'four-cornerstones', '2026-27');
	await t.step('copro offers the pseudo-locales', async () => {
		const list = JSON.parse(copro(app, 'language', 'list', '--json'));
		expectEqual(list.filter((l) => l.pseudo).map((l) => l.tag).sort().join(' '), 'ar-XB en-XA',
			'the pseudo-locales');
	});
	for (const lang of LANGUAGES)
		await journey(t, app, lang);
}
