// Who registered to an event: filter, search, approve or reject, export as CSV.
import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { get, post, all } from '../api.js';
import { t, dateTime, label, money } from '../i18n.js';
import { useLoad, Loading, ErrorNotice, Empty, downloadCsv, Scroll } from '../ui.js';

const statuses = ['', 'REGISTRATION_STATUS_CONFIRMED', 'REGISTRATION_STATUS_PENDING', 'REGISTRATION_STATUS_AWAITING_APPROVAL',
  'REGISTRATION_STATUS_WAITLISTED', 'REGISTRATION_STATUS_CANCELLED', 'REGISTRATION_STATUS_EXPIRED', 'REGISTRATION_STATUS_REJECTED'];

export function RegistrationsTab({ event }) {
  const [status, setStatus] = useState('');
  const [words, setWords] = useState('');
  const [failure, setFailure] = useState(null);
  const { loading, data, error, reload } = useLoad(
    () => get(`/events/${event.id}/registrations`, { status, query: words, pageSize: 100 }), [event.id, status, words]);
  const act = async (registration, verb) => {
    setFailure(null);
    const body = verb === 'reject' ? { reason: prompt(t('Reason, sent to the attendee')) || '' } : {};
    try {
      await post(`/registrations/${registration.id}/${verb}`, body);
      reload();
    } catch (e) {
      setFailure(e);
    }
  };
  const exportCsv = async () => {
    const rows = await all(`/events/${event.id}/registrations`, 'registrations', { status, query: words });
    downloadCsv(`registrations-${event.id}.csv`,
      ['id', 'name', 'email', 'status', 'waitlist_position', 'price', 'registered', 'confirmed', 'sessions'],
      rows.map((r) => [r.id, r.attendee?.name, r.attendee?.email, r.status, r.waitlistPosition || '', money(r.price), r.createTime, r.confirmTime || '', (r.sessionIds || []).join(' ')]));
  };
  const list = data?.registrations || [];
  return html`
    <form class="filters" onSubmit=${(e) => { e.preventDefault(); setWords(new FormData(e.target).get('q')); }}>
      <div class="field">
        <label for="status-filter">${t('Status')}</label>
        <select id="status-filter" value=${status} onChange=${(e) => setStatus(e.target.value)}>
          ${statuses.map((s) => html`<option value=${s}>${s ? label(s) : t('All')}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="registration-search">${t('Name or email')}</label>
        <input id="registration-search" name="q" type="search" />
      </div>
      <button type="submit">${t('Search')}</button>
      <button type="button" onClick=${exportCsv}>${t('Export CSV')}</button>
    </form>
    <${ErrorNotice} error=${error || failure} />
    ${loading && !data ? html`<${Loading} />` : list.length === 0 ? html`<${Empty}>${t('No registration.')}<//>` : html`
      <p class="muted">${t('{n} registrations', { n: data.totalCount ?? list.length })}</p>
      <${Scroll} label=${t('Registrations')}><table data-testid="registrations">
        <thead><tr><th scope="col">${t('Name')}</th><th scope="col">${t('Email')}</th><th scope="col">${t('Status')}</th><th scope="col">${t('Registered')}</th><th scope="col"><span class="visually-hidden">${t('Actions')}</span></th></tr></thead>
        <tbody>${list.map((r) => html`<tr>
          <td>${r.attendee?.name}</td>
          <td>${r.attendee?.email}</td>
          <td><span class=${`badge ${r.status}`}>${label(r.status)}</span>${r.waitlistPosition ? ` #${r.waitlistPosition}` : ''}</td>
          <td>${dateTime(r.createTime, event.timeZone)}</td>
          <td>${r.status === 'REGISTRATION_STATUS_AWAITING_APPROVAL' && html`
            <button type="button" onClick=${() => act(r, 'approve')}>${t('Approve')}<span class="visually-hidden"> ${r.attendee?.name}</span></button>
            <button type="button" class="danger" onClick=${() => act(r, 'reject')}>${t('Reject')}<span class="visually-hidden"> ${r.attendee?.name}</span></button>`}</td>
        </tr>`)}</tbody>
      </table><//>`}`;
}
