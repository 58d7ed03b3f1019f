// Runs: server-paged table (the API's nextCursor), filters in the URL, live updates from /events.
import { api } from '../api.js';
import { subscribe } from '../events.js';
import { h, page, status, time, table, field, show, errorText, runLink, announce } from '../ui.js';

const STATUSES = ['queued', 'running', 'waiting', 'completed', 'failed', 'cancelled'];
const PAGE = 50;
const MAX_ROWS = 200;

export async function render(main, ctx) {
  const q = ctx.query;
  const statusSel = h('select', { name: 'status', 'data-search': true },
    h('option', { value: '' }, 'any'), STATUSES.map((s) => h('option', { value: s, selected: q.get('status') === s }, s)));
  const pipelineSel = h('select', { name: 'pipelineId' }, h('option', { value: '' }, 'any'));
  if (q.get('pipelineId')) pipelineSel.append(h('option', { value: q.get('pipelineId'), selected: true }, q.get('pipelineId')));
  const filters = h('form.filters', { role: 'search', 'aria-label': 'Filter runs' },
    field('Status', statusSel), field('Pipeline', pipelineSel), h('button', { type: 'submit' }, 'Filter'));
  const apply = (ev) => {
    if (ev) ev.preventDefault();
    const p = new URLSearchParams();
    if (statusSel.value) p.set('status', statusSel.value);
    if (pipelineSel.value) p.set('pipelineId', pipelineSel.value);
    // A filter change keeps the focus where it was (the select), not on the page title.
    const name = ev && ev.target && ev.target.name;
    ctx.navigate(`/ui/runs${p.toString() ? `?${p}` : ''}`, { focus: name && ev.type === 'change' ? `select[name=${name}]` : null });
  };
  filters.addEventListener('submit', apply);
  statusSel.addEventListener('change', apply);
  pipelineSel.addEventListener('change', apply);

  const note = h('div');
  const { table: tableEl, tbody } = table('Runs, newest first', ['Run', 'Pipeline', 'Status', 'Created']);
  const pager = h('nav.pager', { 'aria-label': 'Pages' });
  main.append(...page('Runs', filters, note, tableEl, pager));

  api('/pipelines').then((list) => {
    if (!ctx.isCurrent()) return;
    for (const p of list) if (p.id !== q.get('pipelineId')) pipelineSel.append(h('option', { value: p.id }, p.id));
  }).catch(() => {});

  const params = new URLSearchParams({ limit: String(PAGE) });
  for (const k of ['status', 'pipelineId', 'cursor']) if (q.get(k)) params.set(k, q.get(k));
  const rows = new Map();
  const row = (r) => {
    const tr = h('tr', { 'data-run': r.runId },
      h('td', runLink(r.runId)), h('td', r.pipelineId), h('td.st', status(r.status)), h('td', time(r.createdAt)));
    rows.set(r.runId, tr);
    return tr;
  };
  let list;
  const early = [];
  let onEvent = (type, ev) => early.push([type, ev]);
  const unsubscribe = subscribe((type, ev) => onEvent(type, ev));
  try {
    list = await api(`/runs?${params}`);
  } catch (e) {
    unsubscribe();
    show(note, errorText(e), 'error');
    return null;
  }
  const fill = () => {
    rows.clear();
    tbody.replaceChildren(...list.runs.map(row));
    if (!list.runs.length) show(note, 'No runs match.', 'info'); else note.replaceChildren();
  };
  fill();
  const base = new URLSearchParams(q);
  base.delete('cursor');
  if (q.get('cursor')) pager.append(h('a', { href: `/ui/runs${base.toString() ? `?${base}` : ''}` }, '« Newest'));
  if (list.nextCursor) {
    base.set('cursor', list.nextCursor);
    pager.append(h('a', { href: `/ui/runs?${base}`, rel: 'next' }, 'Older »'));
  }
  const reload = async () => {
    try {
      list = await api(`/runs?${params}`);
      if (ctx.isCurrent()) fill();
    } catch (e) { show(note, errorText(e), 'error'); }
  };

  // Live: status changes update their row; new runs appear on the first page when they match the filters.
  const live = !q.get('cursor');
  let lastAnnounced = 0;
  onEvent = (type, ev) => {
    if (type === 'reconnected') { reload(); return; }
    if (!type.startsWith('run.') || !ev.runId) return;
    const tr = rows.get(ev.runId);
    if (tr) {
      const wanted = !q.get('status') || q.get('status') === ev.status;
      if (!wanted && live) { tr.remove(); rows.delete(ev.runId); return; }
      tr.querySelector('.st').replaceChildren(status(ev.status));
      return;
    }
    if (!live || (type !== 'run.queued' && !q.get('status'))) return;
    if (q.get('pipelineId') && q.get('pipelineId') !== ev.pipelineId) return;
    if (q.get('status') && q.get('status') !== ev.status) return;
    tbody.prepend(row({ runId: ev.runId, pipelineId: ev.pipelineId, status: ev.status, createdAt: ev.at }));
    note.replaceChildren();
    while (tbody.rows.length > MAX_ROWS) {
      const last = tbody.lastElementChild;
      rows.delete(last.dataset.run);
      last.remove();
    }
    if (Date.now() - lastAnnounced > 2000) {
      lastAnnounced = Date.now();
      announce(`New run ${ev.runId} of ${ev.pipelineId}`);
    }
  };
  for (const [type, ev] of early) onEvent(type, ev);
  return unsubscribe;
}
