// One event as its organizer runs it: status and actions, program, registrations, messages, statistics.
import { html } from '../html.js';
import { get, post, del } from '../api.js';
import { t, dateTime, label, money } from '../i18n.js';
import { go } from '../router.js';
import { Title, useLoad, Loading, ErrorNotice, useSubmit, FormError, Field, Notice } from '../ui.js';
import { where } from '../pages/events.js';
import { ProgramTab } from './program.js';
import { RegistrationsTab } from './registrations.js';
import { MessagesTab } from './messages.js';
import { StatisticsTab } from './statistics.js';

const tabs = [
  ['', 'Overview'],
  ['program', 'Program'],
  ['registrations', 'Registrations'],
  ['messages', 'Messages'],
  ['statistics', 'Statistics'],
];

export function ManageEventPage({ params }) {
  const tab = params.tab || '';
  const { loading, data: event, error, reload } = useLoad(() => get(`/events/${params.id}`), [params.id]);
  if (loading && !event) return html`<${Loading} />`;
  if (error) return html`<${Title} text=${t('Event')} /><${ErrorNotice} error=${error} />`;
  const Tab = { program: ProgramTab, registrations: RegistrationsTab, messages: MessagesTab, statistics: StatisticsTab }[tab] || Overview;
  return html`
    <p class="crumbs"><a href="#/organizer">${t('Your events')}</a></p>
    <${Title} text=${event.title} />
    <p><span class=${`badge ${event.status}`}>${label(event.status)}</span> · ${dateTime(event.startTime, event.timeZone)} · ${where(event)}</p>
    <nav class="tabs" aria-label=${t('Event sections')}>
      <ul>${tabs.map(([id, name]) => html`<li><a href=${`#/organizer/events/${event.id}${id ? `/${id}` : ''}`} aria-current=${tab === id ? 'page' : undefined}>${t(name)}</a></li>`)}</ul>
    </nav>
    <${Tab} event=${event} onChange=${reload} />`;
}

function Overview({ event, onChange }) {
  const act = (path, body) => async () => { await post(`/events/${event.id}/${path}`, body); onChange(); };
  const publish = useSubmit(act('publish'));
  const close = useSubmit(act('close'));
  const complete = useSubmit(act('complete'));
  const remove = useSubmit(async () => {
    if (!confirm(t('Delete this draft?'))) return;
    await del(`/events/${event.id}`);
    go('/organizer');
  });
  const cancel = useSubmit(async (e) => {
    if (!confirm(t('Cancel the event? Every attendee is told and refunded.'))) return;
    await post(`/events/${event.id}/cancel`, { reason: new FormData(e.target).get('reason') });
    onChange();
  });
  const s = event.status;
  const failed = publish.error || close.error || complete.error || remove.error;
  return html`
    <dl class="facts">
      <div><dt>${t('Capacity')}</dt><dd>${event.capacity}</dd></div>
      <div><dt>${t('Price')}</dt><dd>${money(event.price)}</dd></div>
      <div><dt>${t('Refunds')}</dt><dd>${label(event.refundPolicy)}</dd></div>
      <div><dt>${t('Waiting list')}</dt><dd>${event.waitlistEnabled ? t('yes') : t('no')}</dd></div>
      <div><dt>${t('Approval')}</dt><dd>${event.approvalRequired ? t('yes') : t('no')}</dd></div>
    </dl>
    <p class="actions">
      ${['EVENT_STATUS_DRAFT', 'EVENT_STATUS_PUBLISHED'].includes(s) && html`<a class="button" href=${`#/organizer/events/${event.id}/edit`}>${t('Edit')}</a>`}
      ${s === 'EVENT_STATUS_DRAFT' && html`<button type="button" onClick=${publish.submit} disabled=${publish.busy}>${t('Publish')}</button>`}
      ${s === 'EVENT_STATUS_PUBLISHED' && html`<button type="button" onClick=${close.submit} disabled=${close.busy}>${t('Close registrations')}</button>`}
      ${s === 'EVENT_STATUS_REGISTRATIONS_CLOSED' && html`<button type="button" onClick=${complete.submit} disabled=${complete.busy}>${t('Mark as completed')}</button>`}
      ${s === 'EVENT_STATUS_DRAFT' && html`<button type="button" class="danger" onClick=${remove.submit} disabled=${remove.busy}>${t('Delete')}</button>`}
      ${s !== 'EVENT_STATUS_DRAFT' && html`<a href=${`#/events/${event.id}`}>${t('Public page')}</a>`}
    </p>
    <${FormError} error=${failed} />
    ${s === 'EVENT_STATUS_CANCELLED' && html`<${Notice} kind="warning">${event.cancellationReason}<//>`}
    ${['EVENT_STATUS_DRAFT', 'EVENT_STATUS_PUBLISHED'].includes(s) && html`
      <details class="panel">
        <summary>${t('Cancel the event')}</summary>
        <form onSubmit=${cancel.submit}>
          <${Field} name="reason" label=${t('Reason, sent to attendees')} errors=${cancel.fields} required />
          <${FormError} error=${cancel.error} />
          <button type="submit" class="danger" disabled=${cancel.busy}>${t('Cancel the event')}</button>
        </form>
      </details>`}`;
}
