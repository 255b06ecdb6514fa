/*
 * revtag explorer: search, facet filters, a world map and record detail over
 * the local JSON API. Every value from the data reaches the page as text
 * (textContent, attributes), never as HTML; snippet highlights arrive as the
 * private-use marks U+E000 / U+E001 and become <mark> elements here.
 */
'use strict';
(function () {
  const PAGE = 20;                 // results per page
  const SHOW = 12;                 // labels shown per facet before "show all"
  const FACET_ORDER = ['country', 'policy_area', 'approach', 'theme'];
  const FACET_TITLES = {
    country: 'Country', policy_area: 'Policy area', approach: 'Approach', theme: 'Theme',
  };
  const SVGNS = 'http://www.w3.org/2000/svg';
  const MARK_OPEN = '\uE000';
  const MARK_CLOSE = '\uE001';
  const TEXT_PREVIEW = 3000;       // characters of a record's text shown before "show all"

  // What is asked for: kept in the URL fragment so Back and links work.
  const state = { q: '', filters: new Map(), source: 'all', minScore: 0, offset: 0, record: '' };
  const countries = new Map();     // alpha-2 -> {name, lat, lon}
  const expanded = new Set();      // facets showing all their labels
  let seq = 0;                     // number of the latest search; older answers are dropped

  const $ = (id) => document.getElementById(id);

  /* Element TAG with attributes ATTRS (class, data-*, ...) and children (strings become text). */
  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    setAttrs(e, attrs);
    for (const k of kids) if (k !== null && k !== undefined) e.append(k);
    return e;
  }
  function svg(tag, attrs) {
    const e = document.createElementNS(SVGNS, tag);
    setAttrs(e, attrs);
    return e;
  }
  function setAttrs(e, attrs) {
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === false || v === null || v === undefined) continue;
      e.setAttribute(k, v === true ? '' : String(v));
    }
  }

  function facetTitle(f) {
    return FACET_TITLES[f] || f.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
  }
  function facetRank(f) {
    const i = FACET_ORDER.indexOf(f);
    return i < 0 ? FACET_ORDER.length : i;
  }
  function labelText(facet, label) {
    if (facet === 'country' && countries.has(label)) return countries.get(label).name;
    return label;
  }
  function fmtScore(s) {
    return typeof s === 'number' ? s.toFixed(2) : '';
  }

  /* ------------------------------------------------------------ state <-> URL */

  function queryParams() {
    const p = new URLSearchParams();
    if (state.q.trim()) p.set('q', state.q);
    for (const [f, labels] of state.filters) for (const l of labels) p.append('facet', f + ':' + l);
    if (state.source !== 'all') p.set('source', state.source);
    if (state.minScore > 0) p.set('min_score', String(state.minScore));
    return p;
  }

  function writeHash() {
    const p = queryParams();
    if (state.offset) p.set('offset', String(state.offset));
    if (state.record) p.set('record', state.record);
    const h = p.toString();
    if (location.hash.slice(1) === h) run();
    else location.hash = h;        // hashchange runs the search
  }

  function readHash() {
    const p = new URLSearchParams(location.hash.slice(1));
    state.q = p.get('q') || '';
    state.filters = new Map();
    for (const v of p.getAll('facet')) {
      const i = v.indexOf(':');
      if (i > 0) addFilter(v.slice(0, i), v.slice(i + 1));
    }
    state.source = ['manual', 'predicted'].includes(p.get('source')) ? p.get('source') : 'all';
    state.minScore = Math.min(1, Math.max(0, Number(p.get('min_score')) || 0));
    state.offset = Math.max(0, parseInt(p.get('offset'), 10) || 0);
    state.record = p.get('record') || '';
    $('q').value = state.q;
    $('source').value = state.source;
    $('min-score').value = String(state.minScore);
  }

  function addFilter(f, l) {
    if (!state.filters.has(f)) state.filters.set(f, new Set());
    state.filters.get(f).add(l);
  }
  function toggleFilter(f, l) {
    const set = state.filters.get(f);
    if (set && set.has(l)) {
      set.delete(l);
      if (!set.size) state.filters.delete(f);
    } else {
      addFilter(f, l);
    }
    state.offset = 0;
    writeHash();
  }
  function isOn(f, l) {
    const set = state.filters.get(f);
    return !!(set && set.has(l));
  }

  /* ------------------------------------------------------------ search */

  async function getJSON(url) {
    let res;
    try {
      res = await fetch(url, { headers: { Accept: 'application/json' } });
    } catch (e) {
      return { ok: false, body: { error: 'the revtag server does not answer (' + e.message + ')' } };
    }
    let body;
    try {
      body = await res.json();
    } catch (e) {
      body = { error: 'HTTP ' + res.status };
    }
    return { ok: res.ok, status: res.status, body };
  }

  async function run() {
    const my = ++seq;
    document.body.dataset.state = 'loading';
    const p = queryParams();
    p.set('limit', String(PAGE));
    if (state.offset) p.set('offset', String(state.offset));
    const r = await getJSON('/api/search?' + p.toString());
    if (my !== seq) return;
    if (r.ok) {
      showError('');
      render(r.body);
    } else {
      showError(r.body.error || 'HTTP ' + r.status);
      render({ total: 0, results: [], facets: {} });
    }
    if (state.record) await showRecord(state.record);
    else closeRecord(false);
    if (my !== seq) return;
    document.body.dataset.seq = String(my);   // lets tests wait for this search
    document.body.dataset.state = 'ready';
  }

  function showError(msg) {
    const e = $('error');
    e.textContent = msg ? 'Search failed: ' + msg : '';
    e.hidden = !msg;
  }

  function render(res) {
    renderSummary(res);
    renderFacets(res.facets || {});
    renderMap((res.facets || {}).country || {});
    renderResults(res.results || []);
    renderPager(res.total || 0, (res.results || []).length);
  }

  /* ------------------------------------------------------------ summary */

  function renderSummary(res) {
    $('total').textContent = String(res.total);
    $('total-label').textContent = res.total === 1 ? 'record' : 'records';
    const active = $('active');
    active.replaceChildren();
    for (const [f, labels] of state.filters) {
      for (const l of labels) {
        const b = el('button', { type: 'button', class: 'chip', title: 'Remove this filter' },
          facetTitle(f) + ': ' + labelText(f, l) + ' \u00d7');
        b.addEventListener('click', () => toggleFilter(f, l));
        active.append(b);
      }
    }
    const p = queryParams();
    for (const a of document.querySelectorAll('.exports a')) {
      p.set('format', a.dataset.format);
      a.href = '/api/export?' + p.toString();
    }
  }

  /* ------------------------------------------------------------ facets */

  function renderFacets(facets) {
    const box = $('facets');
    box.replaceChildren();
    const names = Object.keys(facets);
    for (const f of state.filters.keys()) if (!names.includes(f)) names.push(f);
    names.sort((a, b) => facetRank(a) - facetRank(b) || (a < b ? -1 : a > b ? 1 : 0));
    for (const f of names) box.append(facetBox(f, new Map(Object.entries(facets[f] || {}))));
    if (!names.length) box.append(el('p', { class: 'note' }, 'No labels in these records.'));
  }

  function facetBox(f, counts) {
    const sel = state.filters.get(f) || new Set();
    for (const l of sel) if (!counts.has(l)) counts.set(l, 0);
    const labels = [...counts.entries()].sort((a, b) =>
      b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const ul = el('ul');
    const all = expanded.has(f);
    labels.forEach(([l, n], i) => {
      if (!all && i >= SHOW && !sel.has(l)) return;
      ul.append(facetItem(f, l, n));
    });
    const div = el('div', { class: 'facet', 'data-facet': f },
      el('h2', null, el('span', null, facetTitle(f)), el('span', { class: 'count' }, String(labels.length))),
      ul);
    if (labels.length > SHOW) {
      const more = el('button', { type: 'button', class: 'linklike more' },
        all ? 'show fewer' : 'show all ' + labels.length);
      more.addEventListener('click', () => {
        if (all) expanded.delete(f); else expanded.add(f);
        div.replaceWith(facetBox(f, counts));
      });
      div.append(more);
    }
    return div;
  }

  function facetItem(f, l, n) {
    const box = el('input', { type: 'checkbox', 'data-facet': f, 'data-label': l, checked: isOn(f, l) });
    box.addEventListener('change', () => toggleFilter(f, l));
    const name = el('span', { class: 'label' }, labelText(f, l));
    if (f === 'country') name.title = l;
    return el('li', { class: isOn(f, l) ? 'on' : null },
      el('label', null, box, name, el('span', { class: 'count', 'data-count': n }, String(n))));
  }

  /* ------------------------------------------------------------ map */

  // Equirectangular: x = longitude, y = -latitude, in the SVG's own units.
  function ringsPath(rings) {
    let d = '';
    for (const r of rings) {
      for (let i = 0; i + 1 < r.length; i += 2) d += (i ? 'L' : 'M') + r[i] + ' ' + (-r[i + 1]);
      d += 'Z';
    }
    return d;
  }

  function drawMapBase() {
    const map = $('map');
    map.replaceChildren();
    map.append(svg('rect', { class: 'ocean', x: -180, y: -84, width: 360, height: 144 }));
    const grid = svg('g', { class: 'grid' });
    for (let lon = -150; lon <= 150; lon += 30) grid.append(svg('line', { x1: lon, y1: -84, x2: lon, y2: 60 }));
    for (let lat = -60; lat <= 60; lat += 30) {
      grid.append(svg('line', { x1: -180, y1: -lat, x2: 180, y2: -lat, class: lat === 0 ? 'equator' : null }));
    }
    map.append(grid);
    const land = window.REVTAG_LAND || { land: [], water: [] };
    map.append(svg('path', { class: 'land', d: ringsPath(land.land), 'aria-hidden': 'true' }));
    map.append(svg('path', { class: 'water', d: ringsPath(land.water), 'aria-hidden': 'true' }));
    const places = svg('g', { 'aria-hidden': 'true' });
    for (const c of countries.values()) places.append(svg('circle', { class: 'place', cx: c.lon, cy: -c.lat, r: 0.7 }));
    map.append(places);
    map.append(svg('g', { id: 'bubbles' }));
  }

  function renderMap(counts) {
    const g = $('bubbles');
    if (!g) return;
    g.replaceChildren();
    const rows = Object.entries(counts).filter(([code]) => countries.has(code));
    const max = rows.reduce((m, r) => Math.max(m, r[1]), 0);
    rows.sort((a, b) => b[1] - a[1]);      // big circles first, small ones drawn on top
    for (const [code, n] of rows) {
      const c = countries.get(code);
      const r = 1.5 + 8 * Math.sqrt(n / Math.max(max, 8));   // a few records stay small
      const label = c.name + ': ' + n + (n === 1 ? ' record' : ' records');
      const dot = svg('circle', {
        class: 'bubble' + (isOn('country', code) ? ' sel' : ''), cx: c.lon, cy: -c.lat, r: r.toFixed(2),
        tabindex: 0, role: 'button', 'data-country': code, 'data-count': n, 'aria-label': label,
      });
      const t = svg('title');
      t.textContent = label;
      dot.append(t);
      dot.addEventListener('click', () => toggleFilter('country', code));
      dot.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); toggleFilter('country', code); }
      });
      g.append(dot);
      if (r >= 3.4) {
        const txt = svg('text', { class: 'code', x: c.lon, y: -c.lat });
        txt.textContent = code;
        g.append(txt);
      }
    }
  }

  /* ------------------------------------------------------------ results */

  // Text with U+E000 ... U+E001 around matches as text nodes and <mark> elements.
  function snippetNodes(s) {
    const out = [];
    let mark = null;
    for (const part of String(s || '').split(/([\uE000\uE001])/)) {
      if (part === MARK_OPEN) {
        mark = el('mark');
        out.push(mark);
      } else if (part === MARK_CLOSE) {
        mark = null;
      } else if (part) {
        if (mark) mark.append(part); else out.push(document.createTextNode(part));
      }
    }
    return out;
  }

  function tag(facet, lab) {
    const manual = lab.source === 'manual';
    const t = el('span', {
      class: 'tag ' + (manual ? 'manual' : 'predicted'),
      'data-facet': facet, 'data-label': lab.label, 'data-source': lab.source,
      title: facetTitle(facet) + ': ' + labelText(facet, lab.label) +
        (manual ? ' (coded by hand)' : ' (predicted, score ' + fmtScore(lab.score) + ')'),
    }, el('span', { class: 'facet-name' }, facet + ':'), lab.label);
    if (!manual) t.append(el('b', { class: 'score' }, fmtScore(lab.score)));
    return t;
  }

  function renderResults(hits) {
    const ol = $('results');
    ol.replaceChildren();
    for (const h of hits) {
      const open = el('button', { type: 'button', class: 'linklike' }, h.title || '(untitled)');
      open.addEventListener('click', () => { state.record = h.id; writeHash(); });
      const meta = el('div', { class: 'meta' }, h.id);
      if (typeof h.score === 'number') meta.append(' \u00b7 relevance ' + h.score.toFixed(2));
      const tags = el('div', { class: 'tags' });
      for (const [f, labs] of Object.entries(h.labels || {})) for (const lab of labs) tags.append(tag(f, lab));
      ol.append(el('li', { class: 'result' + (h.id === state.record ? ' open' : ''), 'data-id': h.id },
        el('h3', null, open), meta, el('p', { class: 'snippet' }, ...snippetNodes(h.snippet)), tags));
    }
  }

  function renderPager(total, shown) {
    const nav = $('pager');
    nav.replaceChildren();
    if (total <= PAGE && state.offset === 0) return;
    const prev = el('button', { type: 'button', disabled: state.offset === 0 }, '\u2190 Previous');
    const next = el('button', { type: 'button', disabled: state.offset + shown >= total }, 'Next \u2192');
    prev.addEventListener('click', () => { state.offset = Math.max(0, state.offset - PAGE); writeHash(); });
    next.addEventListener('click', () => { state.offset += PAGE; writeHash(); });
    const from = shown ? state.offset + 1 : 0;
    nav.append(prev, el('span', null, from + '\u2013' + (state.offset + shown) + ' of ' + total), next);
  }

  /* ------------------------------------------------------------ record detail */

  async function showRecord(id) {
    const [r, ex] = await Promise.all([getJSON('/api/record/' + encodeURIComponent(id)),
      getJSON('/api/explain/' + encodeURIComponent(id))]);
    const d = $('detail');
    d.replaceChildren();
    const close = el('button', { type: 'button', class: 'secondary close' }, 'Close');
    close.addEventListener('click', () => closeRecord(true));
    d.append(close);
    if (!r.ok) {
      d.append(el('p', { class: 'note' }, r.body.error || 'HTTP ' + r.status));
    } else {
      recordBody(d, r.body, ex);
    }
    d.hidden = false;
    document.querySelector('main').classList.add('with-detail');
    for (const li of document.querySelectorAll('.result')) li.classList.toggle('open', li.dataset.id === id);
  }

  function closeRecord(update) {
    $('detail').hidden = true;
    document.querySelector('main').classList.remove('with-detail');
    for (const li of document.querySelectorAll('.result.open')) li.classList.remove('open');
    if (update && state.record) {
      state.record = '';
      writeHash();
    }
  }

  const KNOWN = new Set(['id', 'title', 'abstract', 'text', 'year', 'type', 'lang', 'labels', 'predicted']);

  function recordBody(d, rec, ex) {
    d.append(el('h2', null, rec.title || '(untitled)'));
    const dl = el('dl');
    const row = (k, v) => { if (v !== undefined && v !== null && v !== '') dl.append(el('dt', null, k), el('dd', null, String(v))); };
    row('id', rec.id);
    row('year', rec.year);
    row('type', rec.type);
    row('language', rec.lang);
    for (const [k, v] of Object.entries(rec)) {
      if (KNOWN.has(k)) continue;
      const s = typeof v === 'string' ? v : JSON.stringify(v);
      row(k, s.length > 300 ? s.slice(0, 300) + '\u2026' : s);
    }
    d.append(dl);
    d.append(labelTable(rec));
    d.append(explainBox(rec, ex));
    if (rec.abstract) d.append(el('h3', null, 'Abstract'), el('p', { class: 'text' }, rec.abstract));
    if (rec.text) d.append(el('h3', null, 'Text'), longText(rec.text));
  }

  // The words behind each predicted label, from /api/explain (served with -m MODEL).
  function explainBox(rec, ex) {
    const box = el('div', { class: 'explain' }, el('h3', null, 'Why these predictions'));
    if (!Object.keys(rec.predicted || {}).length) {
      box.append(el('p', { class: 'note' }, 'No predicted labels.'));
      return box;
    }
    if (!ex.ok) {
      box.append(el('p', { class: 'note' }, ex.status === 404
        ? 'Start revtag serve with -m MODEL (the model that predicted these labels) to see the words behind each one.'
        : 'Explanation unavailable: ' + (ex.body.error || 'HTTP ' + ex.status)));
      return box;
    }
    let n = 0;
    for (const [f, labs] of Object.entries(ex.body.explain || {})) {
      for (const lab of labs) {
        n++;
        const terms = el('ul', { class: 'terms' });
        const max = lab.terms.reduce((m, t) => Math.max(m, t.weight), 0) || 1;
        for (const t of lab.terms) {
          const bar = el('span', { class: 'bar' });
          bar.style.width = Math.max(2, Math.round(36 * t.weight / max)) + 'px';
          terms.append(el('li', { title: 'term "' + t.term + '", ' + t.count + '×, weight ' + t.weight.toFixed(3) },
            bar, ' ' + (t.words.length ? t.words.join(', ') : t.term)));
        }
        if (!lab.terms.length) terms.append(el('li', { class: 'note' }, 'no term raised this score'));
        box.append(el('div', { class: 'why', 'data-facet': f, 'data-label': lab.label },
          el('span', { class: 'tag predicted' }, el('span', { class: 'facet-name' }, f + ':'), lab.label,
            el('b', { class: 'score' }, fmtScore(lab.score))), terms));
      }
    }
    if (!n) box.append(el('p', { class: 'note' }, 'The served model knows none of these predicted labels.'));
    return box;
  }

  function longText(s) {
    const p = el('p', { class: 'text' }, s.length > TEXT_PREVIEW ? s.slice(0, TEXT_PREVIEW) + '\u2026' : s);
    if (s.length <= TEXT_PREVIEW) return p;
    const more = el('button', { type: 'button', class: 'linklike' }, 'show all ' + s.length + ' characters');
    more.addEventListener('click', () => { p.textContent = s; more.remove(); });
    return el('div', null, p, more);
  }

  function labelTable(rec) {
    const rows = [];
    for (const [f, labs] of Object.entries(rec.labels || {})) {
      for (const l of labs) rows.push([f, l, 'manual', null, '']);
    }
    for (const [f, labs] of Object.entries(rec.predicted || {})) {
      for (const l of labs) rows.push([f, l.label, 'predicted', l.score, l.model || '']);
    }
    rows.sort((a, b) => facetRank(a[0]) - facetRank(b[0]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const tb = el('tbody');
    for (const [f, l, src, score, model] of rows) {
      const sc = el('td', { class: 'num' });
      if (typeof score === 'number') {
        const bar = el('span', { class: 'bar' });
        bar.style.width = Math.round(score * 36) + 'px';
        sc.append(bar, ' ' + fmtScore(score));
      }
      const title = src === 'manual' ? 'coded by hand' : 'predicted' + (model ? ' by model ' + model : '');
      tb.append(el('tr', { 'data-source': src, title },
        el('td', null, facetTitle(f)),
        el('td', null, el('span', { class: 'tag ' + src }, labelText(f, l))),
        el('td', null, src), sc));
    }
    const table = el('table', null,
      el('thead', null, el('tr', null, ...['Facet', 'Label', 'Source', 'Score'].map((h) => el('th', null, h)))),
      tb);
    return el('div', null, el('h3', null, 'Labels'), rows.length ? table : el('p', { class: 'note' }, 'No labels.'));
  }

  /* ------------------------------------------------------------ start */

  function bindForm() {
    $('search-form').addEventListener('submit', (e) => {
      e.preventDefault();
      state.q = $('q').value;
      state.source = $('source').value;
      state.minScore = Math.min(1, Math.max(0, Number($('min-score').value) || 0));
      state.offset = 0;
      writeHash();
    });
    $('reset').addEventListener('click', () => {
      state.q = '';
      state.filters = new Map();
      state.source = 'all';
      state.minScore = 0;
      state.offset = 0;
      state.record = '';
      $('q').value = '';
      writeHash();
    });
    window.addEventListener('hashchange', () => { readHash(); run(); });
  }

  async function start() {
    bindForm();
    const r = await getJSON('/api/countries');
    if (r.ok) for (const c of r.body) countries.set(c.code, c);
    drawMapBase();
    readHash();
    await run();
  }

  start();
})();
