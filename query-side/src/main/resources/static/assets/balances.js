// Monthly balances of one account, one asset at a time: opening, inflows, outflows and closing per month, a line of
// the closings, every closing linked to its lineage (the events of that month's row).
import { get, h, withQuery, charts } from './api.js';
import { accountTabs, notReadable, showLineage } from './portfolio.js';

async function allMonths(accountId, asset) {
  const items = [];
  let cursor = null;
  do {
    const page = await get(withQuery(`/api/v1/accounts/${encodeURIComponent(accountId)}/monthly-balances`,
      { asset, limit: 1000, cursor }));
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

export async function balances(main, session, accountId, query) {
  const id = encodeURIComponent(accountId);
  let holdings;
  try {
    holdings = await get(`/api/v1/accounts/${id}/holdings`);
  } catch (failure) {
    return notReadable(main, accountId, failure);
  }
  sessionStorage.setItem('finflow.account', accountId);
  const assets = holdings.holdings.map((row) => row.asset);
  const asset = query.get('asset') || assets[0];
  main.innerHTML = `<h1>Account ${h(accountId)}</h1>${accountTabs(accountId, 'balances')}
    ${asset ? `<form class="inline" id="asset-choice"><label>Asset<select name="asset" id="f-asset">${assets.map((a) =>
      `<option${a === asset ? ' selected' : ''}>${h(a)}</option>`).join('')}</select></label>
      <button type="submit">Show</button></form><div id="balance-chart" class="chart"></div>
      <h2>${h(asset)} by month</h2><div id="months"></div>` : `<div class="empty" id="no-balances"><p>No
      balances yet: record a deposit on the <a href="/transactions/${id}">Transactions</a> page.</p></div>`}
    <section id="lineage" aria-live="polite"></section>`;
  if (!asset) return;
  const months = await allMonths(accountId, asset);
  const lineage = (month) => `/api/v1/lineage/monthly-balances/${id}/${encodeURIComponent(asset)}/${month}`;
  document.getElementById('months').innerHTML = `<div class="scroll" tabindex="0"><table id="months-table"><thead><tr>
    <th>Month</th><th class="num">Opening</th><th class="num">Inflows</th><th class="num">Outflows</th>
    <th class="num">Closing</th></tr></thead><tbody>${months.slice().reverse().map((m) => `<tr data-month="${
      h(m.month)}"><td>${h(m.month)}</td><td class="num" data-field="opening">${h(m.opening)}</td>
    <td class="num" data-field="inflows">${h(m.inflows)}</td><td class="num" data-field="outflows">${h(m.outflows)}</td>
    <td class="num" data-field="closing"><a data-lineage="${h(`${asset} ${m.month}`)}" href="${h(lineage(m.month))}">${
      h(m.closing)}</a></td></tr>`).join('')}</tbody></table></div>`;
  main.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-lineage]');
    if (!link) return;
    event.preventDefault();
    showLineage(link.getAttribute('href'), link.dataset.lineage);
  });
  await charts;
  const chart = echarts.init(document.getElementById('balance-chart'));
  // Numbers only to place the line; the tooltip shows the API's text.
  chart.setOption({
    animation: false,
    grid: { left: 64, right: 16, top: 16, bottom: 40 },
    tooltip: { trigger: 'axis', formatter: (points) => `${months[points[0].dataIndex].month}<br>closing ${
      months[points[0].dataIndex].closing}` },
    xAxis: { type: 'category', data: months.map((m) => m.month) },
    yAxis: { type: 'value', scale: true },
    series: [{ type: 'line', symbol: 'circle', data: months.map((m) => Number(m.closing)) }],
  });
  window.addEventListener('resize', () => chart.resize());
}
