// Instruments: the registered ones, and per instrument a candlestick chart of its bars (raw or adjusted) with the
// FLAGGED bars marked and their findings listed. The chart's container carries the series it drew in
// data-series (the API's exact text), so what is drawn can be checked against GET /bars.
import { get, h, withQuery, Problem } from './api.js';

export async function instruments(main) {
  const list = await get('/api/v1/instruments?limit=1000');
  main.innerHTML = `<h1>Instruments</h1>${list.length ? `<div class="scroll" tabindex="0"><table id="instruments"><thead><tr>
    <th>Symbol</th><th>Name</th><th>Type</th><th>Currency</th><th>Exchange</th></tr></thead><tbody>${list.map((i) =>
    `<tr><td><a href="/instruments/${encodeURIComponent(i.symbol)}">${h(i.symbol)}</a></td><td>${h(i.name)}</td>
    <td>${h(i.type)}</td><td>${h(i.currency)}</td><td>${h(i.exchange)}</td></tr>`).join('')}</tbody></table></div>`
    : `<div class="empty" id="no-instruments"><p>No instrument yet. On its first start the command side imports
      the bundled sample prices (a minute or so); a market-data user registers more with
      <code>POST /api/v1/instruments</code>.</p></div>`}`;
}

async function allBars(symbol, adjusted) {
  const bars = [];
  let cursor = null;
  do {
    const page = await get(withQuery(`/api/v1/instruments/${encodeURIComponent(symbol)}/bars`,
      { adjusted: adjusted ? 'true' : '', limit: 1000, cursor }));
    bars.push(...page.bars);
    cursor = page.nextCursor;
  } while (cursor);
  return bars;
}

export async function instrument(main, session, symbol, query) {
  const adjusted = query.get('adjusted') === 'true';
  let bars;
  try {
    bars = await allBars(symbol, adjusted);
  } catch (failure) {
    if (failure instanceof Problem && failure.status === 404) {
      main.innerHTML = `<h1>No instrument ${h(symbol)}</h1><p><a href="/instruments">All instruments</a></p>`;
      return;
    }
    throw failure;
  }
  const path = `/instruments/${encodeURIComponent(symbol)}`;
  const flagged = bars.filter((b) => b.verdict === 'FLAGGED');
  const quality = await get(`/api/v1/instruments/${encodeURIComponent(symbol)}/quality?verdict=REJECTED&limit=1000`);
  main.innerHTML = `<h1>${h(symbol)}</h1>
    <p class="toolbar"><a href="${path}"${adjusted ? '' : ' aria-current="page"'}>Raw prices</a>
      <a href="${path}?adjusted=true"${adjusted ? ' aria-current="page"' : ''}>Adjusted for splits and dividends</a></p>
    ${bars.length ? `<div id="chart" class="chart" role="img" aria-label="Candlestick chart of ${h(symbol)}: ${
      bars.length} bars, ${flagged.length} flagged"></div>` : `<div class="empty" id="no-bars"><p>No bars yet for
      ${h(symbol)}.</p></div>`}
    <h2>Flagged bars</h2>${flagged.length ? `<div class="scroll" tabindex="0"><table id="flagged"><thead><tr><th>Date</th>
    <th>Findings</th></tr></thead><tbody>${flagged.map((b) => `<tr data-date="${h(b.date)}"><td>${h(b.date)}</td>
    <td>${b.findings.map((f) => `${h(f.rule)}: ${h(f.detail)}`).join('<br>')}</td></tr>`).join('')}</tbody></table>
    </div>` : '<p class="hint">None: every bar passed the quality rules.</p>'}
    ${qualitySection(quality)}`;
  if (bars.length) draw(document.getElementById('chart'), bars);
}

/** Verdict counts overall and per rule, and the bars kept out of the chart (REJECTED: quarantined). */
function qualitySection(quality) {
  const verdicts = Object.keys(quality.verdicts);
  const kept = quality.issues;
  return `<h2>Data quality</h2><div class="scroll" tabindex="0"><table id="quality"><thead><tr><th>Rule</th>${verdicts.map((v) =>
    `<th class="num">${h(v)}</th>`).join('')}</tr></thead><tbody><tr data-rule="all"><th scope="row">all bars</th>${
    verdicts.map((v) => `<td class="num" data-verdict="${h(v)}">${h(quality.verdicts[v])}</td>`).join('')}</tr>${
    quality.rules.map((r) => `<tr data-rule="${h(r.rule)}"><th scope="row">${h(r.rule)}</th>${verdicts.map((v) =>
      `<td class="num" data-verdict="${h(v)}">${h(r.verdicts[v] ?? '0')}</td>`).join('')}</tr>`).join('')}
    </tbody></table></div>
    <h2>Kept out of the chart</h2>${kept.length ? `<div class="scroll" tabindex="0"><table id="quarantined"><thead><tr><th>Date</th>
    <th>Verdict</th><th>Findings</th></tr></thead><tbody>${kept.map((issue) => `<tr data-date="${h(issue.date)}"><td>${
      h(issue.date)}</td><td>${h(issue.verdict)}</td><td>${issue.findings.map((f) => `${h(f.rule)}: ${h(f.detail)}`)
      .join('<br>')}</td></tr>`).join('')}</tbody></table></div>` : '<p class="hint">No bar was quarantined.</p>'}`;
}

function draw(box, bars) {
  const series = bars.map((b) => ({ date: b.date, open: b.open, high: b.high, low: b.low, close: b.close,
    verdict: b.verdict }));
  box.dataset.series = JSON.stringify(series);
  const started = performance.now();
  const chart = echarts.init(box);
  // Numbers only for placing the candles; every figure shown (the tooltip) is the API's text.
  chart.setOption({
    animation: false,
    grid: { left: 56, right: 16, top: 16, bottom: 64 },
    tooltip: { trigger: 'axis', formatter: (points) => {
      const bar = series[points[0].dataIndex];
      return `${bar.date}<br>open ${bar.open}<br>high ${bar.high}<br>low ${bar.low}<br>close ${bar.close}${
        bar.verdict === 'FLAGGED' ? '<br><b>FLAGGED</b>' : ''}`;
    } },
    xAxis: { type: 'category', data: series.map((b) => b.date) },
    yAxis: { type: 'value', scale: true },
    dataZoom: [{ type: 'inside' }, { type: 'slider' }],
    series: [{
      type: 'candlestick', name: 'bars',
      itemStyle: { color: '#1f7a3f', color0: '#b3261e', borderColor: '#1f7a3f', borderColor0: '#b3261e' },
      data: series.map((b) => [Number(b.open), Number(b.close), Number(b.low), Number(b.high)]),
      markPoint: { symbol: 'pin', symbolSize: 28, itemStyle: { color: '#d97706' },
        data: series.filter((b) => b.verdict === 'FLAGGED').map((b) => ({ name: 'flagged', value: '!',
          coord: [b.date, Number(b.high)] })) },
    }],
  });
  box.dataset.renderMillis = (performance.now() - started).toFixed(1);
  window.addEventListener('resize', () => chart.resize());
}
