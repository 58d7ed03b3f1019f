// One shared EventSource('/events') for the whole console; pages subscribe and unsubscribe.
const TYPES = ['run.queued', 'run.started', 'run.waiting', 'run.resumed', 'run.completed', 'run.failed',
  'run.cancelled', 'approval.requested', 'approval.approved', 'approval.denied', 'approvals'];
const listeners = new Set();
let source = null;

function dispatch(type, raw) {
  let data;
  try { data = JSON.parse(raw); } catch { return; }
  for (const fn of listeners) {
    try { fn(type, data); } catch (e) { console.error(e); }
  }
}

let broken = false;
const conn = () => document.getElementById('conn');

/** Shows whether live updates flow (icon + text in the header). */
function setConn(live) {
  const el = conn();
  if (!el) return;
  el.dataset.state = live ? 'live' : 'offline';
  el.replaceChildren(Object.assign(document.createElement('span'), { className: 'icon', textContent: live ? '●' : '○' }), live ? ' Live' : ' Reconnecting…');
  el.firstChild.setAttribute('aria-hidden', 'true');
}

export function connect() {
  if (source) return;
  source = new EventSource('/events');
  for (const t of TYPES) source.addEventListener(t, (ev) => dispatch(t, ev.data));
  // Nothing is replayed after a reconnect: pages reload what they show on 'reconnected'.
  source.addEventListener('error', () => { broken = true; setConn(false); });
  source.addEventListener('open', () => {
    setConn(true);
    if (broken) dispatch('reconnected', '{}');
    broken = false;
  });
}

export function disconnect() {
  if (source) source.close();
  source = null;
  if (conn()) conn().replaceChildren();
}

/** Calls fn(type, data) for every gateway event (and 'reconnected'); returns the unsubscribe function. */
export function subscribe(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
