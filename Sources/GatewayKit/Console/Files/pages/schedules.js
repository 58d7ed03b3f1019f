// Schedules: expression and zone, next fire in local time and UTC, last outcome, pause/resume, preview.
import { api, can, seg } from '../api.js';
import { h, page, status, table, button, show, errorText, fmtTime, fmtUTC, empty, field } from '../ui.js';

export async function render(main, ctx) {
  const note = h('div', { 'aria-live': 'polite' });
  const filter = h('input', { type: 'search', name: 'q', 'data-search': true, value: ctx.query.get('q') || '' });
  const form = h('form.filters', { role: 'search', 'aria-label': 'Filter schedules' }, field('Search', filter, 'Id or pipeline'));
  form.addEventListener('submit', (ev) => ev.preventDefault());
  const cols = ['Id', 'Pipeline', 'Expression', 'Next fire (local)', 'Next fire (UTC)', 'Last outcome', 'Paused', 'Actions'];
  const { table: tableEl, tbody } = table('Schedules', cols);
  const preview = h('section.preview', { 'aria-live': 'polite', 'aria-label': 'Preview' });
  main.append(...page('Schedules', form, note, tableEl, preview));

  const admin = can('admin');
  const row = (s) => {
    const expr = s.cron ? `cron ${s.cron}` : s.every ? `every ${s.every}` : s.at ? `at ${s.at}` : '—';
    const tr = h('tr', { 'data-schedule': s.id, 'data-text': `${s.id} ${s.pipelineId}`.toLowerCase() },
      h('td.mono', s.id),
      h('td', h('a', { href: `/ui/pipelines/${seg(s.pipelineId)}` }, s.pipelineId)),
      h('td', h('code', expr), h('br'), h('span.muted', s.timezone || 'UTC')),
      h('td', s.nextFireAt ? h('time', { datetime: s.nextFireAt }, fmtTime(s.nextFireAt)) : '—'),
      h('td.mono', fmtUTC(s.nextFireAt)),
      h('td', s.lastOutcome ? status(s.lastOutcome) : '—', s.lastError ? h('div.muted', s.lastError) : null),
      h('td', s.paused ? status('paused') : 'no'),
      h('td', h('div.buttons',
        admin ? button(s.paused ? 'Resume' : 'Pause', async () => {
          try {
            const updated = await api(`/schedules/${seg(s.id)}/${s.paused ? 'resume' : 'pause'}`, { method: 'POST', body: {} });
            const fresh = row(updated);
            tr.replaceWith(fresh);
            show(note, `Schedule ${s.id} ${updated.paused ? 'paused' : 'resumed'}.`, 'ok');
            fresh.querySelector('.buttons button').focus();
          } catch (e) { show(note, errorText(e), 'error'); }
        }) : null,
        button('Preview', async () => {
          try {
            const p = await api(`/schedules/${seg(s.id)}/preview?count=5`);
            preview.replaceChildren(h('h2', `Next fires of ${s.id}`), p.fires.length
              ? h('ol', p.fires.map((f) => h('li', h('time', { datetime: f.at }, fmtTime(f.at)), ` · ${f.local} (${f.offset}) · `, h('span.mono', fmtUTC(f.at)), f.note ? ` · ${f.note}` : '')))
              : empty('No future fires.'));
          } catch (e) { show(note, errorText(e), 'error'); }
        }, 'quiet'))));
    return tr;
  };
  try {
    const list = await api('/schedules');
    tbody.replaceChildren(...list.map(row));
    if (!list.length) show(note, 'No schedules.', 'info');
  } catch (e) {
    show(note, errorText(e), 'error');
  }
  const applyFilter = () => {
    const q = filter.value.trim().toLowerCase();
    for (const tr of tbody.rows) tr.hidden = q !== '' && !tr.dataset.text.includes(q);
  };
  filter.addEventListener('input', applyFilter);
  applyFilter();
}
