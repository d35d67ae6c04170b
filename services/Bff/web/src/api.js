// The JSON API of the BFF, as the web front calls it: same origin, the session cookie, and the CSRF token on every
// state-changing call. Errors come back as ApiError, with the field violations of a 400 keyed by field name.
let csrf = null;

export function useCsrf(session) {
  csrf = session && session.signedIn ? { header: session.csrfHeader, token: session.csrfToken } : null;
}

export class ApiError extends Error {
  constructor(status, message, fields, reason) {
    super(message);
    this.status = status;
    this.fields = fields;
    this.reason = reason;
  }
}

export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (csrf && method !== 'GET') headers[csrf.header] = csrf.token;
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, null, {}, 'NETWORK');
  }
  const text = await response.text();
  const json = text ? safeParse(text) : {};
  if (!response.ok) throw toError(response.status, json);
  return json;
}

export const get = (path, query) => api('GET', query ? `${path}?${params(query)}` : path);
export const post = (path, body = {}) => api('POST', path, body);
export const patch = (path, body) => api('PATCH', path, body);
export const put = (path, body) => api('PUT', path, body);
export const del = (path) => api('DELETE', path);

/** Query string of the set values only; arrays repeat the key, as gRPC transcoding reads repeated fields. */
export function params(query) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    for (const one of Array.isArray(value) ? value : [value]) search.append(key, one);
  }
  return search.toString();
}

/** Every page of a list: the API pages with nextPageToken. */
export async function all(path, key, query = {}) {
  const items = [];
  let pageToken = '';
  do {
    const page = await get(path, { ...query, pageSize: 100, pageToken });
    items.push(...(page[key] || []));
    pageToken = page.nextPageToken || '';
  } while (pageToken);
  return items;
}

function safeParse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

// A gRPC status in JSON ({code, message, details}) or an ASP.NET problem ({title, detail, errors}).
function toError(status, json) {
  const fields = {};
  let reason = null;
  for (const detail of json.details || []) {
    for (const violation of detail.fieldViolations || []) fields[violation.field] = violation.description;
    if (detail.reason) reason = detail.reason;
  }
  for (const [field, messages] of Object.entries(json.errors || {})) fields[field] = [].concat(messages).join(' ');
  return new ApiError(status, json.message || json.detail || json.title || json.error_description || null, fields, reason);
}
