// Sign in: a token is exchanged once for a session cookie; the token is not kept in the browser.
import { api } from '../api.js';
import { h, page, field, show, errorText } from '../ui.js';

export function render(main, ctx) {
  const token = h('input', { type: 'password', name: 'token', autocomplete: 'current-password', required: true, spellcheck: 'false' });
  const note = h('div', { 'aria-live': 'polite' });
  const submit = h('button.primary', { type: 'submit' }, 'Sign in');
  const form = h('form.signin', { novalidate: true },
    field('Token', token, 'A gw API token; it is exchanged for a session cookie and not stored.'),
    submit, note);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (!token.value) { show(note, 'Enter a token.', 'error'); token.focus(); return; }
    submit.disabled = true;
    try {
      const s = await api('/session', { method: 'POST', body: { token: token.value }, quiet401: true });
      token.value = '';
      const next = ctx.query.get('next');
      await ctx.signedIn(s, next && next.startsWith('/ui/') && !next.startsWith('/ui/signin') ? next : '/ui/runs');
    } catch (e) {
      token.value = '';
      show(note, e.status === 401 ? 'That token was not accepted.' : errorText(e), 'error');
      token.focus();
    } finally {
      submit.disabled = false;
    }
  });
  main.append(...page('Sign in', form));
  token.focus();
}
