// lib.mjs: the harness every browser test file uses. It prints one line per
// check ("ok - ..." / "not ok - ..." with "#   " detail lines, "# skipped - ..."
// for a check that cannot run yet), starts copro servers on fresh databases
// (and stops them, also on failure or Ctrl-C), opens pages in Debian's
// Chromium, and offers visit(): axe-core, screenshots and a few page-wide
// checks for every page a journey reaches.
//
// Node 18+ (ES modules), no test framework.

import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import AxeBuilder from '@axe-core/playwright';
import { chromium } from 'playwright-core';

// axe-core as @axe-core/playwright finds it (the same copy, so the same
// version and rules), in the minified build the package ships beside the
// one AxeBuilder reads: a page takes it in three quarters of the time
// (7.1 s against 9.5 s for 10 pages, machine under load).
const AXE_SOURCE = readFileSync(createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'))
	.resolve('axe-core/axe.min.js'), 'utf8');

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const COPRO = process.env.COPRO || path.join(ROOT, 'build/copro');
export const ASSETS = process.env.COPRO_ASSETS || path.join(ROOT, 'build/assets');
export const SHOTS = path.join(ROOT, 'build/screenshots');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const VIEWPORTS = [
	{ width: 1280, height: 800 },
	{ width: 375, height: 812 },
];
// Every wait is short: a broken page fails in seconds, not minutes.
const TIMEOUT_MS = 10_000;

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
	'--disable-background-networking', '--disable-component-update', '--disable-sync'];

// A failed step: the rest of the file depends on it, so the file stops.
export class Stop extends Error {}

function indent(text, limit = 8000) {
	const s = String(text ?? '');
	const cut = s.length > limit ? s.slice(0, limit) + ' [...]' : s;
	return cut.split('\n').map((l) => `#   ${l}`).join('\n');
}

export class Suite {
	constructor() {
		this.passed = 0;
		this.failed = 0;
		this.skipped = 0;
		this.servers = new Set();
		this.browser = null;
		this.prefix = '';
		this.file = '';
	}

	ok(desc) {
		this.passed++;
		console.log(`ok - ${this.prefix}${desc}`);
	}

	notOk(desc, ...details) {
		this.failed++;
		console.log(`not ok - ${this.prefix}${desc}`);
		for (const d of details) if (d !== undefined && d !== '') console.log(indent(d));
	}

	skip(desc, reason) {
		this.skipped++;
		console.log(`# skipped - ${this.prefix}${desc}: ${reason}`);
	}

	// check(desc, fn): runs fn; a throw or a false result is "not ok". The
	// file goes on. Returns true when it passed.
	async check(desc, fn) {
		const t0 = Date.now();
		try {
			const r = await fn();
			if (r === false) {
				this.notOk(desc, 'the check returned false');
				return false;
			}
			this.ok(desc);
			if (process.env.BROWSER_TIMES)
				console.log(`#   ${Date.now() - t0} ms`);
			return true;
		} catch (e) {
			this.notOk(desc, e instanceof Stop ? e.message : (e?.stack || String(e)));
			return false;
		}
	}

	// step(desc, fn): like check, but what follows needs it: on failure the
	// file stops (Stop is caught by main.mjs).
	async step(desc, fn) {
		if (!(await this.check(desc, fn)))
			throw new Stop(`stopped after: ${desc}`);
	}

	async launch() {
		if (this.browser)
			return this.browser;
		this.browser = await chromium.launch({
			executablePath: CHROMIUM,
			headless: true,
			args: CHROMIUM_ARGS,
			timeout: 30_000,
		});
		return this.browser;
	}

	// newPage(): a page in a fresh context (cookies of its own). Each
	// page records script errors and failed requests for visit() to report.
	async newPage(options = {}) {
		const browser = await this.launch();
		const context = await browser.newContext({ viewport: VIEWPORTS[0], ...options });
		context.setDefaultTimeout(TIMEOUT_MS);
		context.setDefaultNavigationTimeout(TIMEOUT_MS);
		const page = await context.newPage();
		page.problems = [];
		page.on('pageerror', (e) => page.problems.push(`script error: ${e.message}`));
		page.on('console', (m) => {
			// Chrome logs a 4xx document as a console error; responses are
			// checked below, for sub-resources only.
			if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
				page.problems.push(`console error: ${m.text()}`);
		});
		page.on('requestfailed', (r) =>
			page.problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
		page.on('response', (r) => {
			if (r.status() >= 400 && r.request().resourceType() !== 'document')
				page.problems.push(`${r.status()} for ${r.url()}`);
		});
		return page;
	}

	// startApp({ mail }): `copro init` on a new database in a temporary
	// folder, then `copro serve` on a free port. Returns { url, db, log(),
	// stop() }. With mail: true, the tests' SMTP server (tests/smtp_sink.py)
	// runs beside it and copro sends through it (app.sink; read what it
	// received with latestMail).
	async startApp({ mail = false } = {}) {
		const dir = mkdtempSync(path.join(os.tmpdir(), 'copro-browser-'));
		const db = path.join(dir, 'copro.db');
		execFileSync(COPRO, ['--db', db, 'init'], { stdio: 'pipe' });
		const sink = mail ? await startSink(path.join(dir, 'mail')) : null;
		let lastError = '';
		for (let attempt = 0; attempt < 3; attempt++) {
			const port = await freePort();
			const app = await serve(db, port, {}, sink);
			if (app.ready) {
				app.dir = dir;
				this.servers.add(app);
				return app;
			}
			lastError = app.log();
		}
		sink?.stop();
		rmSync(dir, { recursive: true, force: true });
		throw new Error(`copro serve did not start:\n${lastError}`);
	}

	// restartApp(app, env): stops app's server (it must stop cleanly) and
	// serves the same database again with `env` added to the environment
	// (COPRO_NOW: another day). Returns the new app.
	async restartApp(app, env) {
		this.servers.delete(app);
		const { code } = await app.stop({ keepSink: true });
		const report = /ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:/.test(app.log());
		if (code !== 0 || report)
			throw new Error(`copro serve did not stop cleanly before its restart:\n${app.log().slice(-4000)}`);
		const next = await serve(app.db, await freePort(), env, app.sink);
		if (!next.ready)
			throw new Error(`copro serve did not start again:\n${next.log()}`);
		next.dir = app.dir;
		this.servers.add(next);
		return next;
	}

	// stopApp(app): SIGTERM, then checks the server stopped by itself, with
	// exit status 0 and no sanitizer report (the suite runs on the ASan and
	// UBSan build of copro).
	async stopApp(app, label) {
		this.servers.delete(app);
		const { code, signal } = await app.stop();
		rmSync(app.dir, { recursive: true, force: true });
		const log = app.log();
		const report = /ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:/.test(log);
		if (code === 0 && !report)
			this.ok(`${label}: the server stopped cleanly with no sanitizer report`);
		else
			this.notOk(`${label}: the server stopped cleanly with no sanitizer report`,
				`exit code ${code}, signal ${signal}`, log.slice(-6000));
	}

	// Stops everything still running: browser and servers. Safe to call twice.
	async shutdown() {
		for (const app of this.servers) {
			await app.stop();
			rmSync(app.dir, { recursive: true, force: true });
		}
		this.servers.clear();
		if (this.browser) {
			await this.browser.close().catch(() => {});
			this.browser = null;
		}
	}

	// For exits that cannot wait (a signal, process.exit): synchronous.
	killNow() {
		for (const app of this.servers) {
			app.child.kill('SIGKILL');
			app.sink?.stop();
			rmSync(app.dir, { recursive: true, force: true });
		}
		this.servers.clear();
	}

	// visit(page, name): the checks every page gets: axe-core finds no WCAG
	// 2.2 AA violation, nothing overflows sideways at 375 px, no script
	// error or failed request; and screenshots at both sizes, saved as
	// build/screenshots/FILE-NAME-WxH.png.
	async visit(page, name, { axe = true, shots = true } = {}) {
		if (axe)
			await this.check(`${name}: axe-core finds no WCAG 2.2 AA violations`, async () => {
				const violations = await axeScan(page);
				if (violations.length)
					throw new Stop(formatViolations(violations));
			});
		await this.check(`${name}: no script errors or failed requests`, async () => {
			const problems = page.problems.splice(0);
			if (problems.length)
				throw new Stop(problems.join('\n'));
		});
		if (shots)
			await this.check(`${name}: screenshots at 1280x800 and 375x812, no sideways scrolling at 375`, async () => {
				const wide = await screenshots(page, this.file ? `${this.file}-${name}` : name);
				if (wide)
					throw new Stop(`at 375 px the page is ${wide} px wide`);
			});
	}
}

// axeScan(page): the WCAG violations axe-core finds on the page. A page
// without frames (all of copro's) gets axe-core put in once and axe.run,
// the rules and options AxeBuilder.withTags would run: AxeBuilder's own
// analyze() puts axe-core into the page, then again into a blank page it
// opens to merge each frame's results, which took two thirds of every
// scan (5.5 s against 1.5 s on the sign-in page, machine under load). A
// page with frames still goes through AxeBuilder, frame by frame.
export async function axeScan(page) {
	if (page.frames().length > 1)
		return (await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations;
	await page.evaluate(AXE_SOURCE);
	const outcome = await page.evaluate(async (tags) => {
		try {
			window.axe.configure({ branding: { application: 'playwright' } });
			const results = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
			return { violations: results.violations };
		} catch (e) {
			return { error: String(e?.stack || e) };
		}
	}, AXE_TAGS);
	if (outcome.error)
		throw new Error(`axe-core did not run: ${outcome.error}`);
	return outcome.violations;
}

// One readable block per rule: impact, rule, what it wants, where, why.
export function formatViolations(violations) {
	const out = [];
	for (const v of violations) {
		out.push(`[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`);
		for (const n of v.nodes.slice(0, 5)) {
			out.push(`    at ${n.target.join(' ')}: ${n.html.slice(0, 160)}`);
			if (n.failureSummary)
				out.push(...n.failureSummary.split('\n').slice(0, 4).map((l) => `      ${l.trim()}`));
		}
		if (v.nodes.length > 5)
			out.push(`    ... and ${v.nodes.length - 5} more`);
	}
	return out.join('\n');
}

// Full-page screenshots at each size; returns the page width at 375 when it
// scrolls sideways, else 0. The viewport is put back afterwards.
export async function screenshots(page, name) {
	mkdirSync(SHOTS, { recursive: true });
	const before = page.viewportSize();
	const cdp = await page.context().newCDPSession(page);
	let wide = 0;
	try {
		for (const v of VIEWPORTS) {
			await page.setViewportSize(v);
			await fullPageShot(page, cdp, path.join(SHOTS, `${name}-${v.width}x${v.height}.png`));
			if (v.width < 400) {
				const w = await page.evaluate(() => document.documentElement.scrollWidth);
				if (w > v.width)
					wide = w;
			}
		}
	} finally {
		await cdp.detach().catch(() => {});
	}
	await page.setViewportSize(before);
	return wide;
}

// fullPageShot(page, cdp, file): the whole page as a PNG, as page.screenshot
// ({ fullPage: true }) takes it once the fonts have loaded, but through
// Chromium's faster PNG encoding (optimizeForSpeed), which page.screenshot
// does not offer: a pair of screenshots took 1.25 s against 1.84 s (the help
// page, machine under load). A text caret may show: the pictures are for
// people to look at, and no check compares them.
async function fullPageShot(page, cdp, file) {
	await page.evaluate(() => document.fonts.ready.then(() => {}));
	const { cssContentSize } = await cdp.send('Page.getLayoutMetrics');
	const { data } = await cdp.send('Page.captureScreenshot', {
		format: 'png', optimizeForSpeed: true, captureBeyondViewport: true,
		clip: { x: 0, y: 0, width: Math.ceil(cssContentSize.width), height: Math.ceil(cssContentSize.height), scale: 1 },
	});
	writeFileSync(file, Buffer.from(data, 'base64'));
}

// overlaps(page): text drawn over other text or over a control, at the
// page's current size: the boxes of every line of visible text, and of
// every button, field and radio label, compared pairwise (a box and what
// it contains are not compared). Returns one line per pair, "" for none.
export async function overlaps(page) {
	return page.evaluate(() => {
		const shown = (el) => {
			for (let e = el; e; e = e.parentElement) {
				const cs = getComputedStyle(e);
				if (cs.display === 'none' || cs.visibility === 'hidden' || cs.opacity === '0' ||
					e.classList.contains('govuk-visually-hidden') || e.classList.contains('govuk-skip-link'))
					return false;
			}
			return true;
		};
		const boxes = [];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			if (!n.data.trim() || !shown(n.parentElement))
				continue;
			const range = document.createRange();
			range.selectNodeContents(n);
			for (const r of range.getClientRects())
				if (r.width > 1 && r.height > 1)
					boxes.push({ r, node: n, what: `"${n.data.trim().slice(0, 40)}"` });
		}
		for (const el of document.querySelectorAll('button, textarea, input:not([type=hidden]):not([type=radio]):not([type=checkbox]), .govuk-radios__label, .govuk-checkboxes__label'))
			if (shown(el) && el.getBoundingClientRect().width > 1)
				boxes.push({ r: el.getBoundingClientRect(), node: el, what: `<${el.tagName.toLowerCase()}>` });
		const problems = [];
		for (let i = 0; i < boxes.length; i++)
			for (let j = i + 1; j < boxes.length; j++) {
				const a = boxes[i], b = boxes[j];
				if (a.node === b.node || a.node.contains(b.node) || b.node.contains(a.node))
					continue;
				const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
				const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
				// Neighbouring lines' boxes may touch by a few pixels.
				if (w > 2 && h > 0.4 * Math.min(a.r.height, b.r.height))
					problems.push(`${a.what} and ${b.what} overlap (${Math.round(w)}x${Math.round(h)} px)`);
			}
		return problems.slice(0, 10).join('\n');
	});
}

// misdrawnRadios(page): radios whose ring (the label's ::before, what a
// person sees and taps) is not drawn over the input (the touch target that
// takes the tap): in a right-to-left page GOV.UK Frontend's ring stays on
// the left unless copro's style moves it. Returns one line per radio.
export async function misdrawnRadios(page) {
	return page.evaluate(() => {
		const out = [];
		for (const input of document.querySelectorAll('input[type=radio]')) {
			const label = input.labels?.[0];
			if (!label)
				continue;
			const item = input.parentElement.getBoundingClientRect();
			const box = input.getBoundingClientRect();
			const cs = getComputedStyle(label, '::before');
			const w = parseFloat(cs.width);
			const left = cs.left !== 'auto' ? item.left + parseFloat(cs.left) : item.right - parseFloat(cs.right) - w;
			if (left + w < box.left + 4 || left > box.right - 4)
				out.push(`"${label.innerText.trim()}": ring at ${Math.round(left)} px, input at ${Math.round(box.left)} to ${Math.round(box.right)} px`);
		}
		return out.join('\n');
	});
}

// submit(page, action): runs action (a click or a key press that sends a
// form or follows a link) and waits for the new page to load. Returns the
// final document response (after redirects), so callers can check status.
export async function submit(page, action) {
	let last = null;
	const onResponse = (r) => {
		if (r.request().isNavigationRequest() && r.frame() === page.mainFrame())
			last = r;
	};
	page.on('response', onResponse);
	try {
		const loaded = page.waitForEvent('load');
		await action();
		await loaded;
	} finally {
		page.off('response', onResponse);
	}
	return last;
}

// The path of the page's address: "/setup".
// Types `iso` (YYYY-MM-DD) into the GOV.UK date input named by its legend,
// the way people do: "31", "1", "2027".
export async function fillDate(scope, legend, iso) {
	const [y, m, d] = iso.split('-');
	const group = scope.getByRole('group', { name: legend, exact: true });
	await group.getByLabel('Day', { exact: true }).fill(String(Number(d)));
	await group.getByLabel('Month', { exact: true }).fill(String(Number(m)));
	await group.getByLabel('Year', { exact: true }).fill(y);
}

// What a date input named by its legend holds, as YYYY-MM-DD.
export async function dateValue(scope, legend) {
	const group = scope.getByRole('group', { name: legend, exact: true });
	const part = async (label) => group.getByLabel(label, { exact: true }).inputValue();
	return `${await part('Year')}-${(await part('Month')).padStart(2, '0')}-${(await part('Day')).padStart(2, '0')}`;
}

export function pathOf(page) {
	return new URL(page.url()).pathname;
}

export function expect(cond, message) {
	if (!cond)
		throw new Stop(message);
}

export function expectEqual(got, want, what) {
	if (got !== want)
		throw new Stop(`${what}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
}

function freePort() {
	return new Promise((resolve, reject) => {
		const s = net.createServer();
		s.unref();
		s.on('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address();
			s.close(() => resolve(port));
		});
	});
}

// Starts `copro serve` and waits until it answers (or exits); with a
// sink, sending mail through it (a config file beside the database) with
// links to this server.
async function serve(db, port, env = {}, sink = null) {
	let args = ['--db', db, 'serve', '--port', String(port), '--assets', ASSETS];
	if (sink) {
		const config = path.join(path.dirname(db), 'copro.conf');
		writeFileSync(config, `smtp-url = ${sink.url}\nsmtp-ca-file = ${sink.ca}\nmail-from = copro@example.org\n`);
		args = ['--config', config, ...args, '--base-url', `http://localhost:${port}`];
	}
	const child = spawn(COPRO, args, {
		stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env },
	});
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	let exited = null;
	const exit = new Promise((resolve) =>
		child.on('exit', (code, signal) => resolve((exited = { code, signal }))));
	// Sign-in cookies are Secure: browsers take them over plain http only
	// from localhost, so the suite uses that name (copro listens on
	// 127.0.0.1, which Chromium tries for localhost).
	const app = {
		child,
		db,
		port,
		url: `http://localhost:${port}`,
		log: () => output,
		ready: false,
		sink,
		async stop({ keepSink = false } = {}) {
			if (!exited) {
				child.kill('SIGTERM');
				const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
				await exit;
				clearTimeout(timer);
			}
			if (sink && !keepSink)
				sink.stop();
			return exited;
		},
	};
	const deadline = Date.now() + 20_000;
	while (!exited && Date.now() < deadline) {
		try {
			const r = await fetch(`http://127.0.0.1:${port}/sign-in`, { redirect: 'manual' });
			await r.arrayBuffer();
			app.ready = true;
			return app;
		} catch {
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	await app.stop();
	return app;
}

// The tests' SMTP server (tests/smtp_sink.py, STARTTLS with a certificate
// of its own) writing what it receives into `dir`: { dir, port, url, ca,
// stop() }.
export async function startSink(dir) {
	const child = spawn('/usr/bin/python3', [path.join(ROOT, 'tests/smtp_sink.py'), dir], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	const port = await new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`the SMTP sink did not start: ${output}`)), 20_000);
		const seen = (d) => {
			output += d;
			const m = /^port (\d+)$/m.exec(output);
			if (m) {
				clearTimeout(timer);
				resolve(Number(m[1]));
			}
		};
		child.stdout.on('data', seen);
		child.stderr.on('data', (d) => (output += d));
		child.on('exit', () => reject(new Error(`the SMTP sink exited: ${output}`)));
	});
	return {
		dir, port, url: `smtp://127.0.0.1:${port}`, ca: path.join(dir, 'tls/cert.pem'),
		stop() { child.kill('SIGTERM'); },
	};
}

// latestMail(app, address, what): the latest email app's sink received for
// `address`, waiting up to 15 s: what is 'text' (its decoded text), 'link'
// (the first link in it), 'subject', 'header:NAME', 'count' or 'file'
// (tests/mail_read.py). Throws when there is none.
export function latestMail(app, address, what = 'text', { wait = 15 } = {}) {
	return execFileSync('/usr/bin/python3', [path.join(ROOT, 'tests/mail_read.py'), app.sink.dir, address,
		what, '--wait', String(wait)], { encoding: 'utf8' }).trim();
}

// The administrator every journey creates on its fresh database.
export const ADMIN = {
	name: 'Asha Patel',
	email: 'asha.patel@example.org',
	area: 'Rotherham',
	password: 'correct horse battery staple',
};

// setupCode(app): the set-up code `copro serve` printed when it started
// on a database with no account (the latest, after a restart), as a
// person reads it from the terminal; /setup asks for it.
export function setupCode(app) {
	const codes = [...app.log().matchAll(/^Set-up code: ([0-9A-Z-]+)$/gm)];
	if (!codes.length)
		throw new Error(`copro serve printed no set-up code:\n${app.log().slice(-2000)}`);
	return codes[codes.length - 1][1];
}

// setUp(page, app): creates the administrator through /setup with the
// mouse and form filling (for files that test what comes after). Leaves
// the page on home, signed in.
export async function setUp(page, app, who = ADMIN) {
	await page.goto(`${app.url}/setup`);
	await page.getByLabel('Set-up code').fill(setupCode(app));
	await page.getByLabel('Your name').fill(who.name);
	await page.getByLabel('Email address').fill(who.email);
	await page.getByLabel('Your local area').fill(who.area);
	await page.getByLabel('Create a password').fill(who.password);
	const r = await submit(page, () => page.getByRole('button', { name: 'Create the administrator' }).click());
	expectEqual(pathOf(page), '/', 'the address after set-up');
	expectEqual(r?.status(), 200, 'the status of home');
}

// addOrganisation(page, org): on home, adds one with the form. Leaves the
// page on the new organisation's home and returns its id.
export async function addOrganisation(page, org) {
	const form = page.locator('form[action$="/organisations"]');
	await form.getByLabel('Name', { exact: true }).fill(org.name);
	if (org.type)
		await form.getByLabel('Type (optional)').fill(org.type);
	await form.getByLabel(org.sector, { exact: true }).check();
	await submit(page, () => form.getByRole('button', { name: 'Add organisation' }).click());
	const m = pathOf(page).match(/^\/org\/(\d+)$/);
	expect(m, `expected the organisation's page after adding it, got ${page.url()}`);
	return Number(m[1]);
}

// ---- keyboard ------------------------------------------------------------

// markFocusBaseline(page): records how every focusable element looks before
// it has focus, so focused() can tell whether focus is visible (the style
// changes: GOV.UK's yellow outline, background or shadow). Call it once the
// page has loaded and before any Tab.
export async function markFocusBaseline(page) {
	await page.evaluate(() => {
		const look = (el) => {
			const parts = [];
			const add = (cs) => parts.push(cs.outlineStyle, cs.outlineWidth, cs.outlineColor, cs.boxShadow,
				cs.backgroundColor, cs.borderColor, cs.borderWidth, cs.color, cs.textDecorationLine,
				cs.textDecorationThickness);
			add(getComputedStyle(el));
			// GOV.UK radios and checkboxes draw focus on the label's ::before.
			if ((el.type === 'radio' || el.type === 'checkbox') && el.labels?.[0])
				add(getComputedStyle(el.labels[0], '::before'));
			return parts.join('|');
		};
		const base = new WeakMap();
		for (const el of document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]'))
			base.set(el, look(el));
		window.__coproFocus = { base, look };
	});
}

// focused(page): the focused element as { tag, id, type, name, visible },
// where name is its label, aria-label or text, and visible is whether its
// look differs from its baseline (null when there is none).
export async function focused(page) {
	return page.evaluate(() => {
		const el = document.activeElement;
		if (!el || el === document.body)
			return { tag: 'body', id: '', type: '', name: '', visible: null };
		const f = window.__coproFocus;
		const before = f?.base.get(el);
		const name = (el.getAttribute('aria-label') || el.labels?.[0]?.innerText || el.innerText || el.value || '')
			.trim().replace(/\s+/g, ' ').slice(0, 80);
		return {
			tag: el.tagName.toLowerCase(), id: el.id, type: el.type || '', name,
			visible: before === undefined ? null : before !== f.look(el),
		};
	});
}

export function describeFocus(f) {
	return `${f.tag}${f.id ? `#${f.id}` : ''}${f.name ? ` "${f.name}"` : ''}`;
}

function focusMatches(f, want) {
	if (want.id !== undefined && f.id !== want.id)
		return false;
	if (want.tag !== undefined && f.tag !== want.tag)
		return false;
	if (want.name !== undefined && !(want.name instanceof RegExp ? want.name.test(f.name) : f.name === want.name))
		return false;
	return true;
}

// tabTo(page, want, {max, key}): presses Tab (or key, e.g. 'Shift+Tab')
// until the focused element matches want ({ id, tag, name }), at most max
// times. Checks that focus is visible on every element passed. Returns the
// elements passed, as descriptions.
export async function tabTo(page, want, { max = 25, key = 'Tab' } = {}) {
	const seen = [];
	for (let i = 0; i < max; i++) {
		await page.keyboard.press(key);
		const f = await focused(page);
		seen.push(describeFocus(f));
		if (f.visible === false)
			throw new Stop(`focus is not visible on ${describeFocus(f)}`);
		if (focusMatches(f, want))
			return seen;
	}
	throw new Stop(`${max} presses of ${key} did not reach ${JSON.stringify(want, (k, v) => v instanceof RegExp ? String(v) : v)}; ` +
		`focus went: ${seen.join(' -> ')}`);
}

// press(page, key, want): one key press that must land focus on want.
export async function pressTo(page, key, want) {
	return tabTo(page, want, { max: 1, key });
}

// ---- the demo data ---------------------------------------------------------

export const DEMO_PASSWORD = 'correct horse battery staple';

// coproCli(db, args, input): runs a copro command on the app's database
// (the demo, a user); answers its output.
export function coproCli(db, args, input) {
	return execFileSync(COPRO, ['--db', db, ...args], { input, stdio: ['pipe', 'pipe', 'pipe'] }).toString();
}

// signInAs(page, app, email): the sign-in form with DEMO_PASSWORD.
export async function signInAs(page, app, email, password = DEMO_PASSWORD) {
	await page.goto(`${app.url}/sign-in`);
	const form = page.locator('form[action="/sign-in"]');
	await form.getByLabel('Email address').fill(email);
	await form.getByLabel('Password').fill(password);
	await submit(page, () => form.getByRole('button', { name: 'Sign in' }).click());
	expect(pathOf(page) !== '/sign-in', `${email} could not sign in`);
}
