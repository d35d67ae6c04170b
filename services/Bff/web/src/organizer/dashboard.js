// The organizer's home: their organizer profile, their events and overall figures.
import { html } from '../html.js';
import { get, post } from '../api.js';
import { t, dateTime, label, number, percent, money } from '../i18n.js';
import { useSession, isOrganizer } from '../session.js';
import { Title, useLoad, Loading, ErrorNotice, Field, useSubmit, FormError, Empty, Scroll, prefixed } from '../ui.js';

export function OrganizerPage() {
  const { session } = useSession();
  const { loading, data, error, reload } = useLoad(async () => {
    if (!isOrganizer(session)) return null;
    const { organizers = [] } = await get('/organizers');
    const organizer = organizers[0];
    if (!organizer) return { organizer: null };
    const [events, statistics] = await Promise.all([
      get('/events', { organizerId: organizer.id, pageSize: 100 }),
      get(`/analytics/organizers/${organizer.id}`).catch(() => null),
    ]);
    return { organizer, events: events.events || [], statistics };
  }, [session.subject, session.roles?.join()]);

  if (!isOrganizer(session)) {
    return html`<${Title} text=${t('Organize')} /><p>${t('Become an organizer on your account page to publish events.')} <a href="#/account">${t('Account')}</a></p>`;
  }
  if (loading && !data) return html`<${Title} text=${t('Organize')} /><${Loading} />`;
  if (error) return html`<${Title} text=${t('Organize')} /><${ErrorNotice} error=${error} />`;
  if (!data.organizer) return html`<${Title} text=${t('Your organizer profile')} /><${OrganizerForm} onDone=${reload} />`;
  const { organizer, events, statistics } = data;
  return html`
    <${Title} text=${organizer.legalName} />
    <p class="actions">
      <a class="button" href="#/organizer/events/new">${t('New event')}</a>
      <a href=${`/analytics/organizers/${organizer.id}/export.csv`} download>${t('Statistics (CSV)')}</a>
      <a href=${`/organizers/${organizer.id}/documents.csv`} download>${t('Invoices and credit notes (CSV)')}</a>
    </p>
    ${statistics && html`<dl class="facts">
      <div><dt>${t('Events')}</dt><dd>${number(statistics.eventCount)}</dd></div>
      <div><dt>${t('Confirmed registrations')}</dt><dd>${number(statistics.confirmedCount)}</dd></div>
      <div><dt>${t('Average fill rate')}</dt><dd>${percent(statistics.averageFillRateBasisPoints)}</dd></div>
      ${(statistics.revenue || []).map((r) => html`<div><dt>${t('Net revenue')}</dt><dd>${money(r.netRevenue)}</dd></div>`)}
    </dl>`}
    <h2>${t('Your events')}</h2>
    ${events.length === 0 ? html`<${Empty}>${t('No event yet.')}<//>` : html`
      <${Scroll} label=${t('Your events')}><table>
        <thead><tr><th scope="col">${t('Event')}</th><th scope="col">${t('Starts')}</th><th scope="col">${t('Status')}</th></tr></thead>
        <tbody>${events.map((e) => html`<tr>
          <td><a href=${`#/organizer/events/${e.id}`}>${e.title}</a></td>
          <td>${dateTime(e.startTime, e.timeZone)}</td>
          <td><span class=${`badge ${e.status}`}>${label(e.status)}</span></td>
        </tr>`)}</tbody>
      </table><//>`}`;
}

function OrganizerForm({ onDone }) {
  const { session } = useSession();
  const { busy, error, fields, submit } = useSubmit(async (e) => {
    const f = new FormData(e.target);
    await post('/organizers', {
      requestId: crypto.randomUUID(),
      legalName: f.get('legal_name'),
      vatNumber: f.get('vat_number'),
      invoicePrefix: f.get('invoice_prefix'),
      contactEmail: f.get('contact_email'),
      contactPhone: f.get('contact_phone'),
      address: { line1: f.get('line1'), postalCode: f.get('postal_code'), city: f.get('city'), countryCode: f.get('country_code').toUpperCase() },
    });
    onDone();
  });
  const address = prefixed(fields, 'address.');
  return html`
    <p>${t('Your invoices carry these details.')}</p>
    <form onSubmit=${submit} novalidate class="panel">
      <${Field} name="legal_name" label=${t('Legal name')} errors=${fields} required />
      <${Field} name="line1" label=${t('Address')} errors=${address} required />
      <${Field} name="postal_code" label=${t('Postal code')} errors=${address} required />
      <${Field} name="city" label=${t('City')} errors=${address} required />
      <${Field} name="country_code" label=${t('Country code (FR, DE…)')} errors=${address} required maxlength="2" />
      <${Field} name="vat_number" label=${t('VAT number (optional)')} errors=${fields} />
      <${Field} name="invoice_prefix" label=${t('Invoice number prefix')} hint=${t('Letters and digits, e.g. ACME gives ACME-2027-000001.')} errors=${fields} required />
      <${Field} name="contact_email" label=${t('Contact email')} type="email" value=${session.email || ''} errors=${fields} required />
      <${Field} name="contact_phone" label=${t('Contact phone (optional)')} type="tel" errors=${fields} />
      <${FormError} error=${error} />
      <button type="submit" disabled=${busy}>${t('Save')}</button>
    </form>`;
}
