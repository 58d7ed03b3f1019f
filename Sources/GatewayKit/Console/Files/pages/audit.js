// Audit: the hash-chained log, paged by cursor, filters in the URL, and Verify.
import { api } from '../api.js';
import { h, page, table, time, show, errorText, field, button } from '../ui.js';

export async function render(main, ctx) {
  const q = ctx.query;
  const note = h('div');
  const verdict = h('div', { 'aria-live': 'polite' });
  const actor = h('input', { type: 'search', name: 'actor', value: q.get('actor') || '', 'data-search': true });
  const action = h('input', { type: 'search', name: 'action', value: q.get('action') || '' });
  const runId = h('input', { type: 'search', name: 'runId', value: q.get('runId') || '' });
  const form = h('form.filters', { role: 'search', 'aria-label': 'Filter the audit log' },
    field('Actor', actor), field('Action', action), field('Run id', runId), h('button', { type: 'submit' }, 'Filter'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const p = new URLSearchParams();
    for (const [k, el] of [['actor', actor], ['action', action], ['runId', runId]]) if (el.value.trim()) p.set(k, el.value.trim());
    ctx.navigate(`/ui/audit${p.toString() ? `?${p}` : ''}`);
  });
  const verify = button('Verify', async () => {
    try {
      const r = await api('/audit/verify');
      show(verdict, r.ok ? `Chain verified: intact${r.entries !== undefined ? ` (${r.entries} entries)` : ''}.` : `Chain broken at entry ${r.brokenAt}.`, r.ok ? 'ok' : 'error');
    } catch (e) { show(verdict, errorText(e), 'error'); }
  });
  const { table: tableEl, tbody } = table('Audit log, newest first', ['Seq', 'Time', 'Actor', 'Action', 'Target', 'Reason']);
  const pager = h('nav.pager', { 'aria-label': 'Pages' });
  main.append(...page('Audit', form, h('div.buttons', verify), verdict, note, tableEl, pager));

  const params = new URLSearchParams({ limit: '100' });
  for (const k of ['actor', 'action', 'runId', 'cursor']) if (q.get(k)) params.set(k, q.get(k));
  try {
    const list = await api(`/audit?${params}`);
    tbody.replaceChildren(...list.entries.map((e) => h('tr', { 'data-seq': String(e.seq) },
      h('td.mono', String(e.seq)), h('td', time(e.at)), h('td', e.actor), h('td', e.action), h('td.mono', e.target), h('td', e.reason || '—'))));
    if (!list.entries.length) show(note, 'No entries.', 'info');
    const base = new URLSearchParams(q);
    base.delete('cursor');
    if (q.get('cursor')) pager.append(h('a', { href: `/ui/audit${base.toString() ? `?${base}` : ''}` }, '« Newest'));
    if (list.nextCursor) {
      base.set('cursor', list.nextCursor);
      pager.append(h('a', { href: `/ui/audit?${base}`, rel: 'next' }, 'Older »'));
    }
  } catch (e) {
    show(note, errorText(e), 'error');
  }
}
