// Live figures: a Server-Sent Events stream of the query side, and the indicator in the navigation bar that says
// whether it is connected. A lost stream reconnects by itself; the stream's first event is the current state.
import { parseExact } from './api.js';

export function live(url, eventName, onData) {
  const indicator = document.getElementById('live');
  const show = (state, text) => {
    indicator.hidden = false;
    indicator.dataset.state = state;
    indicator.textContent = text;
  };
  let source;
  const open = () => {
    source = new EventSource(url);
    source.addEventListener(eventName, (event) => {
      show('live', 'Live');
      onData(parseExact(event.data));
    });
    source.addEventListener('error', () => {
      show('disconnected', 'Disconnected: reconnecting…');
      if (source.readyState === EventSource.CLOSED) setTimeout(open, 2000); // refused, not just dropped
    });
  };
  show('disconnected', 'Connecting…');
  open();
  window.addEventListener('pagehide', () => source.close());
}
