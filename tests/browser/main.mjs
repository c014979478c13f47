// main.mjs: runs the browser test files, one after another, in one
// Chromium. A test file is any tests/browser/*.mjs other than lib.mjs and
// main.mjs; it exports a default async function taking the Suite (lib.mjs),
// and covers one family of pages. Servers a file started are stopped when it
// ends (checking for sanitizer reports), and so are its browser contexts.
//
//   node tests/browser/main.mjs [NAME...]   (e.g. `journey`; default: all)
//   BROWSER_JOBS=2 node tests/browser/main.mjs   (all, in two processes)

import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { ROOT, SHOTS, Stop, Suite } from './lib.mjs';

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
// timeout, fails instead of stalling CI. On CI's machine the whole of make
// check took 14 minutes (December 2026); here, on 2 cores shared with the
// other test programs, this suite's 18 files (in two processes) took 902 s
// of a whole make check of 25 minutes, so the guard is 1,200 s: a hang
// still fails, and make check stays within 30 minutes.
const LIMIT_S = Number(process.env.BROWSER_TESTS_LIMIT_S || 1200);
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

// Each file's last time, in build/browser-times ("NAME SECONDS" lines),
// written after a run of every file; a file not timed yet counts as 60 s.
const TIMES = path.join(ROOT, 'build/browser-times');
function lastTimes() {
	const out = {};
	try {
		for (const line of readFileSync(TIMES, 'utf8').split('\n')) {
			const [name, secs] = line.split(' ');
			if (name && Number(secs) > 0)
				out[name] = Number(secs);
		}
	} catch {
		// no times yet
	}
	return out;
}

// BROWSER_JOBS=N (N > 1) with no file named: the files in N groups of
// about equal time by their last times (longest first, each to the group
// with least so far), each run by a `node main.mjs FILE...` of its own, side
// by side, with a Chromium of its own; their lines are passed on whole.
const jobs = Number(process.env.BROWSER_JOBS || 1);
if (jobs > 1 && !only.length && !process.env.BROWSER_CHILD) {
	const times = lastTimes();
	const groups = Array.from({ length: jobs }, () => ({ files: [], secs: 0 }));
	for (const f of [...files].sort((a, b) => (times[b] ?? 60) - (times[a] ?? 60))) {
		const g = groups.reduce((a, b) => (b.secs < a.secs ? b : a));
		g.files.push(f);
		g.secs += times[f] ?? 60;
	}
	const started = Date.now();
	const counts = { ok: 0, notOk: 0, skipped: 0 };
	const took = {};
	const children = groups.filter((g) => g.files.length).map((g) => {
		console.log(`# browser tests: a process for ${g.files.join(', ')} (about ${Math.round(g.secs)} s last time)`);
		const child = spawn(process.execPath, [fileURLToPath(import.meta.url), ...g.files],
			{ env: { ...process.env, BROWSER_CHILD: '1' }, stdio: ['ignore', 'pipe', 'inherit'] });
		createInterface({ input: child.stdout }).on('line', (line) => {
			const sum = line.match(/^# browser tests: (\d+) ok, (\d+) not ok, (\d+) skipped/);
			const time = line.match(/^# ([\w-]+): ([\d.]+) s$/);
			if (time)
				took[time[1]] = Number(time[2]);
			if (!sum) {
				console.log(line);
				return;
			}
			counts.ok += Number(sum[1]);
			counts.notOk += Number(sum[2]);
			counts.skipped += Number(sum[3]);
		});
		child.done = new Promise((resolve) => child.on('close', (code) => resolve(code)));
		return child;
	});
	// Stopped (a signal, the guard): the processes stop too, and stop their
	// servers and browsers themselves.
	process.on('exit', () => children.forEach((c) => c.exitCode === null && c.kill('SIGTERM')));
	const codes = await Promise.all(children.map((c) => c.done));
	if (Object.keys(took).length === files.length)
		writeFileSync(TIMES, files.map((f) => `${f} ${took[f]}`).join('\n') + '\n');
	const failed = codes.some((c) => c !== 0);
	if (failed && !counts.notOk)
		console.log('not ok - every process of the browser tests ends well');
	console.log(`# browser tests: ${counts.ok} ok, ${counts.notOk + (failed && !counts.notOk ? 1 : 0)} not ok, ` +
		`${counts.skipped} skipped in ${((Date.now() - started) / 1000).toFixed(1)} s (${jobs} processes); ` +
		'screenshots in build/screenshots');
	process.exit(failed ? 1 : 0);
}

const took = {};
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
	took[name] = ((Date.now() - t0) / 1000).toFixed(1);
	console.log(`# ${name}: ${took[name]} s`);
}
if (!only.length)
	writeFileSync(TIMES, files.map((f) => `${f} ${took[f]}`).join('\n') + '\n');

await t.shutdown();
console.log(`# browser tests: ${t.passed} ok, ${t.failed} not ok, ${t.skipped} skipped ` +
	`in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in build/screenshots`);
process.exit(t.failed ? 1 : 0);
