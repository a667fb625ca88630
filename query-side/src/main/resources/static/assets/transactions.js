// Transactions of one account: the list (paged, reversals linked both ways), and for owners the forms to record a
// transaction, to send a transfer and to reverse one. Each form makes its client transaction id once, when it is
// shown: a double submit or a retry after a lost answer sends the same id, and the ledger records it once.
import { get, send, h, withQuery, decimalJson, newTransactionId, DECIMAL, Problem } from './api.js';
import { accountTabs, notReadable, problemText } from './portfolio.js';
import { live } from './live.js';

const PAGE_SIZE = 20;
const TYPES = { DEPOSIT: ['amount'], WITHDRAWAL: ['amount'], FEE: ['amount'], DIVIDEND: ['symbol', 'amount'],
  BUY: ['symbol', 'quantity', 'price', 'fee'], SELL: ['symbol', 'quantity', 'price', 'fee'] };
const DECIMALS = ['amount', 'quantity', 'price', 'fee', 'fxRate'];

export async function transactions(main, session, accountId, query) {
  const id = encodeURIComponent(accountId);
  const cursor = query.get('cursor');
  const filter = { from: query.get('from') || '', to: query.get('to') || '' };
  const listPath = (minPosition) => withQuery(`/api/v1/accounts/${id}/transactions`,
    { newestFirst: 'true', limit: PAGE_SIZE, cursor, ...filter, minPosition });
  let page;
  let accounts;
  let valuation;
  try {
    [page, accounts, valuation] = await Promise.all([get(listPath(query.get('minPosition'))),
      get('/api/v1/accounts'), get(`/api/v1/accounts/${id}/valuation`)]);
  } catch (failure) {
    return notReadable(main, accountId, failure);
  }
  sessionStorage.setItem('finflow.account', accountId);
  const owner = accounts.some((a) => a.accountId === accountId && a.level === 'OWNER');
  main.innerHTML = `<h1>Account ${h(accountId)}<span class="badge">${h(valuation.currency)}</span></h1>
    ${accountTabs(accountId, 'transactions')}
    ${owner ? recordForm(valuation.currency) + transferForm(accountId, valuation.currency, accounts) : ''}
    <h2>Transactions</h2>
    <form class="inline" id="filter" role="search" aria-label="Filter by date">
      <label>From<input type="date" name="from" value="${h(filter.from)}"></label>
      <label>To<input type="date" name="to" value="${h(filter.to)}"></label>
      <button type="submit">Filter</button> <a href="/transactions/${id}">All</a></form>
    <p class="hint" id="status" role="status"></p><div id="list"></div>`;
  const refresh = async (minPosition) => renderList(accountId, await get(listPath(minPosition)), owner, cursor,
    filter);
  renderList(accountId, page, owner, cursor, filter);
  if (owner) {
    wireRecordForm(accountId, refresh);
    wireTransferForm(refresh);
  }
  if (!cursor) live(`/api/v1/accounts/${id}/holdings/stream`, 'holdings', () => refresh());
}

/** A labelled input with the slot for its broken rule (ids {@code <form>-<name>} and {@code <form>-<name>-error}). */
function input(form, name, label, extra = '') {
  return `<label>${label}<input name="${name}" id="${form}-${name}" ${extra} aria-describedby="${form}-${name}-error">
    <span class="field-error error" id="${form}-${name}-error" data-error-for="${name}"></span></label>`;
}

const SUBMIT_ROW = (label) => `<div><button type="submit">${label}</button>
  <p class="field-error error" data-error-for="" role="alert"></p></div>`;

function recordForm(currency) {
  const decimal = 'inputmode="decimal" autocomplete="off"';
  return `<h2>Record a transaction</h2>
    <form class="record" id="record" novalidate data-client-id="${newTransactionId()}">
      <label>Type<select name="type" id="record-type">${Object.keys(TYPES).map((t) => `<option>${t}</option>`)
        .join('')}</select><span class="field-error error" data-error-for="type"></span></label>
      ${input('record', 'amount', 'Amount', decimal)}
      ${input('record', 'symbol', 'Symbol', 'autocomplete="off"')}
      ${input('record', 'quantity', 'Quantity', decimal)}
      ${input('record', 'price', 'Price', decimal)}
      ${input('record', 'fee', 'Fee', decimal)}
      ${input('record', 'currency', 'Currency', `value="${h(currency)}" maxlength="3"`)}
      ${input('record', 'fxRate', 'FX rate (account per unit)', decimal)}
      ${input('record', 'date', 'Date', 'type="date"')}
      ${input('record', 'memo', 'Memo', 'autocomplete="off"')}
      ${SUBMIT_ROW('Record')}
    </form>`;
}

function transferForm(accountId, currency, accounts) {
  const decimal = 'inputmode="decimal" autocomplete="off"';
  return `<h2>Send a transfer</h2>
    <form class="record" id="transfer" novalidate data-client-id="${newTransactionId()}">
      <input type="hidden" name="fromAccountId" value="${h(accountId)}">
      <input type="hidden" name="currency" value="${h(currency)}">
      ${input('transfer', 'toAccountId', 'To account', 'list="transfer-accounts" autocomplete="off"')}
      <datalist id="transfer-accounts">${accounts.filter((a) => a.accountId !== accountId).map((a) =>
        `<option value="${h(a.accountId)}">`).join('')}</datalist>
      ${input('transfer', 'amount', `Amount (${h(currency)})`, decimal)}
      ${input('transfer', 'fxRate', 'FX rate (receiver per unit)', decimal)}
      ${input('transfer', 'date', 'Date', 'type="date"')}
      ${input('transfer', 'memo', 'Memo', 'autocomplete="off"')}
      ${SUBMIT_ROW('Send')}
    </form>`;
}

function wireRecordForm(accountId, refresh) {
  const form = document.getElementById('record');
  const type = form.elements.type;
  const showFields = () => {
    const used = TYPES[type.value];
    ['amount', 'symbol', 'quantity', 'price', 'fee'].forEach((name) => {
      const label = form.elements[name].closest('label');
      label.hidden = !used.includes(name);
      form.elements[name].disabled = !used.includes(name);
    });
  };
  type.addEventListener('change', showFields);
  showFields();
  wireForm(form, 'transactionId', `/bff/command/api/v1/accounts/${encodeURIComponent(accountId)}/transactions`,
    async (recorded) => {
      showFields();
      try {
        await refresh(recorded.position);
      } finally { // said once the list shows it (or could not be read again)
        document.getElementById('status').textContent = `Recorded ${recorded.transactionId} (${recorded.status}).`;
      }
    });
}

function wireTransferForm(refresh) {
  wireForm(document.getElementById('transfer'), 'transferId', '/bff/command/api/v1/transfers', async (sent) => {
    try {
      await refresh(sent.position);
    } finally { // said once the list shows it (or could not be read again)
      document.getElementById('status').textContent = `Sent transfer ${sent.transactionId} (${sent.status}).`;
    }
  });
}

/**
 * Sends the form's fields with its client id (made when the form was shown, so sending again repeats it), the
 * decimals as typed; a refusal shows its rule next to the field it names and the form keeps what was typed. Once
 * accepted, the form is emptied and gets a new id: the next one is another transaction.
 */
function wireForm(form, idField, path, done) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const fields = { [idField]: form.dataset.clientId,
      ...Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, v.trim()])) };
    const malformed = DECIMALS.find((name) => fields[name] && !DECIMAL.test(fields[name]));
    if (malformed) {
      showError(form, malformed, `invalid-field: ${malformed} must be a decimal number such as 12.50`);
      return;
    }
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const answer = await send('POST', path, decimalJson(fields, DECIMALS));
      form.reset();
      form.dataset.clientId = newTransactionId();
      await done(answer);
    } catch (problem) {
      showError(form, problem instanceof Problem ? problem.body.field || '' : '', problemText(problem));
    } finally {
      button.disabled = false;
    }
  });
}

function clearErrors(form) {
  form.querySelectorAll('[data-error-for]').forEach((e) => { e.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
}

/** The broken rule next to the field it names (or under the button when it names none). */
function showError(form, field, text) {
  const slot = form.querySelector(`[data-error-for="${CSS.escape(field)}"]`)
    || form.querySelector('[data-error-for=""]');
  slot.textContent = text;
  form.elements[field]?.setAttribute('aria-invalid', 'true');
  form.elements[field]?.focus();
}

/** Newest first; "Older" pages on with the cursor, keeping the date filter. */
/** What each list box shows now: a refresh that would draw the same again leaves it (and an open reversal form) be. */
const shown = new WeakMap();

function renderList(accountId, page, owner, cursor, filter) {
  const box = document.getElementById('list');
  const html = listHtml(accountId, page, owner, cursor, filter);
  if (shown.get(box) === html) return; // the holdings stream's first event, say: the page has just read this list
  shown.set(box, html);
  box.innerHTML = html;
  box.querySelectorAll('[data-reverse]').forEach((button) => button.addEventListener('click',
    () => reversalForm(accountId, button)));
}

function listHtml(accountId, page, owner, cursor, filter) {
  const id = encodeURIComponent(accountId);
  if (!page.items.length) {
    return `<div class="empty" id="no-transactions"><p>${cursor ? 'No more transactions.'
      : `No transactions yet.${owner ? ' Record a deposit with the form above.' : ''}`}</p></div>`;
  }
  const ref = (tx) => (tx ? `<a href="#tx-${h(tx)}">${h(tx)}</a>` : '');
  return `<div class="scroll" tabindex="0"><table id="transactions-table"><thead><tr><th>Id</th><th>Date</th>
    <th>Type</th><th>Symbol</th><th class="num">Quantity</th><th class="num">Amount</th><th>Currency</th>
    <th>Reverses</th><th>Reversed by</th><th>Memo</th><th>By</th>${owner ? '<th></th>' : ''}</tr></thead>
    <tbody>${page.items.map((tx) => `<tr id="tx-${h(tx.transactionId)}" data-transaction-id="${h(tx.transactionId)}">
      <td>${h(tx.transactionId)}</td><td>${h(tx.effectiveDate)}</td><td>${h(tx.type)}</td><td>${h(tx.symbol)}</td>
      <td class="num" data-field="quantity">${h(tx.quantity)}</td>
      <td class="num" data-field="cashAmount">${h(tx.cashAmount)}</td><td>${h(tx.currency)}</td>
      <td>${ref(tx.reverses)}</td><td>${ref(tx.reversedBy)}</td><td>${h(tx.memo)}</td><td>${h(tx.principal)}</td>
      ${owner ? `<td>${tx.reversedBy || tx.reverses ? '' : `<button type="button" data-reverse="${
        h(tx.transactionId)}">Reverse</button>`}</td>` : ''}</tr>`).join('')}</tbody></table></div>
    <p class="toolbar">${cursor ? `<a href="${h(withQuery(`/transactions/${id}`, filter))}">Newest</a>` : ''}
    ${page.nextCursor ? `<a id="next-page" href="${h(withQuery(`/transactions/${id}`, { ...filter,
      cursor: page.nextCursor }))}">Older</a>` : ''}</p>`;
}

function reversalForm(accountId, button) {
  const original = button.dataset.reverse;
  const row = button.closest('tr');
  const form = document.createElement('tr');
  form.innerHTML = `<td colspan="12"><form class="inline" data-client-id="${newTransactionId()}" novalidate>
    <label>Reason<input name="reason" required></label><label>Date<input type="date" name="date"></label>
    <button type="submit">Reverse ${h(original)}</button><span class="field-error error" data-error-for=""></span>
    </form></td>`;
  row.after(form);
  button.disabled = true;
  const inner = form.querySelector('form');
  inner.elements.reason.focus();
  wireForm(inner, 'transactionId', `/bff/command/api/v1/accounts/${encodeURIComponent(accountId)}/transactions/${
    encodeURIComponent(original)}/reversal`, (reversed) => location.assign(
    `/transactions/${encodeURIComponent(accountId)}?minPosition=${reversed.position}`));
}
