// Talking to the API through the browser's session: reads from the query side, writes relayed to the command side
// (/bff/command/...), the CSRF cookie's value sent back as a header on every write.

/** A refused call: the problem details (RFC 9457) the service answered. */
export class Problem extends Error {
  constructor(status, body) {
    super((body && (body.detail || body.title)) || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
  }
}

/**
 * JSON.parse, except that every number is kept as the exact text the service wrote ("8686.20" stays "8686.20"):
 * amounts are shown from that text, never through a binary floating point number.
 */
export function parseExact(text) {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      let j = i + 1;
      while (j < text.length && '+-.eE0123456789'.includes(text[j])) j++;
      out += '"' + text.slice(i, j) + '"';
      i = j;
    } else {
      out += c;
      i++;
    }
  }
  return JSON.parse(out);
}

async function answer(response) {
  const text = await response.text();
  const body = text ? parseExact(text) : null;
  if (!response.ok) throw new Problem(response.status, body);
  return body;
}

/**
 * ECharts (the global {@code echarts}), once its script has run: it loads beside the modules (async in the shell),
 * so a page starts its reads without waiting for it and awaits it only to draw. (Its script element is not called
 * "echarts": an element's id is also a global name, which window.echarts would find before ECharts had run.)
 */
export const charts = new Promise((resolve, reject) => {
  if (window.echarts) {
    resolve(window.echarts);
    return;
  }
  const script = document.getElementById('chart-library');
  script.addEventListener('load', () => resolve(window.echarts));
  script.addEventListener('error', () => reject(new Error('the chart library could not be loaded')));
});

export async function get(path) {
  const early = window.finflowEarly && window.finflowEarly[path]; // started by the shell (index.html), used once
  if (early) {
    delete window.finflowEarly[path];
    return answer(await early);
  }
  return answer(await fetch(path, { headers: { Accept: 'application/json' } }));
}

function csrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : '';
}

/** A write: {@code body} is JSON text already (see decimalJson), so decimals go out exactly as typed. */
export async function send(method, path, body) {
  const headers = { Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return answer(await fetch(path, { method, headers, body }));
}

export const DECIMAL = /^-?\d+(\.\d+)?$/;

/** JSON of {@code fields}, the names in {@code decimals} written as number literals of their exact text. */
export function decimalJson(fields, decimals) {
  const parts = Object.entries(fields).filter(([, v]) => v !== '' && v != null).map(([k, v]) =>
    JSON.stringify(k) + ':' + (decimals.includes(k) && DECIMAL.test(v) ? v : JSON.stringify(v)));
  return '{' + parts.join(',') + '}';
}

/** A new client transaction id, made once per form: sending the form again (double click, retry) repeats it. */
export function newTransactionId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16)); // (randomUUID needs a secure context, this does not)
  return 'web-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Escapes text for HTML. */
export function h(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;',
    "'": '&#39;' }[c]));
}

/** The path of an account-scoped read with the page's time-travel parameters. */
export function withQuery(path, params) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
