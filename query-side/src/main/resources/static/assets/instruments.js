// Instruments: the registered ones, and per instrument a candlestick chart of its bars (raw or adjusted) with the
// FLAGGED bars, splits and dividends marked and the newest forecasts overlaid with their intervals, the findings,
// quarantined bars and a few features listed. The chart's container carries what it drew as data attributes
// (data-series, data-actions, data-forecasts: the APIs' exact text), so a test can check them against the APIs.
import { get, h, withQuery, Problem, charts } from './api.js';
import { forecastSection, featureSection, overlay } from './forecasts.js';

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
      { adjusted: adjusted ? 'true' : '', limit: 10000, cursor }));
    bars.push(...page.bars);
    cursor = page.nextCursor;
  } while (cursor);
  return bars;
}

/** A read of the ml-projector that may fail (not started, symbol not reached it yet): the problem instead. */
function optional(promise) {
  return promise.catch((failure) => ({ problem: failure }));
}

/**
 * The chart's reads, started by the shell while the session is still being asked for (the page is drawn only
 * for a signed-in user; a refused read is then never looked at). The bars and actions were usually asked for
 * earlier still, by the shell's inline script (index.html), with the same paths.
 */
export function instrumentReads(symbol, query) {
  const api = `/api/v1/instruments/${encodeURIComponent(symbol)}`;
  const reads = {
    chart: Promise.all([allBars(symbol, query.get('adjusted') === 'true'), get(`${api}/actions`)]),
    forecasts: optional(get(withQuery(`/bff/ml/api/v1/forecasts/${encodeURIComponent(symbol)}`,
      { target: 'CLOSE', limit: 100, show: query.get('forecasts') === 'all' ? 'ALL' : '' }))),
  };
  reads.chart.catch(() => {});
  return reads;
}

export async function instrument(main, session, symbol, query, reads = instrumentReads(symbol, query)) {
  const adjusted = query.get('adjusted') === 'true';
  const allModels = query.get('forecasts') === 'all';
  const path = `/instruments/${encodeURIComponent(symbol)}`;
  const api = `/api/v1/instruments/${encodeURIComponent(symbol)}`;
  const ml = `/bff/ml/api/v1`;
  // The chart waits only for its bars and actions; the quality tables below it are read once they are in.
  const forecastsRead = reads.forecasts;
  let bars;
  let actions;
  try {
    [bars, actions] = await reads.chart;
  } catch (failure) {
    if (failure instanceof Problem && failure.status === 404) {
      main.innerHTML = `<h1>No instrument ${h(symbol)}</h1><p><a href="/instruments">All instruments</a></p>`;
      return;
    }
    throw failure;
  }
  const flagged = bars.filter((b) => b.verdict === 'FLAGGED');
  const link = (params, text, current) => `<a href="${withQuery(path, params)}"${current ? ' aria-current="page"'
    : ''}>${text}</a>`;
  main.innerHTML = `<h1>${h(symbol)}</h1>
    <p class="toolbar">${link({ forecasts: allModels ? 'all' : '' }, 'Raw prices', !adjusted)}
      ${link({ adjusted: 'true', forecasts: allModels ? 'all' : '' }, 'Adjusted for splits and dividends', adjusted)}
      ${link({ adjusted: adjusted ? 'true' : '', forecasts: allModels ? '' : 'all' }, allModels
        ? 'Forecasts of skilled models only' : 'Forecasts of every model')}</p>
    ${bars.length ? `<div id="chart" class="chart" role="img" aria-label="Candlestick chart of ${h(symbol)}: ${
      bars.length} bars, ${flagged.length} flagged, ${actions.length} splits and dividends"></div>`
      : `<div class="empty" id="no-bars"><p>No bars yet for ${h(symbol)}. A market-data user sends them with
      <code>POST /api/v1/instruments/${h(symbol)}/bars</code> or starts an ingestion run.</p></div>`}
    <h2>Forecasts</h2><div id="forecasts"><p class="hint">Asking the ml-projector…</p></div>
    <h2>Splits and dividends</h2>${actionsTable(actions)}
    <h2>Flagged bars</h2>${flagged.length ? `<div class="scroll" tabindex="0"><table id="flagged"><thead><tr><th>Date</th>
    <th>Findings</th></tr></thead><tbody>${flagged.map((b) => `<tr data-date="${h(b.date)}"><td>${h(b.date)}</td>
    <td>${b.findings.map((f) => `${h(f.rule)}: ${h(f.detail)}`).join('<br>')}</td></tr>`).join('')}</tbody></table>
    </div>` : '<p class="hint">None: every bar passed the quality rules.</p>'}
    <div id="quality-section"><h2>Data quality</h2><p class="hint">Reading the verdicts…</p></div>
    <h2>Features</h2><div id="features"><p class="hint">Asking the ml-projector…</p></div>`;
  const chart = bars.length ? draw(document.getElementById('chart'), bars, actions, await charts) : null;
  document.getElementById('quality-section').innerHTML = qualitySection(
    await get(`${api}/quality?verdict=REJECTED&limit=1000`));
  // The newest feature rows: the last ten bars' dates are known now.
  const featuresRead = optional(get(withQuery(`${ml}/features/${encodeURIComponent(symbol)}`,
    { from: bars.length ? bars[Math.max(0, bars.length - 10)].date : '', limit: 10 })));
  const forecasts = await forecastsRead;
  document.getElementById('forecasts').innerHTML = forecastSection(forecasts, allModels, path);
  if (chart && !forecasts.problem) overlay(chart, forecasts.forecasts);
  document.getElementById('features').innerHTML = featureSection(await featuresRead);
}

function actionsTable(actions) {
  return actions.length ? `<div class="scroll" tabindex="0"><table id="actions"><thead><tr><th>Date</th><th>Kind</th>
    <th>Ratio or amount</th><th>Source</th></tr></thead><tbody>${actions.map((a) => `<tr data-date="${h(a.date)}"
    data-kind="${h(a.kind)}"><td>${h(a.date)}</td><td>${a.kind === 'SPLIT' ? 'Split' : 'Dividend'}</td><td>${
      h(actionText(a))}</td><td>${h(a.source)}</td></tr>`).join('')}</tbody></table></div>`
    : '<p class="hint">None recorded. A market-data user records them with <code>POST /api/v1/instruments/{symbol}/splits'
      + '</code> or <code>/dividends</code>; adjusted prices follow at once.</p>';
}

function actionText(a) {
  return a.kind === 'SPLIT' ? `${a.numerator}-for-${a.denominator}` : `${a.amount} ${a.currency}`;
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

/** The candles, the flagged bars pinned and each split or dividend a vertical line at its first trading day. */
function draw(box, bars, actions, echarts) {
  const series = bars.map((b) => ({ date: b.date, open: b.open, high: b.high, low: b.low, close: b.close,
    verdict: b.verdict }));
  const dates = series.map((b) => b.date);
  const marks = actions.map((a) => ({ kind: a.kind, date: a.date, at: dates.find((d) => d >= a.date),
    text: actionText(a) })).filter((m) => m.at);
  box.dataset.series = JSON.stringify(series);
  box.dataset.actions = JSON.stringify(marks);
  const started = performance.now();
  const chart = echarts.init(box);
  chart.on('finished', () => {
    box.dataset.drawnMillis ||= performance.now().toFixed(0); // from the navigation's start
  });
  // Numbers only for placing the candles; every figure shown (the tooltip) is the API's text.
  chart.setOption({
    animation: false,
    grid: { left: 56, right: 16, top: 24, bottom: 64 },
    tooltip: { trigger: 'axis', formatter: (points) => tooltip(series, points) },
    xAxis: { type: 'category', data: dates },
    yAxis: { type: 'value', scale: true },
    dataZoom: [{ type: 'inside' }, { type: 'slider' }],
    series: [{
      type: 'candlestick', name: 'bars', large: true, largeThreshold: 1000,
      itemStyle: { color: '#1f7a3f', color0: '#b3261e', borderColor: '#1f7a3f', borderColor0: '#b3261e' },
      data: series.map((b) => [Number(b.open), Number(b.close), Number(b.low), Number(b.high)]),
      markPoint: { symbol: 'pin', symbolSize: 28, itemStyle: { color: '#d97706' },
        data: series.filter((b) => b.verdict === 'FLAGGED').map((b) => ({ name: 'flagged', value: '!',
          coord: [b.date, Number(b.high)] })) },
      markLine: { symbol: 'none', silent: true, data: marks.map((m) => ({ xAxis: m.at, name: m.text,
        lineStyle: { color: m.kind === 'SPLIT' ? '#6b21a8' : '#0b5cad', type: 'dashed' },
        label: { formatter: `${m.kind === 'SPLIT' ? 'Split' : 'Div.'} ${m.text}`, position: 'insideEndTop',
          color: m.kind === 'SPLIT' ? '#6b21a8' : '#0b5cad' } })) },
    }],
  });
  box.dataset.renderMillis = (performance.now() - started).toFixed(1); // setOption alone
  window.addEventListener('resize', () => chart.resize());
  return { chart, box, dates };
}

function tooltip(series, points) {
  const candle = points.find((p) => p.seriesName === 'bars');
  const bar = candle && series[candle.dataIndex];
  const forecasts = points.filter((p) => p.seriesName !== 'bars' && p.data && p.data.text);
  return [bar ? `${bar.date}<br>open ${bar.open}<br>high ${bar.high}<br>low ${bar.low}<br>close ${bar.close}${
    bar.verdict === 'FLAGGED' ? '<br><b>FLAGGED</b>' : ''}` : points[0].axisValue,
  ...forecasts.map((p) => `${h(p.seriesName)}: ${h(p.data.text)}`)].join('<br>');
}
