// The console's router: history.pushState, one module per page, sign-in gate, shortcuts, approvals badge.
import { api, setSession, session, setUnauthorizedHandler } from './api.js';
import { connect, disconnect, subscribe } from './events.js';
import { announce, message } from './ui.js';

const ROUTES = [
  [/^\/ui\/?$/, 'runs'],
  [/^\/ui\/runs\/?$/, 'runs'],
  [/^\/ui\/runs\/([^/]+)$/, 'run'],
  [/^\/ui\/approvals\/?$/, 'approvals'],
  [/^\/ui\/schedules\/?$/, 'schedules'],
  [/^\/ui\/pipelines\/?$/, 'pipelines'],
  [/^\/ui\/pipelines\/([^/]+)$/, 'pipeline'],
  [/^\/ui\/sessions\/?$/, 'sessions'],
  [/^\/ui\/audit\/?$/, 'audit'],
  [/^\/ui\/gateway\/?$/, 'gateway'],
  [/^\/ui\/signin\/?$/, 'signin'],
];
const MODULES = { pipeline: 'pipelines' };

const main = document.getElementById('main');
const nav = document.getElementById('nav');
let cleanup = null;
let renderId = 0;
let signedIn = false;

/** Goes to `url`; focus then moves to the page title, or to `focus` (a selector) when a filter changed. */
export function navigate(url, { replace = false, focus = null } = {}) {
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  focusAfter = focus;
  return render();
}

async function render() {
  const id = ++renderId;
  main.setAttribute('aria-busy', 'true');
  if (cleanup) { try { cleanup(); } catch (e) { console.error(e); } cleanup = null; }
  const path = location.pathname;
  let name = 'notfound';
  let params = [];
  for (const [re, n] of ROUTES) {
    const m = path.match(re);
    if (m) { name = n; params = m.slice(1).map(decodeURIComponent); break; }
  }
  if (!signedIn && name !== 'signin') {
    const next = location.pathname + location.search;
    history.replaceState(null, '', `/ui/signin?next=${encodeURIComponent(next)}`);
    name = 'signin';
  }
  markCurrent();
  if (name === 'notfound') {
    main.replaceChildren(message(`No page at ${path}.`, 'error'));
    main.removeAttribute('aria-busy');
    return;
  }
  const mod = await import(`./pages/${MODULES[name] || name}.js`);
  if (id !== renderId) return;
  const ctx = { params, query: new URLSearchParams(location.search), navigate, signedIn: onSignedIn, isCurrent: () => id === renderId };
  main.replaceChildren();
  const result = await (name === 'pipeline' ? mod.renderOne : mod.render)(main, ctx);
  if (id !== renderId) { if (typeof result === 'function') result(); return; }
  main.removeAttribute('aria-busy');
  cleanup = typeof result === 'function' ? result : null;
  const title = document.getElementById('page-title');
  const keep = focusAfter && main.querySelector(focusAfter);
  focusAfter = null;
  if (keep) keep.focus();
  else if (title && moveFocus) title.focus({ preventScroll: false });
  moveFocus = true;
}
let moveFocus = false;
let focusAfter = null;

function markCurrent() {
  for (const a of nav.querySelectorAll('a')) {
    const here = location.pathname === a.pathname || location.pathname.startsWith(`${a.pathname}/`)
      || (a.pathname === '/ui/runs' && /^\/ui\/?$/.test(location.pathname));
    if (here) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

function setBadge(n) {
  const badge = document.getElementById('pending');
  const link = document.getElementById('nav-approvals');
  badge.hidden = !(n > 0);
  badge.textContent = n > 0 ? String(n) : '';
  link.setAttribute('aria-label', n > 0 ? `Approvals, ${n} pending` : 'Approvals');
}

let unsubscribeBadge = null;
async function onSignedIn(s, next) {
  setSession(s);
  signedIn = true;
  nav.hidden = false;
  const top = ['admin', 'operate', 'read'].find((x) => (s.scopes || []).includes(x)) || 'no scope';
  const who = document.getElementById('who');
  who.textContent = `${s.name} (${top})`;
  who.title = `Signed in as ${s.name}; scopes: ${(s.scopes || []).join(', ')}`;
  connect();
  unsubscribeBadge = unsubscribeBadge || subscribe((type, data) => {
    if (type === 'approvals' && typeof data.pending === 'number') setBadge(data.pending);
  });
  api('/approvals').then((list) => setBadge(list.length)).catch(() => {});
  if (next !== undefined) await navigate(next || '/ui/runs', { replace: true });
}

function signedOut(note) {
  signedIn = false;
  setSession(null);
  disconnect();
  nav.hidden = true;
  setBadge(0);
  navigate('/ui/signin', { replace: true }).then(() => { if (note) announce(note); });
}

setUnauthorizedHandler(() => { if (signedIn) signedOut('Your session ended; sign in again.'); });

document.getElementById('signout').addEventListener('click', async () => {
  try { await api('/session', { method: 'DELETE', quiet401: true }); } catch { /* already gone */ }
  signedOut('Signed out.');
});

// Links inside the console are handled without a page load.
document.addEventListener('click', (ev) => {
  const a = ev.target.closest('a[href]');
  if (!a || ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
  if (a.origin !== location.origin || !a.pathname.startsWith('/ui/') || a.target) return;
  if (/\.[a-z0-9]+$/i.test(a.pathname)) return;
  ev.preventDefault();
  if (a.pathname + a.search === location.pathname + location.search) return;
  navigate(a.pathname + a.search + a.hash);
});
window.addEventListener('popstate', () => render());

// Keyboard shortcuts: / focuses the filter, g r / g a / g s switch pages, ? lists them.
const keys = document.getElementById('keys');
document.getElementById('keys-open').addEventListener('click', () => keys.showModal());
let pendingG = 0;
document.addEventListener('keydown', (ev) => {
  if (ev.ctrlKey || ev.metaKey || ev.altKey || keys.open) return;
  const t = ev.target;
  const typing = t && (t.isContentEditable || t.tagName === 'TEXTAREA'
    || (t.tagName === 'INPUT' && !/^(checkbox|radio|button|submit|reset)$/.test(t.type)));
  if (typing) return;
  if (ev.key === '?') { ev.preventDefault(); keys.showModal(); return; }
  if (!signedIn) return;
  if (ev.key === '/') {
    const target = main.querySelector('[data-search]') || main.querySelector('input, select, textarea');
    if (target) { ev.preventDefault(); target.focus(); }
    return;
  }
  if (pendingG && Date.now() - pendingG < 1500) {
    pendingG = 0;
    const to = { r: '/ui/runs', a: '/ui/approvals', s: '/ui/schedules' }[ev.key];
    if (to) { ev.preventDefault(); navigate(to); }
    return;
  }
  pendingG = ev.key === 'g' ? Date.now() : 0;
});

// Start: ask the server whether the cookie is a live session.
(async () => {
  try {
    const s = await api('/session', { quiet401: true });
    await onSignedIn(s);
  } catch { /* not signed in */ }
  await render();
})();
