// The ml-projector's view of an instrument on its page: the newest closing-price forecasts (drawn over the candles
// with their intervals, and listed with the model that made them) and the newest feature rows. Forecasts and
// features are the models' floating point numbers: the tables round them to 4 decimals, the data attributes and
// tooltips carry the API's text.
import { h, withQuery } from './api.js';

/** Why the ml-projector had nothing to say ({@code what}: "Forecasts", "Features"), in words that say what to do. */
function unavailable(problem, what) {
  if (problem.status === 503) {
    return `<p class="unavailable" data-problem="unavailable"><strong>${what} unavailable:</strong> the ml-projector
      does not answer. <code>./run.sh</code> starts it with the other services; the prices above are the query
      side's.</p>`;
  }
  if (problem.status === 404) {
    return `<p class="hint" data-problem="unknown-symbol">No bar of this instrument has reached the ml-projector
      yet; ${what.toLowerCase()} follow a few seconds after its bars.</p>`;
  }
  // Any other failure leaves the rest of the page standing: the chart and the quality are the query side's.
  return `<p class="unavailable" data-problem="${h(problem.status || 'failed')}"><strong>${what} unavailable:</strong>
    the ml-projector answered: ${h(problem.message)}.</p>`;
}

/** The forecasts made at the newest origin: one set per model, horizons in order. */
function newest(forecasts) {
  const origin = forecasts.reduce((max, f) => (f.originDate > max ? f.originDate : max), '');
  return forecasts.filter((f) => f.originDate === origin)
    .sort((a, b) => a.model.id.localeCompare(b.model.id) || Number(a.horizon) - Number(b.horizon));
}

function round(text) {
  return text == null ? '—' : Number(text).toFixed(4);
}

export function forecastSection(result, allModels, path) {
  if (result.problem) return unavailable(result.problem, 'Forecasts');
  const shown = newest(result.forecasts);
  if (!shown.length) {
    return allModels
      ? `<p class="hint" id="no-forecasts">No forecast yet. Models train once a symbol has 120 feature rows
        (<code>FINFLOW_ML_MIN_ROWS</code>); the first forecasts follow within seconds.</p>`
      : `<p class="hint" id="no-forecasts">No model of this instrument beats its naive baseline on held-out data, so
        none of its forecasts is shown. <a href="${withQuery(path, { forecasts: 'all' })}">Show every model's
        forecasts</a>.</p>`;
  }
  const level = Math.round(Number(shown[0].intervalLevel) * 100);
  return `<p class="hint">Made at the close of ${h(shown[0].originDate)}, ${h(shown[0].horizon)} to ${
    h(shown[shown.length - 1].horizon)} trading days ahead; the band is the calibrated ${level} % interval.</p>
    <div class="scroll" tabindex="0"><table id="forecast-table"><thead><tr><th>Model</th><th>Skill</th>
    <th class="num">Days ahead</th><th class="num">Close</th><th class="num">Interval</th><th class="num">Actual</th>
    </tr></thead><tbody>${shown.map((f) => `<tr data-model="${h(f.model.id)}" data-horizon="${h(f.horizon)}">
    <td>${h(f.model.kind)} <span class="badge">${h(f.model.id)}</span></td><td>${h(f.skill ? f.skill.label : '—')}</td>
    <td class="num">${h(f.horizon)}</td><td class="num">${round(f.point)}</td>
    <td class="num">${f.lower == null ? '—' : `${round(f.lower)} – ${round(f.upper)}`}</td>
    <td class="num">${round(f.actual)}</td></tr>`).join('')}</tbody></table></div>`;
}

/** Weekdays after {@code date} (the chart's axis beyond the last bar; holidays are not known here). */
function weekdaysAfter(date, count) {
  const out = [];
  const day = new Date(`${date}T00:00:00Z`);
  while (out.length < count) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) out.push(day.toISOString().slice(0, 10));
  }
  return out;
}

/**
 * Draws the newest forecasts over the candles: per model its points (h trading days after the origin's bar) and
 * the interval as a band. The chart's box gets them as data-forecasts.
 */
export function overlay({ chart, box, dates }, forecasts) {
  const shown = newest(forecasts);
  const origin = shown.length ? dates.lastIndexOf(dates.filter((d) => d <= shown[0].originDate).pop()) : -1;
  if (origin < 0) {
    box.dataset.forecasts = '[]';
    return;
  }
  const last = Math.max(...shown.map((f) => origin + Number(f.horizon)));
  const axis = dates.concat(weekdaysAfter(dates[dates.length - 1], Math.max(0, last - dates.length + 1)));
  const drawn = shown.map((f) => ({ model: f.model.id, kind: f.model.kind, originDate: f.originDate,
    horizon: f.horizon, point: f.point, lower: f.lower, upper: f.upper, date: axis[origin + Number(f.horizon)] }));
  box.dataset.forecasts = JSON.stringify(drawn);
  const series = [];
  const models = [...new Set(drawn.map((f) => f.model))];
  models.forEach((model, m) => {
    const own = drawn.filter((f) => f.model === model);
    const name = `${own[0].kind} ${model}`;
    const color = ['#7c3aed', '#0f766e', '#c2410c', '#be185d'][m % 4];
    const at = (value) => {
      const data = new Array(axis.length).fill(null);
      own.forEach((f) => { data[origin + Number(f.horizon)] = value(f); });
      return data;
    };
    series.push({ type: 'line', name, itemStyle: { color }, lineStyle: { color }, symbolSize: 6, connectNulls: true, z: 5,
      data: at((f) => ({ value: Number(f.point), text: `${f.point} (h=${f.horizon}, interval ${f.lower ?? '—'} to ${
        f.upper ?? '—'})` })) });
    if (own.some((f) => f.lower != null)) {
      const band = `band-${m}`;
      series.push({ type: 'line', name: `${name} lower`, stack: band, symbol: 'none', connectNulls: true,
        lineStyle: { opacity: 0 }, tooltip: { show: false }, data: at((f) => (f.lower == null ? null : Number(f.lower))) });
      series.push({ type: 'line', name: `${name} interval`, stack: band, symbol: 'none', connectNulls: true,
        lineStyle: { opacity: 0 }, areaStyle: { color, opacity: 0.18 }, tooltip: { show: false },
        data: at((f) => (f.lower == null ? null : Number(f.upper) - Number(f.lower))) });
    }
  });
  chart.setOption({ xAxis: { data: axis }, legend: { top: 0, data: models.map((model) =>
    `${drawn.find((f) => f.model === model).kind} ${model}`) }, series: [{}, ...series] });
}

export function featureSection(result) {
  if (result.problem) return unavailable(result.problem, 'Features');
  const rows = result.rows.slice(-5).reverse();
  if (!rows.length) return '<p class="hint" id="no-features">No feature row yet.</p>';
  const fields = [['close', 'Close'], ['logReturn', 'Log return'], ['sma20', 'SMA 20'], ['sma50', 'SMA 50'],
    ['rsi14', 'RSI 14'], ['macd', 'MACD'], ['realizedVol20', 'Volatility 20']];
  return `<p class="hint">The newest rows of the feature table the models train on (version ${
    h(result.featureVersion)}).</p><div class="scroll" tabindex="0"><table id="feature-table"><thead><tr><th>Date</th>${
    fields.map(([, label]) => `<th class="num">${label}</th>`).join('')}</tr></thead><tbody>${rows.map((r) =>
    `<tr data-date="${h(r.date)}"><td>${h(r.date)}</td>${fields.map(([field]) => `<td class="num" data-field="${field}"
    data-value="${h(r[field] ?? '')}">${round(r[field])}</td>`).join('')}</tr>`).join('')}</tbody></table></div>`;
}
