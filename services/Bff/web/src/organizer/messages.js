// Messages from the organizer to an event's attendees (email and/or in-app), and those already sent.
import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { get, post } from '../api.js';
import { t, label, number } from '../i18n.js';
import { useLoad, Loading, ErrorNotice, Field, useSubmit, FormError, Notice, Empty } from '../ui.js';

export function MessagesTab({ event }) {
  const [sent, setSent] = useState(null);
  const { loading, data, error, reload } = useLoad(async () => {
    const [messages, program] = await Promise.all([
      get(`/events/${event.id}/messages`, { pageSize: 50 }),
      get(`/events/${event.id}/program`).catch(() => ({ sessions: [] })),
    ]);
    return { messages: messages.eventMessages || [], sessions: program.sessions || [] };
  }, [event.id]);
  const [audience, setAudience] = useState('AUDIENCE_KIND_ALL_CONFIRMED');
  const { busy, error: sendError, fields, submit } = useSubmit(async (e) => {
    const f = new FormData(e.target);
    const message = await post(`/events/${event.id}/messages`, {
      requestId: crypto.randomUUID(), subject: f.get('subject'), bodyText: f.get('body_text'), audience,
      sessionIds: audience === 'AUDIENCE_KIND_SESSION_ATTENDEES' ? f.getAll('session_ids') : [],
      channels: f.getAll('channels'),
    });
    setSent(message);
    e.target.reset();
    reload();
  });
  return html`
    <form onSubmit=${submit} novalidate class="panel">
      <h2>${t('Write to attendees')}</h2>
      <${Field} name="audience" label=${t('To')} as="select" value=${audience} onChange=${(e) => setAudience(e.target.value)} errors=${fields}>
        ${['AUDIENCE_KIND_ALL_CONFIRMED', 'AUDIENCE_KIND_SESSION_ATTENDEES', 'AUDIENCE_KIND_WAITLISTED'].map((a) => html`<option value=${a}>${label(a)}</option>`)}
      <//>
      ${audience === 'AUDIENCE_KIND_SESSION_ATTENDEES' && html`<fieldset class=${fields.session_ids ? 'invalid' : ''}>
        <legend>${t('Attendees of')}</legend>
        ${(data?.sessions || []).map((s) => html`<div class="field check"><input type="checkbox" id=${`ms-${s.id}`} name="session_ids" value=${s.id} /><label for=${`ms-${s.id}`}>${s.title}</label></div>`)}
        ${fields.session_ids && html`<p class="field-error">${fields.session_ids}</p>`}
      </fieldset>`}
      <fieldset>
        <legend>${t('Send by')}</legend>
        <div class="field check"><input type="checkbox" id="ch-email" name="channels" value="DELIVERY_CHANNEL_EMAIL" defaultChecked /><label for="ch-email">${t('Email')}</label></div>
        <div class="field check"><input type="checkbox" id="ch-app" name="channels" value="DELIVERY_CHANNEL_IN_APP" defaultChecked /><label for="ch-app">${t('Notification on the site')}</label></div>
      </fieldset>
      <${Field} name="subject" label=${t('Subject')} errors=${fields} required />
      <${Field} name="body_text" label=${t('Message')} as="textarea" rows="6" errors=${fields} required />
      <${FormError} error=${sendError} />
      ${sent && html`<${Notice} kind="success">${t('Sent to {n} people.', { n: number(sent.recipientCount) })}<//>`}
      <button type="submit" disabled=${busy}>${t('Send')}</button>
    </form>
    <h2>${t('Sent messages')}</h2>
    <${ErrorNotice} error=${error} />
    ${loading && !data ? html`<${Loading} />` : (data?.messages || []).length === 0 ? html`<${Empty}>${t('No message yet.')}<//>` : html`
      <ul>${data.messages.map((m) => html`<li><strong>${m.subject}</strong> · ${label(m.audience)} · ${t('{n} recipients', { n: number(m.recipientCount) })} · ${label(m.status)}</li>`)}</ul>`}`;
}
