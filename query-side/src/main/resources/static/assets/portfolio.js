// Portfolio: the accounts the user may see, and per account its valuation and holdings, as of a date and as known
// at an instant (time travel), every figure linked to its lineage, updated live when looking at "now".
import { get, send, h, withQuery, decimalJson, Problem } from './api.js';
import { live } from './live.js';
import { baseOptions, showPerformance } from './performance.js';

export async function home(main, session, _, query) {
  const accounts = await get(withQuery('/api/v1/accounts', { minPosition: query.get('minPosition') }));
  const owner = session.roles.includes('owner');
  main.innerHTML = `<h1>Your accounts</h1>
    ${accounts.length ? `<div class="scroll" tabindex="0"><table id="accounts"><thead><tr><th>Account</th><th>Your access</th>
      </tr></thead><tbody>${accounts.map((a) => `<tr data-account="${h(a.accountId)}"><td>
      <a href="/portfolio/${encodeURIComponent(a.accountId)}">${h(a.accountId)}</a></td>
      <td>${h(a.level || 'admin (no grant)')}</td></tr>`).join('')}</tbody></table></div>`
    : `<div class="empty" id="no-accounts"><p>No account yet.</p><p>${owner
      ? 'Open your first account below, then record a deposit on its Transactions page.'
      : `Ask an account's owner to grant you access to it: your user id is <code>${h(session.subject)}</code>.`}
      </p></div>`}
    ${owner ? `<h2>Open an account</h2><form class="record" id="open-account" novalidate>
      <label>Account id (optional)<input name="accountId" autocomplete="off"></label>
      <label>Name<input name="name" value="Main"></label>
      <label>Currency<input name="currency" value="EUR" maxlength="3"></label>
      <label>Overdraft limit<input name="overdraftLimit" inputmode="decimal" value="0"></label>
      <div><button type="submit">Open account</button><p class="field-error error" data-error-for=""></p></div>
      </form>` : ''}`;
  const form = document.getElementById('open-account');
  form?.addEventListener('submit', async (event) => {
    event.preventDefault();
    const fields = Object.fromEntries(new FormData(form));
    try {
      const opened = await send('POST', '/bff/command/api/v1/accounts', decimalJson(fields, ['overdraftLimit']));
      location.assign(`/?minPosition=${opened.position}`);
    } catch (problem) {
      form.querySelector('[data-error-for=""]').textContent = problemText(problem);
    }
  });
}

export function problemText(problem) {
  const body = problem instanceof Problem ? problem.body : {};
  return body.rule ? `${body.rule}: ${body.detail || body.title}` : problem.message;
}

/** The tabs of one account's pages. */
export function accountTabs(accountId, current) {
  const id = encodeURIComponent(accountId);
  return `<nav class="tabs" aria-label="Account"><a href="/portfolio/${id}"${current === 'portfolio'
    ? ' aria-current="page"' : ''}>Holdings</a><a href="/transactions/${id}"${current === 'transactions'
    ? ' aria-current="page"' : ''}>Transactions</a><a href="/balances/${id}"${current === 'balances'
    ? ' aria-current="page"' : ''}>Monthly balances</a></nav>`;
}

export async function notReadable(main, accountId, failure) {
  if (failure instanceof Problem && failure.status === 404) {
    main.innerHTML = `<h1>No account ${h(accountId)}</h1><div class="empty" id="not-found"><p>There is no such
      account, or it is not shared with you.</p><p><a href="/">Your accounts</a></p></div>`;
    return;
  }
  throw failure;
}

const HOLDING_FIELDS = [['quantity', 'Quantity'], ['averageCost', 'Average cost'], ['costBasis', 'Cost basis'],
  ['realizedPl', 'Realized P/L']];
const VALUE_FIELDS = [['price', 'Price'], ['marketValue', 'Market value'], ['unrealizedPl', 'Unrealized P/L']];

export async function portfolio(main, session, accountId, query) {
  const asOf = query.get('asOf') || '';
  const knownAt = query.get('knownAt') || '';
  const base = query.get('base') || '';
  const id = encodeURIComponent(accountId);
  const params = { asOf, knownAt, minPosition: query.get('minPosition') };
  let holdings;
  let valuation;
  try {
    [holdings, valuation] = await Promise.all([get(withQuery(`/api/v1/accounts/${id}/holdings`, params)),
      get(withQuery(`/api/v1/accounts/${id}/valuation`, params))]);
  } catch (failure) {
    return notReadable(main, accountId, failure);
  }
  sessionStorage.setItem('finflow.account', accountId);
  const travelling = asOf || knownAt;
  main.innerHTML = `<h1>Account ${h(accountId)}<span class="badge">${h(valuation.currency)}</span></h1>
    ${accountTabs(accountId, 'portfolio')}
    <form class="inline" id="travel" role="search" aria-label="Time travel">
      <label>As of (effective date)<input type="date" name="asOf" value="${h(asOf)}"></label>
      <label>Known at (UTC)<input type="datetime-local" step="1" name="knownAt"
        value="${h(knownAt.replace(/Z$/, '').slice(0, 19))}"></label>
      <label>Base currency<select name="base">${baseOptions(valuation.currency, base)}</select></label>
      <button type="submit">Show</button> <a href="/portfolio/${id}">Now</a></form>
    ${travelling ? `<p class="banner" id="travelling">As of ${h(asOf || 'today')}${knownAt
      ? `, as known at ${h(knownAt)}` : ''}: live updates are paused.</p>` : ''}
    <h2>Valuation</h2><dl class="figures" id="valuation"></dl>
    <h2>Value over time and returns</h2><section id="performance"><p class="hint">Loading…</p></section>
    <h2>Holdings</h2><div id="holdings"></div>
    <section id="lineage" aria-live="polite"></section>`;
  document.getElementById('travel').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    const known = form.get('knownAt');
    const chosen = form.get('base');
    location.assign(withQuery(`/portfolio/${id}`, { asOf: form.get('asOf'),
      knownAt: known && (known.length === 16 ? `${known}:00Z` : `${known}Z`),
      base: chosen === valuation.currency ? '' : chosen }));
  });
  const lineageQuery = { asOf, knownAt };
  const performanceQuery = { ...params, base };
  const render = (held, valued) => {
    renderValuation(valued);
    renderHoldings(accountId, held, valued, lineageQuery);
  };
  render(holdings, valuation);
  // After the holdings are drawn (the page is ready without it); #performance says when it is drawn.
  const drawPerformance = () => showPerformance(accountId, performanceQuery).catch((failure) => {
    document.getElementById('performance').innerHTML = `<p class="problem">${h(failure.message)}</p>`;
  });
  drawPerformance();
  main.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-lineage]');
    if (!link) return;
    event.preventDefault();
    showLineage(link.getAttribute('href'), link.dataset.lineage);
  });
  if (!travelling) {
    let drawn = JSON.stringify(holdings.holdings);
    live(`/api/v1/accounts/${id}/holdings/stream`, 'holdings', async (fresh) => {
      // The stream's first event is the state already drawn: no second draw of the same table.
      if (JSON.stringify(fresh.holdings) === drawn) return;
      drawn = JSON.stringify(fresh.holdings);
      render(fresh, await get(`/api/v1/accounts/${id}/valuation`));
      drawPerformance();
    });
  }
}

function renderValuation(valuation) {
  const figure = (field, label) => `<div><dt>${label}</dt><dd data-field="${field}">${h(valuation[field] ?? '—')}</dd>
    </div>`;
  document.getElementById('valuation').innerHTML = figure('marketValue', 'Market value')
    + figure('unrealizedPl', 'Unrealized P/L') + figure('pricedMarketValue', 'Priced market value')
    + `<div><dt>Every holding valued</dt><dd data-field="complete" title="${h(valuation.unvalued.join(', '))}">${
      valuation.complete ? 'yes' : `no: ${valuation.unvalued.length} without a price or FX rate`}</dd></div>`;
}

function renderHoldings(accountId, holdings, valuation, lineageQuery) {
  const box = document.getElementById('holdings');
  if (!holdings.holdings.length) {
    box.innerHTML = `<div class="empty" id="no-holdings"><p>No holdings yet.</p><p>Record a deposit on the
      <a href="/transactions/${encodeURIComponent(accountId)}">Transactions</a> page to get started.</p></div>`;
    return;
  }
  const values = new Map(valuation.holdings.map((v) => [v.asset, v]));
  // One lineage address per row (not per cell), and the whole table in one DOM write.
  const base = `/api/v1/lineage/holdings/${encodeURIComponent(accountId)}/`;
  const suffix = withQuery('', lineageQuery);
  const cell = (link, field, value) => `<td class="num" data-field="${field}">${value == null ? '' : `${link}${
    h(value)}</a>`}</td>`;
  box.innerHTML = `<div class="scroll" tabindex="0"><table id="holdings-table"><thead><tr><th>Asset</th><th>Kind</th>
    ${HOLDING_FIELDS.concat(VALUE_FIELDS).map(([, label]) => `<th class="num">${label}</th>`).join('')}
    <th>Price status</th><th>Last changed</th></tr></thead><tbody>${holdings.holdings.map((row) => {
      const value = values.get(row.asset) || {};
      const asset = h(row.asset);
      const link = `<a data-lineage="${asset}" href="${h(base + encodeURIComponent(row.asset) + suffix)}">`;
      return `<tr data-asset="${asset}"><th scope="row" data-field="asset">${asset}</th>
        <td data-field="kind">${h(row.kind)}</td>
        ${HOLDING_FIELDS.map(([field]) => cell(link, field, row[field])).join('')}
        ${VALUE_FIELDS.map(([field]) => cell(link, field, value[field])).join('')}
        <td data-field="status">${h(value.status)}</td>
        <td data-field="lastChanged">${h(row.lastChanged)}</td></tr>`;
    }).join('')}</tbody></table></div>`;
}

/** The events that produced a figure, under the page (the API's /lineage read at {@code href}). */
export async function showLineage(href, asset) {
  const section = document.getElementById('lineage');
  const lineage = await get(href);
  section.innerHTML = `<h2>Lineage of ${h(asset)}</h2><p class="hint">The events that produced this row.</p>
    <div class="scroll" tabindex="0"><table id="lineage-table"><thead><tr><th>Event</th><th>Type</th><th>Position</th>
    <th>Effective</th><th>Recorded</th><th>By</th></tr></thead><tbody>${lineage.events.map((e) => `<tr
    data-event-id="${h(e.eventId)}"><td>${h(e.eventId)}</td><td>${h(e.type)}</td><td>${h(e.position)}</td>
    <td>${h(e.effectiveDate)}</td><td>${h(e.recordedAt)}</td><td>${h(e.principal)}</td></tr>`).join('')}
    </tbody></table></div>`;
  section.scrollIntoView({ block: 'nearest' });
}
