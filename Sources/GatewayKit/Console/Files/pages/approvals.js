// Approvals: one inbox for approval gates and agent permission requests; live; decided-elsewhere items leave with a note.
import { api, can, seg } from '../api.js';
import { subscribe } from '../events.js';
import { h, page, time, field, button, show, errorText, runLink, uid, empty, announce, message } from '../ui.js';

const key = (runId, stepId) => `${runId}\u0000${stepId || ''}`;

export async function render(main, ctx) {
  const note = h('div');
  const notes = h('div.notes', { 'aria-live': 'polite' });
  const list = h('ul.inbox', { 'aria-label': 'Pending decisions' });
  const filter = h('input', { type: 'search', name: 'q', 'data-search': true, value: ctx.query.get('q') || '' });
  const filterForm = h('form.filters', { role: 'search', 'aria-label': 'Filter approvals' }, field('Search', filter, 'Message, pipeline or run id'));
  filterForm.addEventListener('submit', (ev) => ev.preventDefault());
  main.append(...page('Approvals', filterForm, note, notes, list));
  const items = new Map();
  const mine = new Set();

  const applyFilter = () => {
    const q = filter.value.trim().toLowerCase();
    for (const li of list.children) li.hidden = q !== '' && !li.dataset.text.includes(q);
    const p = new URLSearchParams(ctx.query);
    if (q) p.set('q', filter.value.trim()); else p.delete('q');
    history.replaceState(null, '', `/ui/approvals${p.toString() ? `?${p}` : ''}`);
  };
  filter.addEventListener('input', applyFilter);

  const emptyNote = empty('Nothing waits for a decision.');
  const syncEmpty = () => { if (items.size === 0) list.before(emptyNote); else emptyNote.remove(); };

  function item(a) {
    const k = key(a.runId, a.stepId);
    const agent = /^Agent '.*' asks permission/.test(a.message);
    const titleId = uid('appr');
    const reason = h('input', { type: 'text', name: 'reason', id: uid('reason') });
    const rowNote = h('div');
    const decide = (verb, done) => async () => {
      mine.add(k);
      try {
        await api(`/runs/${seg(a.runId)}/${verb}`, { method: 'POST', body: { stepId: a.stepId, reason: reason.value || undefined } });
        remove(k, `${done}: ${a.message} (run ${a.runId}).`, 'ok');
      } catch (e) {
        mine.delete(k);
        if (e.status === 409) remove(k, `Already decided elsewhere: ${a.message} (run ${a.runId}).`, 'info');
        else show(rowNote, errorText(e), 'error');
      }
    };
    const li = h('li.card', { 'data-key': k, 'data-run': a.runId, 'aria-labelledby': titleId, dataset: { text: `${a.message} ${a.pipelineId} ${a.runId}`.toLowerCase() } },
      h('h2.cardtitle', { id: titleId }, h('span.kind', agent ? 'Agent permission' : 'Approval'), ' ', a.message),
      h('dl.facts',
        h('dt', 'Pipeline'), h('dd', h('a', { href: `/ui/pipelines/${seg(a.pipelineId)}` }, a.pipelineId)),
        h('dt', 'Run'), h('dd', runLink(a.runId), ` · step ${a.stepId}`),
        h('dt', 'Requested'), h('dd', time(a.requestedAt)),
        h('dt', 'Expires'), h('dd', a.expiresAt ? time(a.expiresAt) : 'never'),
        a.approvers && a.approvers.length ? [h('dt', 'Approvers'), h('dd', a.approvers.join(', '))] : null),
      can('operate') ? [field('Reason', reason), h('div.buttons',
        button('Approve', decide('approve', 'Approved'), 'primary'),
        button('Deny', decide('deny', 'Denied'), 'danger'))] : null,
      rowNote);
    items.set(k, li);
    return li;
  }

  function remove(k, text, kind) {
    const li = items.get(k);
    if (!li) return;
    const next = li.nextElementSibling || li.previousElementSibling;
    const hadFocus = li.contains(document.activeElement);
    li.remove();
    items.delete(k);
    notes.prepend(message(text, kind));
    while (notes.childElementCount > 5) notes.lastElementChild.remove();
    syncEmpty();
    if (hadFocus) (next ? next.querySelector('input, button') : document.getElementById('page-title'))?.focus();
  }

  async function load() {
    try {
      const all = await api('/approvals');
      if (!ctx.isCurrent()) return;
      const seen = new Set();
      for (const a of all) {
        const k = key(a.runId, a.stepId);
        seen.add(k);
        if (!items.has(k)) list.append(item(a));
      }
      for (const [k, li] of items) {
        if (!seen.has(k) && !mine.has(k)) remove(k, `Decided elsewhere: ${li.querySelector('.cardtitle').textContent} (run ${li.dataset.run}).`, 'info');
      }
      syncEmpty();
      applyFilter();
    } catch (e) {
      show(note, errorText(e), 'error');
    }
  }
  let loading = true;
  let again = false;
  const unsubscribe = subscribe((type, ev) => {
    if (loading) { again = true; return; }
    if (type === 'reconnected') { load(); return; }
    if (type === 'approval.requested') { load(); announce('New approval request'); return; }
    if (type === 'approval.approved' || type === 'approval.denied' || type === 'run.cancelled' || type === 'run.failed' || type === 'run.completed') {
      const what = { 'approval.approved': 'approved', 'approval.denied': 'denied' }[type] || type.replace('run.', 'run ');
      for (const [k, li] of items) {
        if (li.dataset.run !== ev.runId) continue;
        if (ev.stepId && k !== key(ev.runId, ev.stepId) && type.startsWith('approval.')) continue;
        if (mine.has(k)) continue;
        remove(k, `Decided elsewhere (${what}): ${li.querySelector('.cardtitle').textContent} (run ${ev.runId}).`, 'info');
        announce('An approval was decided elsewhere');
      }
    }
  });
  await load();
  loading = false;
  if (again) load();
  return unsubscribe;
}
