// Gateway: state, Pause / Resume / Reload (reload shows pipelines added, removed, changed).
import { api, can } from '../api.js';
import { h, page, status, time, show, errorText, button } from '../ui.js';

export async function render(main) {
  const note = h('div', { 'aria-live': 'polite' });
  const facts = h('div');
  const controls = h('div.buttons');
  const result = h('section', { 'aria-live': 'polite', 'aria-label': 'Reload result' });
  main.append(...page('Gateway', note, facts, controls, result));

  const draw = (g) => {
    facts.replaceChildren(h('dl.facts',
      h('dt', 'State'), h('dd', g.paused ? status('paused') : status('running')),
      h('dt', 'Version'), h('dd.mono', g.version),
      h('dt', 'Started'), h('dd', time(g.startedAt)),
      g.listen ? [h('dt', 'Listening on'), h('dd.mono', g.listen)] : null,
      h('dt', 'Pipelines'), h('dd', String(g.pipelines)),
      h('dt', 'Runs in flight'), h('dd', String(g.runsInFlight))));
    if (!can('admin')) { controls.replaceChildren(); return; }
    const toggle = (verb) => async () => {
      try {
        await api(`/gateway/${verb}`, { method: 'POST', body: {} });
        show(note, verb === 'pause' ? 'Gateway paused: new runs are refused.' : 'Gateway resumed.', 'ok');
        await load();
        controls.querySelector('button')?.focus();
      } catch (e) { show(note, errorText(e), 'error'); }
    };
    controls.replaceChildren(
      g.paused ? button('Resume', toggle('resume'), 'primary') : button('Pause', toggle('pause')),
      button('Reload', async () => {
        try {
          const r = await api('/gateway/reload', { method: 'POST', body: {} });
          const list = (label, xs) => [h('dt', label), h('dd', xs && xs.length ? xs.join(', ') : 'none')];
          result.replaceChildren(h('h2', 'Reloaded'), h('dl.facts',
            h('dt', 'Pipelines'), h('dd', String(r.pipelines)),
            list('Added', r.added), list('Removed', r.removed), list('Changed', r.changed),
            r.restartRequired && r.restartRequired.length ? list('Restart required for', r.restartRequired) : null));
          show(note, 'Reload applied.', 'ok');
          await load();
        } catch (e) {
          const details = Array.isArray(e.details) ? h('ul', e.details.map((d) => h('li.mono', d.file ? `${d.file}:${d.line}:${d.column}: ${d.message}` : JSON.stringify(d)))) : null;
          result.replaceChildren(h('h2', 'Reload refused'), details || '');
          show(note, errorText(e), 'error');
        }
      }));
  };
  async function load() {
    try { draw(await api('/gateway')); } catch (e) { show(note, errorText(e), 'error'); }
  }
  await load();
}
