// Small shared pieces of the pages: fields that show their error, notices, loading, lists, charts.
import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from './html.js';
import { t } from './i18n.js';

/** Loads data for a page; reload() fetches again. */
export function useLoad(load, deps) {
  const [state, setState] = useState({ loading: true, data: null, error: null });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ loading: false, data, error: null }),
      (error) => live && setState({ loading: false, data: null, error }),
    );
    return () => { live = false; };
  }, [...deps, version]);
  return { ...state, reload: () => setVersion((v) => v + 1) };
}

/** The page's title in the tab and its heading, which takes the focus when the page changes (screen readers hear it). */
export function Title({ children, text }) {
  const ref = useRef(null);
  useEffect(() => {
    document.title = `${text} — EventPlatform`;
    ref.current?.focus();
  }, [text]);
  return html`<h1 tabindex="-1" ref=${ref}>${children || text}</h1>`;
}

export function Loading() {
  return html`<p class="muted" role="status">${t('Loading…')}</p>`;
}

export function ErrorNotice({ error }) {
  if (!error) return null;
  const signIn = error.status === 401 && html` <a href=${`#/sign-in?return=${encodeURIComponent(location.hash.slice(1) || '/')}`}>${t('Sign in')}</a>`;
  return html`<div class="notice error" role="alert">${describe(error)}${signIn}</div>`;
}

export function Notice({ kind = 'info', children }) {
  return html`<div class=${`notice ${kind}`} role="status">${children}</div>`;
}

export function describe(error) {
  if (!error) return '';
  if (error.reason === 'NETWORK') return t('The platform cannot be reached. Check your connection and try again.');
  if (error.status === 401) return t('Please sign in to continue.');
  if (error.status === 403) return t('You are not allowed to do this.');
  if (error.status === 404) return t('Not found.');
  if (error.status === 429) return t('Too many attempts: wait a moment and try again.');
  return error.message || t('Something went wrong. Try again.');
}

/** A labelled input whose API error (by field name) is shown under it and announced. */
export function Field({ name, label, errors, hint, type = 'text', as = 'input', children, value, checked, ...rest }) {
  const id = `f-${name}`;
  // Inputs keep what the person typed across renders (a failed submit re-renders the form): values are defaults only.
  // A select is either controlled by its page (with onChange) or takes its value once.
  if (as === 'select') rest.value = value;
  else if (type === 'checkbox') rest.defaultChecked = checked;
  else rest.defaultValue = value;
  const error = errors?.[name];
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const common = { id, name, 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': described, ...rest };
  let control;
  if (as === 'textarea') control = html`<textarea ...${common}></textarea>`;
  else if (as === 'select') control = html`<select ...${common}>${children}</select>`;
  else control = html`<input type=${type} ...${common} />`;
  return html`
    <div class=${`field${error ? ' invalid' : ''}${type === 'checkbox' ? ' check' : ''}`}>
      ${type === 'checkbox' ? html`${control}<label for=${id}>${label}</label>` : html`<label for=${id}>${label}</label>${control}`}
      ${hint && html`<p class="hint" id=${`${id}-hint`}>${hint}</p>`}
      ${error && html`<p class="field-error" id=${`${id}-error`}>${error}</p>`}
    </div>`;
}

/** A form's submit with its pending state; the error of the call goes above the button, field errors on the fields. */
export function useSubmit(action) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const submit = async (e) => {
    e?.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await action(e);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, fields: error?.fields || {}, submit, setError };
}

/** The field errors under one message field of the request (billing_details.…), keyed by the field's own name. */
export function prefixed(fields, prefix) {
  return Object.fromEntries(Object.entries(fields).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
}

/** The message of a failed form, unless it is only about fields that already show it. */
export function FormError({ error }) {
  if (!error) return null;
  const fields = Object.keys(error.fields || {});
  if (error.status === 400 && fields.length > 0) {
    return html`<div class="notice error" role="alert">${t('Some fields need your attention.')}</div>`;
  }
  return html`<${ErrorNotice} error=${error} />`;
}

export function Empty({ children }) {
  return html`<p class="muted">${children}</p>`;
}

/** A bar chart in SVG (one bar a day), with the same figures as a table for screen readers. */
export function BarChart({ title, data, format = (v) => String(v) }) {
  const max = Math.max(1, ...data.map((d) => d.value));
  const slot = 24;
  const height = 120;
  const top = 16;
  const width = Math.max(data.length, 7) * slot;
  const every = Math.ceil(data.length / 10);
  return html`
    <figure class="chart">
      <figcaption>${title}</figcaption>
      <svg viewBox=${`0 0 ${width} ${height + top + 16}`} role="img" aria-label=${title}>
        <text x="0" y="10" class="scale">${format(max)}</text>
        <line x1="0" x2=${width} y1=${top + height} y2=${top + height} class="axis" />
        ${data.map((d, i) => {
          const h = Math.round((d.value / max) * height);
          return html`<g>
            <rect x=${i * slot + 4} y=${top + height - h} width=${slot - 8} height=${h} class="bar"><title>${d.label}: ${format(d.value)}</title></rect>
            ${i % every === 0 && html`<text x=${i * slot + slot / 2} y=${top + height + 13} text-anchor="middle">${d.short}</text>`}
          </g>`;
        })}
      </svg>
      <details>
        <summary>${t('Figures')}</summary>
        <table>
          <thead><tr><th scope="col">${t('Day')}</th><th scope="col">${title}</th></tr></thead>
          <tbody>${data.map((d) => html`<tr><td>${d.label}</td><td>${format(d.value)}</td></tr>`)}</tbody>
        </table>
      </details>
    </figure>`;
}

/** Downloads rows as a CSV file made in the browser. */
export function downloadCsv(fileName, header, rows) {
  const escape = (v) => {
    const s = v === undefined || v === null ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const text = [header, ...rows].map((r) => r.map(escape).join(',')).join('\r\n');
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A wide table scrolls sideways on a phone; the region takes the keyboard focus so it can be scrolled without a mouse. */
export function Scroll({ label, children }) {
  return html`<div class="scroll" tabindex="0" role="region" aria-label=${label}>${children}</div>`;
}
