// Models and anomalies (the ml-projector's, through the relay): the model registry with each version's held-out
// metrics, one version's promotion history (?model=), and the anomalies the caller may see.
import { get, h, withQuery, Problem } from './api.js';

const ML = '/bff/ml/api/v1';

function round(text) {
  return text == null ? '—' : Number(text).toFixed(4);
}

export async function models(main, session, parameter, query) {
  const chosen = query.get('model');
  let registry;
  let anomalies;
  let detail;
  try {
    [registry, anomalies, detail] = await Promise.all([get(`${ML}/models?limit=200`), get(`${ML}/anomalies?limit=50`),
      chosen ? get(`${ML}/models/${encodeURIComponent(chosen)}`).catch((failure) => {
        if (failure instanceof Problem && failure.status === 404) return null;
        throw failure;
      }) : null]);
  } catch (failure) {
    if (failure instanceof Problem && failure.status === 503) {
      main.innerHTML = `<h1>Models and anomalies</h1><div class="empty" id="ml-unavailable"><p class="unavailable">
        <strong>Models, forecasts and anomalies unavailable:</strong> the ml-projector does not answer.</p><p>
        <code>./run.sh</code> starts it with the other services; on another machine set
        <code>FINFLOW_BFF_ML_URI</code> of the query side to its address.</p></div>`;
      return;
    }
    throw failure;
  }
  main.innerHTML = `<h1>Models and anomalies</h1>
    <h2>Model registry</h2>${registrySection(registry.models, chosen)}
    ${chosen ? historySection(chosen, detail) : ''}
    <h2>Anomalies</h2>${anomaliesSection(anomalies.anomalies)}`;
}

function registrySection(versions, chosen) {
  if (!versions.length) {
    return `<div class="empty" id="no-models"><p>No model trained yet. The ml-projector trains models for a symbol
      once it has 120 feature rows (<code>FINFLOW_ML_MIN_ROWS</code>): with the sample prices, within a minute or
      two of the first start. Registered instruments are on the <a href="/instruments">Instruments</a> page.</p></div>`;
  }
  return `<p class="hint">Held-out metrics of each version; a candidate replaces the champion only when it beats it.
    Choose a version for its promotion history.</p><div class="scroll" tabindex="0"><table id="models-table"><thead><tr>
    <th>Symbol</th><th>Target</th><th>Model</th><th>Status</th><th>Trained on</th><th class="num">MAE</th>
    <th class="num">RMSE</th><th class="num">MAE / baseline</th><th class="num">DM p</th></tr></thead><tbody>${
    versions.map((v) => `<tr data-model="${h(v.id)}"${v.id === chosen ? ' aria-current="true"' : ''}><td>${h(v.symbol)}
    </td><td>${h(v.target)}</td><td><a href="${withQuery('/models', { model: v.id })}">${h(v.kind)} <span
    class="badge">${h(v.id)}</span></a></td><td data-field="status">${h(v.status)}</td><td>${h(v.firstDate)} to ${
      h(v.lastDate)}</td><td class="num">${round(v.metrics && v.metrics.heldOutMae)}</td><td class="num">${
      round(v.metrics && v.metrics.heldOutRmse)}</td><td class="num">${round(v.metrics && v.metrics.maeRatio)}</td>
    <td class="num">${round(v.metrics && v.metrics.dmPValue)}</td></tr>`).join('')}</tbody></table></div>`;
}

function historySection(chosen, detail) {
  if (!detail) return `<h2>Promotion history</h2><p class="problem">No model version ${h(chosen)}.</p>`;
  const m = detail.model;
  return `<h2>Promotion history of ${h(m.kind)} ${h(m.id)}</h2>${detail.promotions.length
    ? `<div class="scroll" tabindex="0"><table id="promotions"><thead><tr><th>Decided</th><th>Candidate</th>
    <th>Champion then</th><th>Promoted</th><th class="num">Candidate MAE</th><th class="num">Champion MAE</th>
    <th class="num">DM p</th><th>Reason</th></tr></thead><tbody>${detail.promotions.map((p) => `<tr data-promotion="${
      h(p.id)}"><td>${h(p.decidedOn)}</td><td>${h(p.candidateId)}</td><td>${h(p.championId ?? '—')}</td><td>${
      p.promoted === 'true' || p.promoted === true ? 'yes' : 'no'}</td><td class="num">${round(p.candidateMae)}</td>
    <td class="num">${round(p.championMae)}</td><td class="num">${round(p.dmPValue)}</td><td>${h(p.reason)}</td></tr>`)
    .join('')}</tbody></table></div>` : '<p class="hint" id="no-promotions">No promotion decision names this version.</p>'}`;
}

function anomaliesSection(anomalies) {
  if (!anomalies.length) {
    return `<p class="hint" id="no-anomalies">No anomaly found: a daily return or a transaction amount is listed when
      its robust z-score passes the threshold (<code>FINFLOW_ML_RETURN_THRESHOLD</code>,
      <code>FINFLOW_ML_AMOUNT_THRESHOLD</code>).</p>`;
  }
  return `<div class="scroll" tabindex="0"><table id="anomalies"><thead><tr><th>Date</th><th>Kind</th><th>Symbol or
    account</th><th class="num">Value</th><th class="num">Score</th><th>Reason</th></tr></thead><tbody>${anomalies.map((a) =>
    `<tr data-anomaly="${h(a.id)}"><td>${h(a.occurredOn)}</td><td>${a.kind === 'PRICE_RETURN' ? 'Price return'
      : 'Transaction'}</td><td>${a.symbol ? `<a href="/instruments/${encodeURIComponent(a.symbol)}">${h(a.symbol)}</a>`
      : h(a.accountId)}</td><td class="num">${h(a.value)}</td><td class="num">${round(a.score)}</td><td>${
      h(a.reason)}</td></tr>`).join('')}</tbody></table></div>`;
}
