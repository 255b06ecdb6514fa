#!/usr/bin/env node
/*
 * explorer.test.js - the web explorer end to end in headless Chromium: load
 * the page, run a search, tick a facet, click a country on the map, and
 * check every total and facet count shown against `revtag search --json`
 * with the same query and filters; also bad syntax, record detail, escaping
 * of hostile titles and that the page asks nothing of any other host.
 *
 * usage: node explorer.test.js REVTAG DB SCREENSHOT.png [MODEL]
 */
'use strict';
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const [REVTAG, DB, SHOT, MODEL] = process.argv.slice(2);
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--no-first-run', '--disable-component-update', '--disable-sync'];

let passed = 0;
let failed = 0;
function check(ok, what, detail) {
  if (ok) {
    passed++;
  } else {
    failed++;
    console.log('FAIL: ' + what + (detail ? '\n  ' + detail : ''));
  }
}
function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/* `revtag search --json -n 0` counts for QUERY and FILTERS ([facet, label] pairs), EXTRA options. */
function cliCounts(query, filters, extra) {
  const args = ['search', '-d', DB, '--json', '-n', '0', ...(extra || [])];
  for (const [f, l] of filters) args.push('--facet', f + '=' + l);
  if (query) args.push(query);
  const out = JSON.parse(execFileSync(REVTAG, args, { encoding: 'utf8' }));
  const facets = {};
  for (const [f, labels] of Object.entries(out.facets)) {
    for (const [l, n] of Object.entries(labels)) facets[f + ':' + l] = n;
  }
  for (const [f, l] of filters) if (!(f + ':' + l in facets)) facets[f + ':' + l] = 0;
  return { total: out.total, facets: sorted(facets), countries: sorted(pick(out.facets.country)) };
}
function pick(o) {
  return Object.assign({}, o || {});
}
function sorted(o) {
  return Object.fromEntries(Object.entries(o).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

/* What the page shows: total, every facet check box with its count, map circles. */
async function shown(page) {
  return page.evaluate(() => {
    const facets = {};
    for (const box of document.querySelectorAll('#facets input[type=checkbox]')) {
      const n = box.closest('label').querySelector('.count').dataset.count;
      facets[box.dataset.facet + ':' + box.dataset.label] = Number(n);
    }
    const countries = {};
    for (const c of document.querySelectorAll('#map circle.bubble')) countries[c.dataset.country] = Number(c.dataset.count);
    const checked = [...document.querySelectorAll('#facets input:checked')].map((b) => b.dataset.facet + ':' + b.dataset.label);
    return { total: Number(document.getElementById('total').textContent), facets, countries, checked };
  });
}

/* Do ACTION and wait until the page has rendered the search it starts. */
async function settle(page, action) {
  const before = await page.evaluate(() => Number(document.body.dataset.seq || 0));
  await action();
  await page.waitForFunction((b) => document.body.dataset.state === 'ready' &&
    Number(document.body.dataset.seq) > b, before, { timeout: 10000 });
}

async function compare(page, what, query, filters, extra) {
  const want = cliCounts(query, filters, extra);
  const got = await shown(page);
  check(got.total === want.total, what + ': total', 'page ' + got.total + ', revtag search ' + want.total);
  check(same(sorted(got.facets), want.facets), what + ': facet counts',
    'page ' + JSON.stringify(sorted(got.facets)) + '\n  want ' + JSON.stringify(want.facets));
  check(same(sorted(got.countries), want.countries), what + ': map counts',
    'page ' + JSON.stringify(sorted(got.countries)) + '\n  want ' + JSON.stringify(want.countries));
  const on = filters.map(([f, l]) => f + ':' + l).sort();
  check(same(got.checked.sort(), on), what + ': ticked boxes', JSON.stringify(got.checked));
  return want;
}

function startServer() {
  return new Promise((resolve, reject) => {
    const args = ['serve', '-d', DB, '--port', '0', ...(MODEL ? ['-m', MODEL] : [])];
    const srv = spawn(REVTAG, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    srv.stderr.on('data', (d) => {
      err += d;
      const m = /revtag serve: (http:\/\/\S+)/.exec(err);
      if (m) resolve({ srv, url: m[1] });
    });
    srv.on('exit', (code) => reject(new Error('revtag serve exited ' + code + ': ' + err)));
  });
}

async function steps(page, url) {
  const foreign = [];
  const origin = new URL(url).origin;
  page.on('request', (r) => { if (!r.url().startsWith(origin)) foreign.push(r.url()); });
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });

  // 1. Load: every record, counts of the whole store.
  await settle(page, () => page.goto(url));
  await compare(page, 'load', '', []);
  check(await page.title() === 'revtag explorer', 'hostile titles run no script', await page.title());
  check(await page.locator('#results img, #results script, #results h3 button *, #results .snippet :not(mark)').count() === 0,
    'markup in titles and snippets shown as text');
  check(await page.locator('#results', { hasText: '<img src=x onerror=' }).count() === 1,
    'hostile title shown literally');

  // 2. Search.
  await settle(page, async () => {
    await page.fill('#q', 'outcomes');
    await page.press('#q', 'Enter');
  });
  await compare(page, 'search', 'outcomes', []);
  const marks = await page.locator('#results mark').allTextContents();
  check(marks.length > 0 && marks.every((m) => /^outcome/i.test(m)), 'matches highlighted', JSON.stringify(marks));

  // 3. Tick a facet.
  const sib = ['approach', 'social impact bond'];
  await settle(page, () => page.check('#facets input[data-facet="approach"][data-label="social impact bond"]'));
  await compare(page, 'facet', 'outcomes', [sib]);

  // 4. Click a country on the map.
  await settle(page, () => page.click('#map circle.bubble[data-country="US"]'));
  const want = await compare(page, 'country', 'outcomes', [sib, ['country', 'US']]);
  check(want.total > 0, 'country filter leaves records');
  check(await page.locator('#map circle.bubble.sel[data-country="US"]').count() === 1, 'clicked country marked');
  await page.screenshot({ path: SHOT, fullPage: true });

  // 5. Record detail: labels as stored, manual and predicted apart.
  const first = page.locator('#results .result').first();
  const id = await first.getAttribute('data-id');
  await settle(page, () => first.locator('h3 button').click());
  const detail = await page.evaluate(() => ({
    title: document.querySelector('#detail h2').textContent,
    manual: document.querySelectorAll('#detail tr[data-source=manual]').length,
    predicted: document.querySelectorAll('#detail tr[data-source=predicted]').length,
  }));
  const api = await (await page.request.get(url + 'api/record/' + encodeURIComponent(id))).json();
  const nManual = Object.values(api.labels || {}).reduce((n, v) => n + v.length, 0);
  const nPred = Object.values(api.predicted || {}).reduce((n, v) => n + v.length, 0);
  check(detail.title === api.title, 'detail title', detail.title);
  check(detail.manual === nManual && detail.predicted === nPred, 'detail labels',
    JSON.stringify(detail) + ' want ' + nManual + '/' + nPred);

  // Explanations: one block per predicted label the model knows, each listing words.
  const ex = await (await page.request.get(url + 'api/explain/' + encodeURIComponent(id))).json();
  const nWhy = MODEL ? Object.values(ex.explain || {}).reduce((n, v) => n + v.length, 0) : 0;
  const why = await page.evaluate(() => [...document.querySelectorAll('#detail .why')].map((w) => w.querySelectorAll('li').length));
  check(why.length === nWhy && (!MODEL || nWhy > 0) && why.every((n) => n > 0), 'detail explanations', JSON.stringify(why) + ' want ' + nWhy);

  // 6. Unticking both filters brings the whole search back.
  await settle(page, () => page.click('#map circle.bubble[data-country="US"]'));
  await settle(page, () => page.uncheck('#facets input[data-facet="approach"][data-label="social impact bond"]'));
  await compare(page, 'filters cleared', 'outcomes', []);

  // 7. Label source and minimum score count too; the export link exports the same selection.
  await settle(page, async () => {
    await page.selectOption('#source', 'predicted');
    await page.fill('#min-score', '0.8');
    await page.click('#search-form button[type=submit]');
  });
  await compare(page, 'predicted >= 0.8', 'outcomes', [], ['--source', 'predicted', '--min-score', '0.8']);
  const csv = await page.locator('.exports a[data-format=csv]').getAttribute('href');
  const gotCsv = await (await page.request.get(new URL(csv, url).href)).text();
  const wantCsv = execFileSync(REVTAG, ['export', '-d', DB, '-f', 'csv', '--source', 'predicted',
    '--min-score', '0.8', 'outcomes'], { encoding: 'utf8' });
  check(gotCsv === wantCsv, 'export link = revtag export of the selection', csv);
  await settle(page, async () => {
    await page.selectOption('#source', 'all');
    await page.fill('#min-score', '0');
    await page.click('#search-form button[type=submit]');
  });

  // 8. Bad FTS5 syntax: an error on the page, no results.
  await settle(page, async () => {
    await page.fill('#q', '"unbalanced');
    await page.press('#q', 'Enter');
  });
  const error = await page.locator('#error').textContent();
  check(await page.locator('#error').isVisible() && /unterminated|syntax/i.test(error), 'bad query reported', error);
  check(await page.locator('#results .result').count() === 0, 'bad query: no results');

  check(foreign.length === 0, 'no request to another host', foreign.join(' '));
  check(dialogs.length === 0, 'no dialogs', dialogs.join(' '));
}

async function main() {
  if (!REVTAG || !DB || !SHOT) {
    console.error('usage: node explorer.test.js REVTAG DB SCREENSHOT.png');
    process.exit(2);
  }
  const { srv, url } = await startServer();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'revtag-e2e-'));
  let ctx;
  try {
    ctx = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1400, height: 1000 },
    });
    const page = ctx.pages()[0] || await ctx.newPage();
    page.on('pageerror', (e) => check(false, 'page error', e.message));
    await steps(page, url);
  } catch (e) {
    check(false, 'run', e.stack);
  } finally {
    if (ctx) await ctx.close();
    srv.kill('SIGTERM');
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(passed + ' passed, ' + failed + ' failed');
  process.exit(failed ? 1 : 0);
}

main();
