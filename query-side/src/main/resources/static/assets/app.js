// The dashboard's shell: who is signed in (the session), the navigation bar, and which page the path names.
import { get, send, h, Problem } from './api.js';
import { home, portfolio } from './portfolio.js';
import { transactions } from './transactions.js';
import { balances } from './balances.js';
import { instruments, instrument, instrumentReads } from './instruments.js';
import { operations } from './operations.js';
import { quality } from './quality.js';
import { models } from './models.js';

const main = document.getElementById('main');

const PAGES = [
  [/^\/$/, 'portfolio', home],
  [/^\/portfolio\/([^/]+)$/, 'portfolio', portfolio],
  [/^\/transactions\/([^/]+)$/, 'transactions', transactions],
  [/^\/balances\/([^/]+)$/, 'portfolio', balances],
  [/^\/instruments$/, 'instruments', instruments],
  [/^\/instruments\/([^/]+)$/, 'instruments', instrument, instrumentReads],
  [/^\/quality$/, 'quality', quality],
  [/^\/models$/, 'models', models],
  [/^\/operations$/, 'operations', operations],
];

async function signedIn() {
  try {
    return await get('/bff/session');
  } catch (problem) {
    if (problem instanceof Problem && problem.status === 401) return null;
    throw problem;
  }
}

function signInPage() {
  document.getElementById('nav').hidden = true;
  main.innerHTML = `<h1>Welcome to Finflow</h1>
    <div class="empty"><p>Sign in to see your portfolios, transactions and prices.</p>
    <p><a class="button" id="sign-in" href="/bff/login/finflow">Sign in</a></p>
    <p class="hint">On a fresh install the user is <code>admin</code>; its password is in
    <code>.finflow/credentials</code> (printed by <code>./run.sh</code> on the first start).</p></div>`;
}

function navigation(session, section) {
  const roles = session.roles;
  const account = sessionStorage.getItem('finflow.account');
  const transactionsLink = document.querySelector('[data-nav="transactions"]');
  transactionsLink.hidden = !account;
  if (account) transactionsLink.href = `/transactions/${encodeURIComponent(account)}`;
  document.querySelector('[data-nav="operations"]').hidden = !roles.includes('admin');
  document.querySelectorAll('#nav a').forEach((a) => {
    if (a.dataset.nav === section) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  const who = document.getElementById('who');
  who.innerHTML = `<span>${h(roles.join(', ') || 'no role')}</span><button type="button" id="sign-out">Sign out</button>`;
  document.getElementById('sign-out').addEventListener('click', async () => {
    await send('POST', '/bff/logout');
    location.assign('/');
  });
}

async function start() {
  const path = location.pathname;
  const query = new URLSearchParams(location.search);
  const match = PAGES.map(([pattern, section, page, reads]) => [path.match(pattern), section, page, reads])
    .find(([m]) => m);
  // A page that names its reads gets them started beside the session's (the chart's bars, say).
  const parameter = match && match[0][1] && decodeURIComponent(match[0][1]);
  const reads = match && match[3] ? match[3](parameter, query) : undefined;
  const session = await signedIn();
  if (!session) {
    signInPage();
    return;
  }
  if (!match) {
    main.innerHTML = `<h1>Not found</h1><p><a href="/">Back to the portfolio</a></p>`;
    return;
  }
  const [, section, page] = match;
  navigation(session, section);
  await page(main, session, parameter, query, reads);
  navigation(session, section); // a page may have chosen the account the Transactions link opens
}

start().catch((failure) => {
  main.innerHTML = `<h1>Something went wrong</h1><p class="problem">${h(failure.message)}</p>`;
}).finally(() => {
  // The page is drawn: browser tests wait for this, and read how long it took from the navigation's start.
  document.body.dataset.readyMillis = performance.now().toFixed(0);
  document.body.dataset.ready = 'true';
});
