// The run page: summary, actions, input/output, steps timeline, live event log (capped in memory).
import { api, can, seg } from '../api.js';
import { followRun } from '../sse.js';
import { h, page, status, time, json, show, errorText, duration, field, button, uid, announce } from '../ui.js';

const LOG_CAP = 1000;
const TERMINAL = new Set(['completed', 'failed', 'cancelled']);
const QUIET = new Set(['step.log', 'step.delta']);

export async function render(main, ctx) {
  const runId = ctx.params[0];
  const path = `/runs/${seg(runId)}`;
  const note = h('div');
  const summary = h('div');
  const actions = h('section.actions', { 'aria-labelledby': 'actions-title' });
  const data = h('div.grid2');
  const steps = h('ol.timeline');
  const logList = h('ol.log');
  const logCount = h('span.muted');
  main.append(...page(`Run ${runId}`, note, summary, actions, data,
    h('section', { 'aria-labelledby': 'steps-title' }, h('h2#steps-title', 'Steps'), steps),
    h('section', { 'aria-labelledby': 'log-title' }, h('h2#log-title', 'Event log ', logCount),
      h('div.logbox', { role: 'log', 'aria-live': 'polite', 'aria-label': 'Event log', tabindex: '0' }, logList))));

  let run;
  try {
    run = await api(path);
  } catch (e) {
    show(note, errorText(e), 'error');
    return null;
  }
  let lastStatus = run.status;
  const draw = () => {
    drawSummary(summary, run);
    drawActions(actions, run, path, note, refresh);
    drawData(data, run);
    drawSteps(steps, run);
  };
  let timer = null;
  async function refresh() {
    try {
      run = await api(path);
      draw();
      if (run.status !== lastStatus) { announce(`Run is ${run.status}`); lastStatus = run.status; }
    } catch (e) { show(note, errorText(e), 'error'); }
  }
  const soon = () => { if (!timer) timer = setTimeout(() => { timer = null; refresh(); }, 60); };
  draw();

  let count = 0;
  const onEvent = (type, ev) => {
    count++;
    const text = type === 'step.log' || type === 'step.delta' ? logText(ev.data) : briefData(ev.data);
    logList.append(h(`li.ev-${type.replace(/\W/g, '-')}`, h('span.mono.seq', `#${ev.seq ?? ''}`), ' ', h('time', { datetime: ev.at }, shortTime(ev.at)), ' ',
      h('strong', type), ev.stepId ? ` ${ev.stepId}` : '', text ? ` ${text}` : ''));
    while (logList.childElementCount > LOG_CAP) logList.firstElementChild.remove();
    logCount.textContent = count > LOG_CAP ? `(last ${LOG_CAP} of ${count})` : `(${count})`;
    if (!QUIET.has(type)) soon();
  };
  const stop = followRun(`${path}/events`, onEvent, () => soon());
  const tick = setInterval(() => { if (!TERMINAL.has(run.status)) drawSteps(steps, run); }, 1000);
  return () => { stop(); clearInterval(tick); clearTimeout(timer); };
}

function shortTime(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString(undefined, { hour12: false }) + `.${String(d.getMilliseconds()).padStart(3, '0')}`;
}

function logText(data) {
  if (data === null || data === undefined) return '';
  if (typeof data === 'string') return data;
  return data.line ?? data.text ?? data.content ?? JSON.stringify(data);
}

function briefData(data) {
  if (data === null || data === undefined) return '';
  const s = typeof data === 'string' ? data : JSON.stringify(data);
  return s === '{}' ? '' : s.length > 300 ? `${s.slice(0, 300)}…` : s;
}

function drawSummary(el, run) {
  const t = run.trigger || {};
  el.replaceChildren(h('dl.facts',
    h('dt', 'Status'), h('dd', status(run.status)),
    h('dt', 'Pipeline'), h('dd', h('a', { href: `/ui/pipelines/${seg(run.pipelineId)}` }, run.pipelineId), ' ', h('span.muted.mono', run.pipelineVersion ? `@${String(run.pipelineVersion).slice(0, 12)}` : '')),
    h('dt', 'Trigger'), h('dd', [t.kind, t.id, t.actor ? `by ${t.actor}` : null].filter(Boolean).join(' · ')),
    h('dt', 'Created'), h('dd', time(run.createdAt)),
    h('dt', 'Started'), h('dd', time(run.startedAt)),
    h('dt', 'Finished'), h('dd', time(run.finishedAt)),
    run.parentRunId ? [h('dt', 'Parent run'), h('dd', h('a.mono', { href: `/ui/runs/${seg(run.parentRunId)}` }, run.parentRunId))] : null,
    (run.waitingOn || []).length ? [h('dt', 'Waiting on'), h('dd', run.waitingOn.map((w) => `${w.kind} at ${w.stepId}`).join(', '))] : null));
}

function drawActions(el, run, path, note, refresh) {
  const operate = can('operate');
  const active = !TERMINAL.has(run.status);
  // Redraw only when the set of actions changes, so a Reason or Output being typed is kept.
  const signature = JSON.stringify([operate, active, (run.waitingOn || []).map((w) => [w.kind, w.stepId])]);
  if (el.dataset.signature === signature) return;
  el.dataset.signature = signature;
  const parts = [];
  const act = async (fn, done) => {
    try {
      await fn();
      show(note, done, 'ok');
      await refresh();
    } catch (e) { show(note, errorText(e), 'error'); }
    // The button may be gone with its action: keep the keyboard user on the outcome.
    if (!document.activeElement || document.activeElement === document.body) {
      const msg = note.firstElementChild;
      if (msg) { msg.tabIndex = -1; msg.focus(); }
    }
  };
  if (operate) {
    for (const w of run.waitingOn || []) {
      if (w.kind === 'approval') {
        const reason = h('input', { type: 'text', name: 'reason', id: uid('reason') });
        const body = () => ({ stepId: w.stepId, reason: reason.value || undefined });
        parts.push(h('div.actionrow', h('p', `Approval at step ${w.stepId}`, w.expiresAt ? [' · expires ', time(w.expiresAt)] : ''), field('Reason', reason),
          h('div.buttons',
            button('Approve', () => act(() => api(`${path}/approve`, { method: 'POST', body: body() }), 'Approved.'), 'primary'),
            button('Deny', () => act(() => api(`${path}/deny`, { method: 'POST', body: body() }), 'Denied.'), 'danger'))));
      } else if (w.kind === 'wait') {
        const output = h('textarea', { name: 'output', rows: '3', id: uid('output') });
        parts.push(h('div.actionrow', h('p', `Waiting for input at step ${w.stepId}`), field('Output', output, 'JSON; text that is not JSON is sent as a string.'),
          h('div.buttons', button('Resume', () => act(() => {
            let value = output.value;
            try { value = JSON.parse(value); } catch { /* a plain string */ }
            return api(`${path}/resume`, { method: 'POST', body: { stepId: w.stepId, output: value } });
          }, 'Resumed.'), 'primary'))));
      } else if (w.kind === 'breakpoint') {
        parts.push(h('div.actionrow', h('p', `Stopped at breakpoint before ${w.stepId}`),
          h('div.buttons', button('Release', () => act(() => api(`/debug/runs/${seg(run.runId)}/release`, { method: 'POST', body: { mode: 'continue' } }), 'Released.'), 'primary'))));
      }
    }
    if (active) {
      parts.push(h('div.buttons', button('Cancel', () => act(() => api(path, { method: 'DELETE' }), 'Cancelled.'), 'danger')));
    }
  }
  el.hidden = parts.length === 0;
  el.replaceChildren(h('h2#actions-title', 'Actions'), ...parts);
}

function drawData(el, run) {
  el.replaceChildren(
    h('section.in', h('h2', 'Input'), json(run.input)),
    run.error
      ? h('section.out', h('h2', 'Error'), h('p.msg.msg-error', h('span.icon', { 'aria-hidden': 'true' }, '✗'), ` ${run.error.code}: ${run.error.message}${run.error.stepId ? ` (step ${run.error.stepId})` : ''}`))
      : h('section.out', h('h2', 'Output'), json(run.output)));
}

function drawSteps(el, run) {
  const list = run.steps || [];
  const spans = list.map((s) => {
    const start = s.startedAt ? Date.parse(s.startedAt) : null;
    const end = s.finishedAt ? Date.parse(s.finishedAt) : (start && !TERMINAL.has(run.status) ? Date.now() : null);
    return { start, end };
  });
  const t0 = Math.min(...spans.filter((x) => x.start).map((x) => x.start));
  const t1 = Math.max(...spans.filter((x) => x.end).map((x) => x.end));
  const total = Number.isFinite(t0) && Number.isFinite(t1) && t1 > t0 ? t1 - t0 : 0;
  if (!list.length) { el.replaceChildren(h('li.muted', 'No step has started yet.')); return; }
  el.replaceChildren(...list.map((s, i) => {
    const { start, end } = spans[i];
    const ms = start && end ? end - start : null;
    const bar = h('span.bar', { 'aria-hidden': 'true' });
    if (total && start) {
      bar.style.marginLeft = `${((start - t0) / total) * 100}%`;
      bar.style.width = `${Math.max(0.5, ((end - start) / total) * 100)}%`;
    }
    return h('li', { 'data-step': s.id },
      h('div.steprow', h('strong.mono', s.id), h('span.muted', s.kind), status(s.status),
        h('span', `attempt ${s.attempt}`), h('span', duration(ms))),
      h('div.track', bar),
      s.error ? h('p.msg.msg-error', h('span.icon', { 'aria-hidden': 'true' }, '✗'), ` ${s.error.code}: ${s.error.message}`) : null);
  }));
}
