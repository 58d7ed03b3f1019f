// Small DOM helpers shared by the pages.

/** h('tag#id.class', {attr: value, onclick: fn}, ...children) → element. */
export function h(spec, attrs, ...children) {
  const [head, ...classes] = spec.split('.');
  const [tag, id] = head.split('#');
  const el = document.createElement(tag || 'div');
  if (id) el.id = id;
  if (classes.length) el.className = classes.join(' ');
  if (attrs && (typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
}

const ICONS = {
  queued: '○', running: '▶', waiting: '‖', completed: '✓', failed: '✗', cancelled: '⊘',
  pending: '○', skipped: '↷', active: '●', idle: '◌', expired: '⊗', closed: '■',
  paused: '‖', ok: '✓', error: '✗', skip: '↷', skipped_paused: '↷',
};

/** Status as icon + text (never colour alone). */
export function status(value) {
  const s = String(value || 'unknown');
  return h(`span.status.s-${s.replace(/[^a-z_]/g, '')}`, { 'data-status': s },
    h('span.icon', { 'aria-hidden': 'true' }, ICONS[s] || '•'), ' ', s);
}

export function fmtTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, { year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

export function time(iso) {
  return iso ? h('time', { datetime: iso, title: iso }, fmtTime(iso)) : '—';
}

export function fmtUTC(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().replace('.000Z', 'Z');
}

export function duration(ms) {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(s < 10 ? 2 : 1)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${Math.round(s % 60)} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function json(value) {
  return h('pre.json', { tabindex: '0' }, value === undefined ? '—' : JSON.stringify(value, null, 2));
}

/** A message box; kind is 'error', 'ok' or 'info'. Errors use role=alert. */
export function message(text, kind = 'info') {
  const icon = { error: '⚠', ok: '✓', info: 'ℹ' }[kind];
  return h(`p.msg.msg-${kind}`, kind === 'error' ? { role: 'alert' } : {}, h('span.icon', { 'aria-hidden': 'true' }, icon), ' ', text);
}

/** The text shown for a failed request (403 gets its own wording). */
export function errorText(e) {
  if (e && e.status === 403) return `Not allowed: ${e.message} (${e.code})`;
  if (e && e.status === 404) return `Not found: ${e.message}`;
  return e && e.message ? `${e.message}${e.code ? ` (${e.code})` : ''}` : String(e);
}

/** Puts a message into `slot` (an element), replacing what was there. */
export function show(slot, text, kind) {
  slot.replaceChildren(text ? message(text, kind) : '');
}

/** Announces text to screen readers through the shared polite live region. */
export function announce(text) {
  const live = document.getElementById('live');
  live.textContent = '';
  setTimeout(() => { live.textContent = text; }, 30);
}

export function page(title, ...children) {
  document.title = `${title} · gw console`;
  return [h('h1', { tabindex: '-1', id: 'page-title' }, title), ...children];
}

/** A table with a caption (visually hidden), header cells and a tbody to fill. */
export function table(caption, columns, rows = []) {
  const tbody = h('tbody', rows);
  const t = h('table', h('caption.sr-only', caption), h('thead', h('tr', columns.map((c) => h('th', { scope: 'col' }, c)))), tbody);
  // The wrapper scrolls on narrow screens: focusable and named, so the keyboard can scroll it too.
  return { table: h('div.scroll', { tabindex: '0', role: 'region', 'aria-label': caption }, t), tbody };
}

let idCounter = 0;
export const uid = (p = 'f') => `${p}-${++idCounter}`;

/** A labelled field: label + control. */
export function field(label, control, hint) {
  const id = control.id || uid();
  control.id = id;
  const hintEl = hint ? h('small.hint', { id: `${id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div.field', h('label', { for: id }, label), control, hintEl);
}

/** A button that disables itself while `fn` runs. */
export function button(label, fn, cls = '') {
  const b = h(`button${cls ? `.${cls}` : ''}`, { type: 'button' }, label);
  b.addEventListener('click', async () => {
    b.disabled = true;
    b.setAttribute('aria-busy', 'true');
    try { await fn(b); } finally { b.disabled = false; b.removeAttribute('aria-busy'); }
  });
  return b;
}

export function runLink(runId) {
  return h('a.mono', { href: `/ui/runs/${encodeURIComponent(runId)}` }, runId);
}

export function empty(text) {
  return h('p.empty', text);
}
