// Reads a run's SSE stream with fetch (every event type, clean end when the run is terminal).
/** Calls onEvent(type, data, id) per frame; returns a stop function. Reconnects with since=<last id>. */
export function followRun(path, onEvent, onEnd) {
  const ctrl = new AbortController();
  let last = 0;
  let stopped = false;
  async function once() {
    const url = last ? `${path}${path.includes('?') ? '&' : '?'}since=${last}` : path;
    const res = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/event-stream' }, signal: ctrl.signal });
    if (!res.ok) throw Object.assign(new Error(`HTTP ${res.status}`), { status: res.status });
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buf = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buf += value.replace(/\r\n?/g, '\n');
      let i;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const frame = buf.slice(0, i);
        buf = buf.slice(i + 2);
        let type = 'message';
        let id = null;
        const data = [];
        for (const line of frame.split('\n')) {
          if (line.startsWith(':')) continue;
          const c = line.indexOf(':');
          const k = c < 0 ? line : line.slice(0, c);
          const v = c < 0 ? '' : line.slice(c + 1).replace(/^ /, '');
          if (k === 'event') type = v;
          else if (k === 'data') data.push(v);
          else if (k === 'id') id = v;
        }
        if (!data.length) continue;
        if (id && /^\d+$/.test(id)) last = Number(id);
        let parsed;
        try { parsed = JSON.parse(data.join('\n')); } catch { parsed = data.join('\n'); }
        onEvent(type, parsed, id);
      }
    }
  }
  (async () => {
    for (let tries = 0; !stopped && tries < 20; tries++) {
      try {
        await once();
        break; // the server ended the stream: the run is terminal
      } catch (e) {
        if (stopped || e.name === 'AbortError' || (e.status && e.status < 500)) break;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
    if (!stopped && onEnd) onEnd();
  })();
  return () => { stopped = true; ctrl.abort(); };
}
