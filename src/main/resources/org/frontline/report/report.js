// The report's page: reads the inline datasets, draws each chart with Vega-Lite (SVG, so that marks are elements
// a test can count), and redraws on a filter change. Text from articles is only ever put on screen as text:
// textContent here, Vega's tooltips (which escape HTML) in the charts.
(function () {
  'use strict';
  const state = { ready: false, errors: [], views: {} };
  window.frontlineReport = state;

  const read = (name) => JSON.parse(document.getElementById('data-' + name).textContent);
  const meta = read('meta');
  const world = read('world');
  const D = {};
  for (const name of ['claims', 'places', 'regions', 'actors', 'pairs', 'runs', 'quarantine', 'totals']) {
    D[name] = read(name);
  }
  const UNITS = { area: 'km²', distance: 'km', settlements: 'settlements', share: '%' };
  const NOT_STATED = '(not stated)';
  const fmt = new Intl.NumberFormat('en');
  const month = (date) => String(date).slice(0, 7);

  // ----- helpers that only ever write text
  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function empty(id, what) {
    const target = document.getElementById(id);
    target.replaceChildren(el('div', what, 'empty'));
  }
  function table(id, columns, rows) {
    const target = document.getElementById(id);
    if (!rows.length) { empty(id, 'None.'); return; }
    const t = el('table');
    const head = t.createTHead().insertRow();
    for (const c of columns) head.appendChild(el('th', c.title, c.num ? 'num' : c.cls));
    const body = t.createTBody();
    for (const r of rows) {
      const tr = body.insertRow();
      for (const c of columns) {
        const v = c.value(r);
        tr.appendChild(el('td', v === undefined || v === null ? '' : (c.num ? fmt.format(v) : v), c.num ? 'num' : c.cls));
      }
    }
    target.replaceChildren(t);
  }
  function select(id, values, all, initial) {
    const s = document.getElementById(id);
    s.replaceChildren();
    if (all) s.appendChild(new Option(all, ''));
    for (const v of values) s.appendChild(new Option(v, v));
    s.value = initial === undefined ? '' : initial;
    s.addEventListener('change', draw);
  }
  // The plot's width: the container's, less room for axis titles and legends.
  function width(id, room) {
    return Math.max(300, document.getElementById(id).clientWidth - (room === undefined ? 130 : room));
  }
  async function chart(id, spec) {
    if (state.views[id]) { state.views[id].finalize(); delete state.views[id]; }
    const result = await vegaEmbed('#' + id, Object.assign({ $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      config: { font: 'system-ui, sans-serif', view: { stroke: null } } }, spec), { renderer: 'svg', actions: false });
    state.views[id] = result.view;
    return result.view;
  }

  // ----- filters
  const months = [...new Set([].concat(D.claims.map((c) => month(c.first_seen)), D.places.map((p) => p.month),
    D.regions.map((r) => r.month), D.actors.map((a) => a.month)))].sort();
  const sides = [...new Set(D.claims.map((c) => c.side || NOT_STATED))].sort();
  const quantities = [...new Set(D.claims.map((c) => c.quantity))].sort();
  select('from', months, null, months[0]);
  select('to', months, null, months[months.length - 1]);
  select('side', sides, 'all sides');
  select('quantity', quantities, 'all quantities');
  const value = (id) => document.getElementById(id).value;
  function inPeriod(m) {
    const from = value('from') || months[0];
    const to = value('to') || months[months.length - 1];
    return (!from || m >= from) && (!to || m <= to);
  }

  // ----- header
  document.getElementById('subtitle').textContent = 'Warehouse ' + meta.warehouse + ' · written ' + meta.generated
    + ' by frontline ' + meta.version;
  const totals = D.totals[0] || {};
  const totalsEl = document.getElementById('totals');
  for (const [label, key] of [['articles', 'articles'], ['territorial figures', 'figures'], ['claims', 'claims'],
    ['place mentions', 'region_mentions'], ['actor mentions', 'actor_mentions'], ['records left out (quarantine)', 'quarantined'],
    ['runs', 'runs']]) {
    totalsEl.appendChild(el('span', fmt.format(totals[key] || 0) + ' ' + label));
  }
  if (totals.first_date) totalsEl.appendChild(el('span', 'published ' + totals.first_date + ' to ' + totals.last_date));

  // ----- the charts
  function claimRows() {
    return D.claims.filter((c) => {
      const first = month(c.first_seen);
      const last = month(c.last_seen);
      const from = value('from') || months[0];
      const to = value('to') || months[months.length - 1];
      return last >= from && first <= to
        && (!value('side') || (c.side || NOT_STATED) === value('side'))
        && (!value('quantity') || c.quantity === value('quantity'));
    }).map((c) => {
      const unit = UNITS[c.quantity] || '';
      const values = c.value_min === c.value_max ? fmt.format(c.value_max) : fmt.format(c.value_min) + '–' + fmt.format(c.value_max);
      const links = c.links || [];
      return {
        claim_id: c.claim_id, quantity: c.quantity, kind: c.kind, side: c.side || NOT_STATED,
        region: c.region_name || NOT_STATED, first_seen: c.first_seen, last_seen: c.last_seen,
        value: c.value_max, values: values + ' ' + unit, reports: c.reports, articles: c.articles,
        claimants: (c.claimants || []).join(', ') || NOT_STATED, sources: (c.source_list || []).join(', '),
        first_article: links.length ? links[0].title || links[0].url || '' : ''
      };
    });
  }

  async function drawClaims() {
    const rows = claimRows();
    document.getElementById('claim-detail').replaceChildren();
    if (!rows.length) { empty('claims', 'No territorial claims in this period and selection.'); return; }
    // A size legend of whole reports: few reports would otherwise get fractional steps.
    const mostReports = Math.max(...rows.map((r) => r.reports));
    const sizeLegend = mostReports <= 5 ? { values: Array.from({ length: mostReports }, (_, i) => i + 1), format: 'd' } : { format: ',d' };
    const view = await chart('claims', {
      data: { values: rows },
      facet: { row: { field: 'quantity', type: 'nominal', title: null, header: { labelAngle: 0, labelAlign: 'left', labelFontWeight: 'bold' } } },
      resolve: { scale: { y: 'independent' } },
      spec: {
        width: width('claims', 300), height: 220,
        mark: { type: 'point', filled: true, opacity: 0.75, cursor: 'pointer' },
        encoding: {
          x: { field: 'first_seen', type: 'temporal', title: 'first reported' },
          y: { field: 'value', type: 'quantitative', title: 'value (largest reported)', scale: { type: 'sqrt', zero: true } },
          color: { field: 'side', type: 'nominal', title: 'side' },
          shape: { field: 'kind', type: 'nominal', title: 'kind' },
          size: { field: 'reports', type: 'quantitative', title: 'reports', scale: { range: [40, 900] },
            legend: sizeLegend },
          tooltip: [
            { field: 'values', title: 'value' }, { field: 'kind' }, { field: 'side' }, { field: 'region' },
            { field: 'claimants' }, { field: 'first_seen', type: 'temporal', title: 'first reported' },
            { field: 'last_seen', type: 'temporal', title: 'last reported' }, { field: 'reports' },
            { field: 'articles' }, { field: 'sources' }, { field: 'first_article', title: 'first article' }
          ]
        }
      }
    });
    view.addEventListener('click', (event, item) => {
      if (item && item.datum && item.datum.claim_id) showClaim(item.datum.claim_id);
    });
  }

  // The articles of one claim, as links; only web addresses become links (the query keeps no other).
  function showClaim(id) {
    const c = D.claims.find((x) => x.claim_id === id);
    const box = document.getElementById('claim-detail');
    box.replaceChildren();
    if (!c) return;
    box.appendChild(el('strong', (c.side || NOT_STATED) + ', ' + c.kind + ' ' + c.quantity + ', '
      + (c.region_name || NOT_STATED) + ': reported by'));
    const list = el('ul');
    for (const l of c.links || []) {
      const li = el('li', l.date + ' · ' + (l.source || '') + ' · ');
      const title = l.title || l.url || '(untitled)';
      if (l.url && /^https?:\/\//.test(l.url)) {
        const a = el('a', title);
        a.href = l.url;
        a.rel = 'noopener noreferrer';
        a.target = '_blank';
        li.appendChild(a);
      } else {
        li.appendChild(el('span', title));
      }
      list.appendChild(li);
    }
    if (c.articles > (c.links || []).length) {
      list.appendChild(el('li', 'and ' + (c.articles - (c.links || []).length) + ' more: jobs/sql "SELECT * FROM'
        + ' territorial_claims WHERE claim_id = \'' + c.claim_id + '\'"'));
    }
    box.appendChild(list);
  }

  function sumBy(rows, keyOf, fields) {
    const acc = new Map();
    for (const r of rows) {
      const k = keyOf(r);
      const a = acc.get(k) || Object.assign({}, r, Object.fromEntries(fields.map((f) => [f, 0])));
      for (const f of fields) a[f] += r[f] || 0;
      acc.set(k, a);
    }
    return [...acc.values()];
  }

  async function drawMap() {
    const places = sumBy(D.places.filter((p) => inPeriod(p.month)),
      (p) => [p.region_name, p.latitude, p.longitude].join('|'), ['articles', 'mentions'])
      .sort((a, b) => b.articles - a.articles).slice(0, meta.places_per_month || 400);
    const w = width('map');
    const layers = [{
      data: { values: world, format: { type: 'topojson', feature: 'countries' } },
      mark: { type: 'geoshape', fill: '#e3e7ea', stroke: '#ffffff', strokeWidth: 0.6 }
    }];
    if (places.length) {
      layers.push({
        data: { values: places },
        mark: { type: 'circle', color: '#b03a2e', opacity: 0.55, stroke: '#7a1f16', strokeWidth: 0.5 },
        encoding: {
          longitude: { field: 'longitude', type: 'quantitative' },
          latitude: { field: 'latitude', type: 'quantitative' },
          size: { field: 'articles', type: 'quantitative', title: 'articles', scale: { range: [12, 900] },
            legend: { format: ',d' } },
          tooltip: [{ field: 'region_name', title: 'place' }, { field: 'region_type', title: 'type' },
            { field: 'country_code', title: 'country' }, { field: 'articles', type: 'quantitative' },
            { field: 'mentions', type: 'quantitative' }]
        }
      });
    }
    await chart('map', { width: w, height: Math.round(w * 0.5), projection: { type: 'equalEarth' }, layer: layers });
  }

  async function drawTop(id, rows, what) {
    const shown = rows.filter((r) => inPeriod(r.month));
    if (!shown.length) { empty(id, 'No ' + what + ' in this period.'); return; }
    await chart(id, {
      data: { values: shown },
      width: { step: 36 },
      mark: 'rect',
      encoding: {
        x: { field: 'month', type: 'ordinal', title: null },
        y: { field: 'name', type: 'nominal', title: null, sort: { op: 'sum', field: 'articles', order: 'descending' } },
        color: { field: 'articles', type: 'quantitative', scale: { scheme: 'oranges' } },
        tooltip: [{ field: 'name', title: what }, { field: 'type' }, { field: 'month' },
          { field: 'articles', type: 'quantitative' }, { field: 'mentions', type: 'quantitative' }]
      }
    });
  }

  async function drawPairs() {
    const pairs = sumBy(D.pairs.filter((p) => inPeriod(p.month)),
      (p) => p.region_name + '\u0000' + p.actor_name, ['articles', 'sentences']);
    if (!pairs.length) { empty('pairs', 'No region and actor named together in this period.'); return; }
    const top = (key) => new Set(sumBy(pairs, (p) => p[key], ['articles']).sort((a, b) => b.articles - a.articles)
      .slice(0, 15).map((p) => p[key]));
    const regions = top('region_name');
    const actors = top('actor_name');
    const shown = pairs.filter((p) => regions.has(p.region_name) && actors.has(p.actor_name));
    await chart('pairs', {
      data: { values: shown },
      mark: 'rect',
      encoding: {
        x: { field: 'actor_name', type: 'nominal', title: 'actor', sort: { op: 'sum', field: 'articles', order: 'descending' },
          axis: { labelAngle: -40 } },
        y: { field: 'region_name', type: 'nominal', title: 'region', sort: { op: 'sum', field: 'articles', order: 'descending' } },
        color: { field: 'articles', type: 'quantitative', scale: { scheme: 'blues' } },
        tooltip: [{ field: 'region_name', title: 'region' }, { field: 'actor_name', title: 'actor' },
          { field: 'articles', type: 'quantitative' }, { field: 'sentences', type: 'quantitative', title: 'sentences' }]
      }
    });
  }

  async function drawQuarantine() {
    const reasons = sumBy(D.quarantine, (q) => q.reason, ['records']);
    if (!reasons.length) { empty('reasons', 'Nothing was left out.'); } else {
      await chart('reasons', {
        data: { values: reasons },
        width: Math.min(600, width('reasons')),
        mark: { type: 'bar', color: '#5f6b76' },
        encoding: {
          y: { field: 'reason', type: 'nominal', title: null, sort: '-x' },
          x: { field: 'records', type: 'quantitative', title: 'records' },
          tooltip: [{ field: 'reason' }, { field: 'records', type: 'quantitative' }]
        }
      });
    }
    table('quarantine', [
      { title: 'reason', value: (q) => q.reason }, { title: 'file', value: (q) => q.source_file },
      { title: 'records', value: (q) => q.records, num: true }, { title: 'first record', value: (q) => q.first_record },
      { title: 'detail', value: (q) => q.detail }, { title: 'start of the record', value: (q) => q.excerpt, cls: 'excerpt' }
    ], D.quarantine);
  }

  function drawRuns() {
    table('runs', [
      { title: 'run', value: (r) => r.run_id }, { title: 'started', value: (r) => r.started },
      { title: 'files', value: (r) => r.input_files, num: true }, { title: 'records read', value: (r) => r.records_read, num: true },
      { title: 'annotated', value: (r) => r.articles_annotated, num: true }, { title: 'duplicates', value: (r) => r.duplicates, num: true },
      { title: 'other languages', value: (r) => r.other_language, num: true }, { title: 'skipped', value: (r) => r.skipped, num: true },
      { title: 'quarantined', value: (r) => r.quarantined, num: true }, { title: 'tokens', value: (r) => r.tokens, num: true },
      { title: 'profile', value: (r) => r.profile }
    ], D.runs);
  }

  // Each part is drawn on its own: one that fails says so in its place and the others still show.
  async function guarded(id, fn) {
    try {
      await fn();
    } catch (e) {
      state.errors.push(id + ': ' + e);
      document.getElementById(id).replaceChildren(el('div', 'This chart could not be drawn: ' + e, 'error'));
    }
  }

  async function draw() {
    state.ready = false;
    await Promise.all([
      guarded('claims', drawClaims), guarded('map', drawMap),
      guarded('regions', () => drawTop('regions', D.regions, 'region')),
      guarded('actors', () => drawTop('actors', D.actors, 'actor')),
      guarded('pairs', drawPairs)]);
    state.ready = true;
  }

  drawRuns();
  guarded('reasons', drawQuarantine).then(draw);
})();
