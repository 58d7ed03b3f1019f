// The one wrapper over fetch: cookie session (credentials same-origin) and the CSRF header on changes.
export const session = { name: null, scopes: [], csrfToken: null };

const RANK = { read: 1, operate: 2, admin: 3 };

/** True when the signed-in token holds `scope` (scopes are cumulative: admin ⊃ operate ⊃ read). */
export function can(scope) {
  const held = Math.max(0, ...session.scopes.map((s) => RANK[s] || 0));
  return held >= RANK[scope];
}

export class ApiError extends Error {
  constructor(status, code, message, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

let onUnauthorized = () => {};
export function setUnauthorizedHandler(fn) { onUnauthorized = fn; }

/** Calls the API; resolves to the JSON body (null for 204), rejects with ApiError. */
export async function api(path, { method = 'GET', body, headers = {}, quiet401 = false } = {}) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json', ...headers } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (method !== 'GET' && session.csrfToken) init.headers['X-CSRF-Token'] = session.csrfToken;
  let res;
  try {
    res = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, 'unreachable', 'The gateway cannot be reached.');
  }
  if (res.status === 204) return null;
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  if (!res.ok) {
    const err = json && json.error ? json.error : {};
    const e = new ApiError(res.status, err.code || `http_${res.status}`, err.message || res.statusText || 'Request failed', err.details);
    if (res.status === 401 && !quiet401) onUnauthorized(e);
    throw e;
  }
  return json;
}

export function setSession(s) {
  session.name = s ? s.name : null;
  session.scopes = s ? s.scopes || [] : [];
  session.csrfToken = s ? s.csrfToken : null;
}

/** Encodes a path segment. */
export const seg = (s) => encodeURIComponent(s);
