// An account's value over time with its time- and money-weighted returns, and its allocation, in a chosen base
// currency (GET /performance). Every figure shown is the API's exact text; the charts place numbers made from it,
// and expose the API's series as text in data-series so that a test can compare them with the API.
import { get, h, withQuery, charts } from './api.js';

const PERIODS = [['start', 'From'], ['startValue', 'Value then'], ['endValue', 'Value now'], ['netFlows', 'Net flows'],
  ['twr', 'Time-weighted %'], ['mwr', 'Money-weighted %'], ['mwrAnnualized', 'Money-weighted, a year %']];
const ALLOCATION = [['kind', 'Kind'], ['currency', 'Currency'], ['quantity', 'Quantity'], ['value', 'Value'],
  ['percent', '%'], ['status', 'Status']];
const CURRENCIES = ['USD', 'EUR', 'GBP', 'CHF', 'JPY'];

/** The base currency choices: the account's own first, then common ones. */
export function baseOptions(accountCurrency, base) {
  const codes = [...new Set([accountCurrency, ...CURRENCIES, base].filter(Boolean))];
  return codes.map((c) => `<option${c === (base || accountCurrency) ? ' selected' : ''}>${h(c)}</option>`).join('');
}

/** Draws the performance section into #performance; resolves when drawn (marked data-ready). */
export async function showPerformance(accountId, params) {
  const box = document.getElementById('performance');
  box.removeAttribute('data-ready');
  const p = await get(withQuery(`/api/v1/accounts/${encodeURIComponent(accountId)}/performance`, params));
  const cell = (field, value, why) => `<td class="num" data-field="${field}"${why ? ` title="${h(why)}"` : ''}>${
    h(value ?? '—')}</td>`;
  box.dataset.base = p.base;
  box.innerHTML = `<dl class="figures"><div><dt>Value in ${h(p.base)}</dt><dd data-field="value">${h(p.value ?? '—')}
    </dd></div><div><dt>Since</dt><dd data-field="inception">${h(p.inception ?? '—')}</dd></div></dl>
    ${p.unvalued.length ? `<p class="hint" id="unvalued">Without a price or rate into ${h(p.base)}: ${
      h(p.unvalued.slice(0, 20).join(', '))}${p.unvalued.length > 20 ? ` and ${p.unvalued.length - 20} more` : ''}
      — values and returns that need them are shown as —.</p>` : ''}
    <div id="value-chart" class="chart" role="img" aria-label="Value over time in ${h(p.base)}"></div>
    <h3>Returns to ${h(p.asOf)}</h3>
    <div class="scroll" tabindex="0"><table id="returns"><thead><tr><th>Period</th>${PERIODS.map(([, label]) =>
      `<th class="num">${label}</th>`).join('')}</tr></thead><tbody>${p.periods.map((r) => `<tr data-period="${
      h(r.period)}"><th scope="row">${h(r.period)}</th>${PERIODS.map(([field]) => cell(field, r[field],
      r[field] == null ? r.why : null)).join('')}</tr>`).join('')}</tbody></table></div>
    <h3>Allocation on ${h(p.asOf)}</h3>
    <div id="allocation-chart" class="chart small" role="img" aria-label="Allocation by holding"></div>
    ${allocationTable('allocation-assets', 'Holding', p.byAsset)}
    ${allocationTable('allocation-currencies', 'Currency', p.byCurrency, ['value', 'percent', 'status'])}`;
  await charts;
  drawValue(p);
  drawAllocation(p);
  box.dataset.ready = 'true';
  return p;
}

function allocationTable(id, label, rows, fields = ALLOCATION.map(([f]) => f)) {
  const columns = ALLOCATION.filter(([f]) => fields.includes(f));
  return `<div class="scroll" tabindex="0"><table id="${id}"><thead><tr><th>${label}</th>${columns.map(([, l]) =>
    `<th>${l}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr data-name="${h(r.name)}"><th scope="row"
    data-field="name">${h(r.name)}</th>${columns.map(([f]) => `<td data-field="${f}">${h(r[f] ?? '—')}</td>`)
    .join('')}</tr>`).join('')}</tbody></table></div>`;
}

function drawValue(p) {
  const element = document.getElementById('value-chart');
  element.dataset.series = JSON.stringify(p.series);
  const chart = echarts.init(element);
  // Numbers only to place the line; the tooltip shows the API's text.
  chart.setOption({
    animation: false,
    grid: { left: 72, right: 16, top: 16, bottom: 40 },
    tooltip: { trigger: 'axis', formatter: (points) => {
      const point = p.series[points[0].dataIndex];
      return `${point.date}<br>${h(point.value ?? '—')} ${h(p.base)}${point.flow && point.flow !== '0.00'
        ? `<br>flow ${h(point.flow)}` : ''}`;
    } },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', scale: true },
    series: [{ type: 'line', showSymbol: false, connectNulls: false,
      data: p.series.map((point) => [point.date, point.value == null ? null : Number(point.value)]) }],
  });
  window.addEventListener('resize', () => chart.resize());
}

function drawAllocation(p) {
  const element = document.getElementById('allocation-chart');
  const priced = p.byAsset.filter((r) => r.value != null && Number(r.value) > 0)
    .sort((a, b) => Number(b.value) - Number(a.value));
  // The twelve largest, the rest as one slice: the table lists every holding.
  const shown = priced.slice(0, 12).map((r) => ({ name: r.name, value: Number(r.value), text: r.value, percent: r.percent }));
  const rest = priced.slice(12);
  if (rest.length) shown.push({ name: `${rest.length} others`, value: rest.reduce((s, r) => s + Number(r.value), 0) });
  element.dataset.series = JSON.stringify(shown.map(({ name, text, percent }) => ({ name, value: text, percent })));
  const chart = echarts.init(element);
  chart.setOption({
    animation: false,
    tooltip: { formatter: (item) => `${h(item.name)}<br>${h(item.data.text ?? '')} ${h(p.base)} ${
      item.data.percent ? `(${h(item.data.percent)}%)` : ''}` },
    series: [{ type: 'pie', radius: ['35%', '70%'], data: shown, label: { formatter: '{b}' } }],
  });
  window.addEventListener('resize', () => chart.resize());
}
