// Pipelines: the list, and a page per pipeline (steps, triggers, input schema, a Start run form).
import { api, can, seg } from '../api.js';
import { h, page, table, show, errorText, json, field, uid, empty } from '../ui.js';

export async function render(main, ctx) {
  const note = h('div');
  const filter = h('input', { type: 'search', name: 'q', 'data-search': true, value: ctx.query.get('q') || '' });
  const form = h('form.filters', { role: 'search', 'aria-label': 'Filter pipelines' }, field('Search', filter, 'Id or description'));
  form.addEventListener('submit', (ev) => ev.preventDefault());
  const { table: tableEl, tbody } = table('Pipelines', ['Pipeline', 'Description', 'Steps', 'Triggers', 'OpenAI model']);
  main.append(...page('Pipelines', form, note, tableEl));
  try {
    const list = await api('/pipelines');
    tbody.replaceChildren(...list.map((p) => h('tr', { 'data-text': `${p.id} ${p.description || ''}`.toLowerCase() },
      h('td', h('a', { href: `/ui/pipelines/${seg(p.id)}` }, p.id)), h('td', p.description || '—'),
      h('td', String(p.steps)), h('td', String(p.triggers)), h('td', p.openai ? 'yes' : 'no'))));
    if (!list.length) show(note, 'No pipelines are loaded.', 'info');
  } catch (e) {
    show(note, errorText(e), 'error');
  }
  const apply = () => {
    const q = filter.value.trim().toLowerCase();
    for (const tr of tbody.rows) tr.hidden = q !== '' && !tr.dataset.text.includes(q);
  };
  filter.addEventListener('input', apply);
  apply();
}

export async function renderOne(main, ctx) {
  const id = ctx.params[0];
  const note = h('div');
  main.append(...page(`Pipeline ${id}`, note));
  let p;
  try {
    p = await api(`/pipelines/${seg(id)}`);
  } catch (e) {
    show(note, errorText(e), 'error');
    return;
  }
  main.append(
    h('dl.facts',
      p.description ? [h('dt', 'Description'), h('dd', p.description)] : null,
      h('dt', 'Version'), h('dd.mono', p.version),
      h('dt', 'Source'), h('dd.mono', p.source),
      p.timeout ? [h('dt', 'Timeout'), h('dd', p.timeout)] : null,
      h('dt', 'OpenAI model'), h('dd', p.openai ? 'yes' : 'no'),
      h('dt', 'Runs'), h('dd', h('a', { href: `/ui/runs?pipelineId=${seg(p.id)}` }, `Runs of ${p.id}`))),
    can('operate') ? startForm(p, note, ctx) : null,
    h('section', h('h2', 'Steps'), stepTree(p.steps || [])),
    h('section', h('h2', 'Triggers'), (p.triggers || []).length
      ? h('ul', p.triggers.map((t) => h('li', h('strong', t.kind), ` ${t.id}`, t.cron ? ` · cron ${t.cron}` : '', t.every ? ` · every ${t.every}` : '', t.at ? ` · at ${t.at}` : '',
        t.timezone ? ` (${t.timezone})` : '', t.path ? ` · /hooks/${t.path}` : '')))
      : empty('No triggers.')),
    h('section', h('h2', 'Input schema'), p.input ? json(p.input) : empty('No input schema.')));
}

function stepTree(steps) {
  return h('ol.steps', steps.map((s) => h('li', h('strong.mono', s.id), ` ${s.kind}`, s.if ? h('span.muted', ` if ${s.if}`) : '',
    s.timeout ? h('span.muted', ` timeout ${s.timeout}`) : '', s.steps && s.steps.length ? stepTree(s.steps) : null)));
}

/** One labelled field per input property; starting opens the new run's page. */
function startForm(p, note, ctx) {
  const schema = p.input && typeof p.input === 'object' ? p.input : {};
  const props = schema.properties || {};
  const required = new Set(schema.required || []);
  const controls = [];
  const fields = Object.entries(props).map(([name, s]) => {
    const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
    let el;
    if (Array.isArray(s.enum)) {
      el = h('select', { name }, required.has(name) ? null : h('option', { value: '' }, '—'), s.enum.map((v) => h('option', { value: JSON.stringify(v) }, String(v))));
    } else if (type === 'boolean') {
      el = h('input', { type: 'checkbox', name });
      if (s.default === true) el.checked = true;
    } else if (type === 'integer' || type === 'number') {
      el = h('input', { type: 'number', name, step: type === 'integer' ? '1' : 'any' });
    } else if (type === 'object' || type === 'array') {
      el = h('textarea', { name, rows: '3', spellcheck: 'false' });
    } else {
      el = h('input', { type: 'text', name });
    }
    if (required.has(name) && type !== 'boolean') el.required = true;
    if (s.default !== undefined && type !== 'boolean' && !Array.isArray(s.enum)) el.value = typeof s.default === 'string' ? s.default : JSON.stringify(s.default);
    controls.push({ name, type, el, isEnum: Array.isArray(s.enum) });
    const hint = [type || 'any', required.has(name) ? 'required' : 'optional', s.description].filter(Boolean).join(' · ');
    return field(name, el, hint);
  });
  const formNote = h('div', { 'aria-live': 'polite' });
  const titleId = uid('start');
  const form = h('form.start', { 'aria-labelledby': titleId },
    h('h2', { id: titleId }, 'Start run'), fields.length ? fields : h('p.muted', 'This pipeline takes no input fields.'),
    h('button.primary', { type: 'submit' }, 'Start run'), formNote);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const input = {};
    for (const c of controls) {
      const v = c.el.value;
      if (c.type === 'boolean') { input[c.name] = c.el.checked; continue; }
      if (v === '') continue;
      try {
        if (c.isEnum) input[c.name] = JSON.parse(v);
        else if (c.type === 'integer' || c.type === 'number') input[c.name] = Number(v);
        else if (c.type === 'object' || c.type === 'array') input[c.name] = JSON.parse(v);
        else input[c.name] = v;
      } catch {
        show(formNote, `${c.name} must be JSON.`, 'error');
        c.el.focus();
        return;
      }
    }
    const submit = form.querySelector('button[type=submit]');
    submit.disabled = true;
    try {
      const r = await api(`/pipelines/${seg(p.id)}/start`, { method: 'POST', body: { input } });
      await ctx.navigate(`/ui/runs/${seg(r.runId)}`);
    } catch (e) {
      const details = e.details ? ` ${typeof e.details === 'string' ? e.details : JSON.stringify(e.details)}` : '';
      show(formNote, `${errorText(e)}${details}`, 'error');
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
