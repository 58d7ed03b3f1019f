// Sessions: the agent (ACP) sessions the gateway keeps.
import { api, seg } from '../api.js';
import { h, page, status, table, time, show, errorText, runLink } from '../ui.js';

export async function render(main) {
  const note = h('div');
  const { table: tableEl, tbody } = table('Agent sessions', ['Id', 'Agent', 'Key', 'State', 'Pipeline', 'Last run', 'Turns', 'Created', 'Last used', 'Expires']);
  main.append(...page('Sessions', note, tableEl));
  try {
    const list = await api('/sessions');
    tbody.replaceChildren(...list.map((s) => h('tr',
      h('td.mono', s.id), h('td', s.agent), h('td', s.key || '—'), h('td', status(s.state)),
      h('td', s.pipelineId ? h('a', { href: `/ui/pipelines/${seg(s.pipelineId)}` }, s.pipelineId) : '—'),
      h('td', s.lastRunId ? runLink(s.lastRunId) : '—'), h('td', String(s.turns)),
      h('td', time(s.createdAt)), h('td', time(s.lastUsedAt)), h('td', time(s.expiresAt)))));
    if (!list.length) show(note, 'No agent sessions.', 'info');
  } catch (e) {
    show(note, errorText(e), 'error');
  }
}
