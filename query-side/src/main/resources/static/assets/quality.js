// Data quality and ingestion: per symbol the verdict counts (overall and per rule) and staleness, the issues of
// all symbols newest first, and, for market-data operators and admins, the ingestion runs with their failed
// attempts. Every count is the API's text.
import { get, h, withQuery } from './api.js';

const VERDICTS = ['ACCEPTED', 'FLAGGED', 'REJECTED'];
const OPERATORS = ['market-data', 'admin'];
/** How many runs with failures get their attempts listed (one read each). */
const DETAILED_RUNS = 5;

export async function quality(main, session, parameter, query) {
  const cursor = query.get('cursor');
  const mayReadRuns = session.roles.some((role) => OPERATORS.includes(role));
  const [overview, runs] = await Promise.all([get(withQuery('/api/v1/quality', { limit: 50, cursor })),
    mayReadRuns ? get('/api/v1/ingestion/runs?limit=20') : null]);
  const details = runs ? await Promise.all(runs.filter((r) => Number(r.failedAttempts) > 0).slice(0, DETAILED_RUNS)
    .map((r) => get(`/api/v1/ingestion/runs/${encodeURIComponent(r.runId)}`))) : [];
  main.innerHTML = `<h1>Data quality and ingestion</h1>
    ${overview.symbols.length ? symbolsSection(overview.symbols) : `<div class="empty" id="no-quality"><p>No bar has
      been judged yet. On its first start the command side imports the bundled sample prices (a minute or so); a
      market-data user sends more with <code>POST /api/v1/instruments/{symbol}/bars</code> or starts an ingestion run
      with <code>POST /api/v1/ingestion/runs</code>.</p></div>`}
    <h2>Issues, newest first</h2>${issuesSection(overview, cursor)}
    <h2>Ingestion runs</h2>${runs ? runsSection(runs, details) : `<p class="hint" id="runs-hidden">Ingestion runs are
      shown to market-data operators and admins.</p>`}`;
}

function symbolsSection(symbols) {
  const rules = symbols.flatMap((s) => s.rules.map((r) => ({ symbol: s.symbol, ...r })));
  return `<h2>Verdicts per symbol</h2><div class="scroll" tabindex="0"><table id="quality-symbols"><thead><tr>
    <th>Symbol</th>${VERDICTS.map((v) => `<th class="num">${v}</th>`).join('')}<th class="num">Corrections</th>
    <th>Staleness</th></tr></thead><tbody>${symbols.map((s) => `<tr data-symbol="${h(s.symbol)}"><td><a href="/instruments/${
      encodeURIComponent(s.symbol)}">${h(s.symbol)}</a></td>${VERDICTS.map((v) => `<td class="num" data-verdict="${
      v}">${h(s.verdicts[v] ?? '0')}</td>`).join('')}<td class="num" data-field="corrections">${h(s.corrections)}</td>
      <td data-field="staleness">${s.staleness ? `stale since ${h(s.staleness.newestBar ?? 'no bar')}: expected ${
        h(s.staleness.expectedLatest)} (checked ${h(s.staleness.checkedOn)})` : 'never stale'}</td></tr>`).join('')}
    </tbody></table></div>
    <h2>Verdicts per rule and symbol</h2>${rules.length ? `<div class="scroll" tabindex="0"><table id="quality-rules">
    <thead><tr><th>Symbol</th><th>Rule</th>${VERDICTS.map((v) => `<th class="num">${v}</th>`).join('')}</tr></thead>
    <tbody>${rules.map((r) => `<tr data-symbol="${h(r.symbol)}" data-rule="${h(r.rule)}"><td>${h(r.symbol)}</td><td>${
      h(r.rule)}</td>${VERDICTS.map((v) => `<td class="num" data-verdict="${v}">${h(r.verdicts[v] ?? '0')}</td>`)
      .join('')}</tr>`).join('')}</tbody></table></div>` : '<p class="hint">No rule objected to any bar.</p>'}`;
}

function issuesSection(overview, cursor) {
  if (!overview.issues.length) {
    return `<p class="hint" id="no-issues">${cursor ? 'No older issue.' : 'None: every bar so far passed every rule.'
    } <a href="/quality">Newest issues</a></p>`;
  }
  return `<div class="scroll" tabindex="0"><table id="issues"><thead><tr><th>Symbol</th><th>Bar date</th><th>Verdict</th>
    <th>Findings</th><th>Run</th><th>Recorded</th></tr></thead><tbody>${overview.issues.map((i) =>
    `<tr data-position="${h(i.position)}" data-item="${h(i.item)}"><td><a href="/instruments/${encodeURIComponent(
      i.symbol)}">${h(i.symbol)}</a></td><td>${h(i.date ?? '—')}</td><td>${h(i.verdict)}</td><td>${i.findings.map((f) =>
      `${h(f.rule)}: ${h(f.detail)}`).join('<br>')}</td><td>${h(i.runId ?? '—')}</td><td>${h(i.recordedAt)}</td></tr>`)
    .join('')}</tbody></table></div>
    <p class="toolbar">${cursor ? '<a href="/quality">Newest issues</a>' : ''}${overview.nextCursor
      ? `<a id="older-issues" href="${withQuery('/quality', { cursor: overview.nextCursor })}">Older issues</a>` : ''}</p>`;
}

function runsSection(runs, details) {
  if (!runs.length) {
    return `<p class="hint" id="no-runs">No ingestion run yet. Runs start on the schedule of
      <code>ingestion.yml</code>, or by hand with <code>POST /api/v1/ingestion/runs</code>.</p>`;
  }
  const attempts = details.flatMap((run) => run.attempts.map((a) => ({ runId: run.runId, ...a })));
  return `<div class="scroll" tabindex="0"><table id="runs"><thead><tr><th>Run</th><th>Trigger</th><th>Status</th>
    <th>Started</th><th>Finished</th><th class="num">Symbols done</th><th class="num">Bars</th>
    <th class="num">Failed attempts</th><th>Failed symbols</th><th>Cause</th></tr></thead><tbody>${runs.map((r) =>
    `<tr data-run="${h(r.runId)}"><td>${h(r.runId)}</td><td>${h(r.trigger)}</td><td data-field="status">${h(r.status)}</td>
    <td>${h(r.startedAt)}</td><td>${h(r.finishedAt ?? '—')}</td><td class="num" data-field="symbolsDone">${
      h(r.symbolsDone)} / ${h(r.symbols.length)}</td><td class="num">${h(r.barsReceived ?? '—')}</td>
    <td class="num" data-field="failedAttempts">${h(r.failedAttempts)}</td><td>${h((r.failedSymbols || []).join(', ')
    || '—')}</td><td>${h(r.cause ?? '')}</td></tr>`).join('')}</tbody></table></div>
    <h2>Failed attempts</h2>${attempts.length ? `<p class="hint">Of the ${details.length} newest runs that had any.</p>
    <div class="scroll" tabindex="0"><table id="attempts"><thead><tr><th>Run</th><th>Symbol</th><th>Provider</th>
    <th class="num">Attempt</th><th>Cause</th><th>Then</th><th>At</th></tr></thead><tbody>${attempts.map((a) =>
    `<tr data-run="${h(a.runId)}"><td>${h(a.runId)}</td><td>${h(a.symbol)}</td><td>${h(a.provider)}</td>
    <td class="num">${h(a.attempt)}</td><td>${h(a.cause ?? '')}</td><td>${h(a.nextStep)}</td><td>${h(a.at)}</td></tr>`)
    .join('')}</tbody></table></div>` : '<p class="hint" id="no-attempts">No attempt failed in these runs.</p>'}`;
}
