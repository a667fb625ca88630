// Operations (admins; the server refuses this page to anyone else): every projection's state, position, lag and
// dead letters, refreshed every two seconds.
import { get, h } from './api.js';

export async function operations(main) {
  main.innerHTML = `<h1>Operations</h1><p class="hint">Projections of the query side, refreshed every 2 s.</p>
    <div id="projections"></div>`;
  const render = async () => {
    const projections = await get('/api/v1/admin/projections');
    document.getElementById('projections').innerHTML = `<div class="scroll" tabindex="0"><table id="projections-table"><thead>
      <tr><th>Projection</th><th>State</th><th class="num">Version</th><th class="num">Position</th>
      <th class="num">Head</th><th class="num">Lag (events)</th><th class="num">Lag (s)</th>
      <th class="num">Dead letters</th><th>Stalled</th><th>Rebuild</th></tr></thead><tbody>${projections.map((p) =>
      `<tr data-projection="${h(p.name)}"><td>${h(p.name)}</td><td data-field="state">${h(p.state)}</td>
      <td class="num">${h(p.activeVersion)}</td><td class="num">${h(p.position)}</td><td class="num">${h(p.head)}</td>
      <td class="num" data-field="lagEvents">${h(p.lagEvents)}</td><td class="num">${h(p.lagSeconds)}</td>
      <td class="num" data-field="deadLetters">${h(p.deadLetters)}</td><td>${p.stalled === 'true' || p.stalled === true
        ? 'yes' : 'no'}</td><td>${p.rebuild ? `v${h(p.rebuild.version)}: ${h(p.rebuild.eventsDone)} / ${
        h(p.rebuild.eventsTotal)}` : ''}</td></tr>`).join('')}</tbody></table></div>`;
  };
  await render();
  setInterval(() => render().catch(() => {}), 2000);
}
