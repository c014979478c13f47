// main.mjs: runs the browser test files, one after another, in one
// Chromium. A test file is any tests/browser/*.mjs other than lib.mjs and
// main.mjs; it exports a default async function taking the Suite (lib.mjs),
// and covers one family of pages. Servers a file started are stopped when it
// ends (checking for sanitizer reports), and so are its browser contexts.
//
//   node tests/browser/main.mjs [NAME...]   (e.g. `journey`; default: all)

import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { SHOTS, Stop, Suite } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2).map((a) => a.replace(/\.mjs$/, ''));
const files = readdirSync(here)
	.filter((f) => f.endsWith('.mjs') && !/^[._]/.test(f) && f !== 'lib.mjs' && f !== 'main.mjs')
	.map((f) => f.replace(/\.mjs$/, ''))
	.filter((f) => !only.length || only.includes(f))
	.sort();

const t = new Suite();
const started = Date.now();
process.on('exit', () => t.killNow());
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'])
	process.on(sig, () => {
		console.log(`# stopped by ${sig}`);
		t.killNow();
		process.exit(1);
	});

// A guard against hangs, not a speed test (make bench measures speed): a
// browser that never starts, or a page that never loads past every
// timeout, fails instead of stalling CI. On CI's quiet machine the whole of
// make check took under 7 minutes; beside other builds this suite alone took
// over 10, so the guard is 900 s, which keeps make check within 30 minutes.
const LIMIT_S = Number(process.env.BROWSER_TESTS_LIMIT_S || 900);
setTimeout(() => {
	console.log(`not ok - the browser tests finish within ${LIMIT_S} s`);
	t.killNow();
	process.exit(1);
}, LIMIT_S * 1000).unref();

if (!files.length) {
	console.log(`not ok - browser test files found${only.length ? `: ${only.join(', ')}` : ''}`);
	process.exit(1);
}
if (!only.length)
	rmSync(SHOTS, { recursive: true, force: true });

for (const name of files) {
	const t0 = Date.now();
	t.prefix = `${name}: `;
	t.file = name;
	try {
		const mod = await import(pathToFileURL(path.join(here, `${name}.mjs`)).href);
		await mod.default(t);
	} catch (e) {
		if (e instanceof Stop)
			console.log(`# ${name}: ${e.message}`);
		else
			t.notOk('runs to the end', e?.stack || String(e));
	}
	for (const app of [...t.servers]) {
		try {
			await t.stopApp(app, 'copro serve');
		} catch (e) {
			t.notOk('copro serve stops', e?.stack || String(e));
		}
	}
	for (const context of t.browser?.contexts() ?? [])
		await context.close().catch(() => {});
	t.prefix = '';
	t.file = '';
	console.log(`# ${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

await t.shutdown();
console.log(`# browser tests: ${t.passed} ok, ${t.failed} not ok, ${t.skipped} skipped ` +
	`in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in build/screenshots`);
process.exit(t.failed ? 1 : 0);
