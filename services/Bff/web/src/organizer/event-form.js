// Creating or editing an event; each broken rule is shown on its field.
import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { get, post, patch } from '../api.js';
import { t } from '../i18n.js';
import { go } from '../router.js';
import { Title, useLoad, Loading, ErrorNotice, Field, useSubmit, FormError, prefixed } from '../ui.js';
import { toInstant, toLocal, browserZone, zones } from './zoned-time.js';

export function EventFormPage({ params }) {
  const editing = Boolean(params.id);
  const { loading, data, error } = useLoad(async () => {
    const { organizers = [] } = await get('/organizers');
    return { organizer: organizers[0], event: editing ? await get(`/events/${params.id}`) : null };
  }, [params.id]);
  const title = editing ? t('Edit the event') : t('New event');
  if (loading) return html`<${Title} text=${title} /><${Loading} />`;
  if (error) return html`<${Title} text=${title} /><${ErrorNotice} error=${error} />`;
  if (!data.organizer) return html`<${Title} text=${title} /><p><a href="#/organizer">${t('Create your organizer profile first.')}</a></p>`;
  return html`<${Title} text=${title} /><${EventForm} organizer=${data.organizer} event=${data.event} />`;
}

function EventForm({ organizer, event }) {
  const [online, setOnline] = useState(Boolean(event?.onlineUrl));
  const [zone, setZone] = useState(event?.timeZone || browserZone());
  const [currency, setCurrency] = useState(event?.price?.currency || 'EUR');
  const [policy, setPolicy] = useState(event?.refundPolicy || 'REFUND_POLICY_FULL_UNTIL_DEADLINE');
  const published = event && event.status !== 'EVENT_STATUS_DRAFT';

  const { busy, error, fields, submit } = useSubmit(async (e) => {
    const f = new FormData(e.target);
    const amount = f.get('price_amount').trim();
    const body = {
      title: f.get('title'),
      description: f.get('description'),
      timeZone: zone,
      startTime: toInstant(f.get('start_time'), zone) || undefined,
      endTime: toInstant(f.get('end_time'), zone) || undefined,
      registrationOpensTime: toInstant(f.get('registration_opens_time'), zone) || undefined,
      registrationClosesTime: toInstant(f.get('registration_closes_time'), zone) || undefined,
      capacity: Number(f.get('capacity')) || 0,
      approvalRequired: f.get('approval_required') === 'on',
      waitlistEnabled: f.get('waitlist_enabled') === 'on',
    };
    if (online) body.onlineUrl = f.get('online_url');
    else body.venue = { name: f.get('venue_name'), address: { line1: f.get('line1'), postalCode: f.get('postal_code'), city: f.get('city'), countryCode: f.get('country_code').toUpperCase() } };
    if (!published) {
      if (amount) body.price = { amountMinor: String(Math.round(Number(amount.replace(',', '.')) * 100)), currency };
      body.vatRateBasisPoints = Math.round(Number((f.get('vat_rate') || '0').replace(',', '.')) * 100);
      body.refundPolicy = policy;
      if (policy !== 'REFUND_POLICY_NONE') body.refundDeadline = toInstant(f.get('refund_deadline'), zone) || undefined;
      if (policy === 'REFUND_POLICY_PARTIAL_AFTER_DEADLINE') body.lateRefundPercent = Number(f.get('late_refund_percent')) || 0;
    }
    const saved = event
      ? await patch(`/events/${event.id}`, body)
      : await post('/events', { ...body, requestId: crypto.randomUUID(), organizerId: organizer.id });
    go(`/organizer/events/${saved.id}`);
  });

  const venue = prefixed(fields, 'venue.');
  const address = prefixed(fields, 'venue.address.');
  const price = prefixed(fields, 'price.');
  const local = (name) => toLocal(event?.[name], zone);
  return html`
    <form onSubmit=${submit} novalidate class="panel wide">
      <${Field} name="title" label=${t('Title')} value=${event?.title} errors=${fields} required />
      <${Field} name="description" label=${t('Description')} as="textarea" rows="5" value=${event?.description} errors=${fields} />
      <fieldset>
        <legend>${t('Where')}</legend>
        <div class="field check"><input type="radio" id="where-venue" name="where" checked=${!online} onChange=${() => setOnline(false)} /><label for="where-venue">${t('At a venue')}</label></div>
        <div class="field check"><input type="radio" id="where-online" name="where" checked=${online} onChange=${() => setOnline(true)} /><label for="where-online">${t('Online')}</label></div>
        ${fields.venue && html`<p class="field-error" role="alert">${fields.venue}</p>`}
        ${online ? html`<${Field} name="online_url" label=${t('Link to join')} type="url" value=${event?.onlineUrl} errors=${fields} />` : html`
          <${Field} name="venue_name" label=${t('Venue')} value=${event?.venue?.name} errors=${{ venue_name: venue.name }} />
          <${Field} name="line1" label=${t('Address')} value=${event?.venue?.address?.line1} errors=${address} />
          <${Field} name="postal_code" label=${t('Postal code')} value=${event?.venue?.address?.postalCode} errors=${address} />
          <${Field} name="city" label=${t('City')} value=${event?.venue?.address?.city} errors=${address} />
          <${Field} name="country_code" label=${t('Country code (FR, DE…)')} value=${event?.venue?.address?.countryCode} maxlength="2" errors=${address} />`}
      </fieldset>
      <fieldset>
        <legend>${t('When')}</legend>
        <${Field} name="time_zone" label=${t('Time zone')} as="select" value=${zone} onChange=${(e) => setZone(e.target.value)} errors=${fields}>
          ${zones().map((z) => html`<option value=${z}>${z}</option>`)}
        <//>
        <${Field} name="start_time" label=${t('Starts')} type="datetime-local" value=${local('startTime')} errors=${fields} required />
        <${Field} name="end_time" label=${t('Ends')} type="datetime-local" value=${local('endTime')} errors=${fields} required />
        <${Field} name="registration_opens_time" label=${t('Registration opens (optional)')} type="datetime-local" value=${local('registrationOpensTime')} errors=${fields} />
        <${Field} name="registration_closes_time" label=${t('Registration closes (optional)')} type="datetime-local" value=${local('registrationClosesTime')} errors=${fields} />
      </fieldset>
      <fieldset>
        <legend>${t('Seats')}</legend>
        <${Field} name="capacity" label=${t('Capacity')} type="number" min="1" value=${event?.capacity ?? 100} errors=${fields} required />
        <${Field} name="waitlist_enabled" label=${t('Waiting list when full')} type="checkbox" checked=${event ? event.waitlistEnabled : true} errors=${fields} />
        <${Field} name="approval_required" label=${t('I approve each registration')} type="checkbox" checked=${event?.approvalRequired} errors=${fields} />
      </fieldset>
      <fieldset disabled=${published}>
        <legend>${t('Price and refunds')}</legend>
        ${published && html`<p class="hint">${t('Price and refund terms are fixed once the event is published.')}</p>`}
        <${Field} name="price_amount" label=${t('Price (empty for a free event)')} inputmode="decimal" value=${event?.price ? (Number(event.price.amountMinor) / 100).toFixed(2) : ''} errors=${{ price_amount: fields.price || price.amount_minor }} />
        <${Field} name="currency" label=${t('Currency')} as="select" value=${currency} onChange=${(e) => setCurrency(e.target.value)} errors=${{ currency: price.currency }}>
          ${['EUR', 'USD', 'GBP', 'CHF', 'CAD'].map((c) => html`<option value=${c}>${c}</option>`)}
        <//>
        <${Field} name="vat_rate" label=${t('VAT rate (%)')} inputmode="decimal" value=${event ? (event.vatRateBasisPoints || 0) / 100 : 20} errors=${{ vat_rate: fields.vat_rate_basis_points }} />
        <${Field} name="refund_policy" label=${t('Refunds')} as="select" value=${policy} onChange=${(e) => setPolicy(e.target.value)} errors=${fields}>
          <option value="REFUND_POLICY_FULL_UNTIL_DEADLINE">${t('REFUND_POLICY_FULL_UNTIL_DEADLINE')}</option>
          <option value="REFUND_POLICY_PARTIAL_AFTER_DEADLINE">${t('REFUND_POLICY_PARTIAL_AFTER_DEADLINE')}</option>
          <option value="REFUND_POLICY_NONE">${t('REFUND_POLICY_NONE')}</option>
        <//>
        ${policy !== 'REFUND_POLICY_NONE' && html`<${Field} name="refund_deadline" label=${t('Refund deadline')} type="datetime-local" value=${local('refundDeadline')} errors=${fields} />`}
        ${policy === 'REFUND_POLICY_PARTIAL_AFTER_DEADLINE' && html`<${Field} name="late_refund_percent" label=${t('Share refunded after the deadline (%)')} type="number" min="1" max="99" value=${event?.lateRefundPercent || 50} errors=${fields} />`}
      </fieldset>
      <${FormError} error=${error} />
      <button type="submit" disabled=${busy}>${event ? t('Save') : t('Create the event')}</button>
      ${event && html` <a href=${`#/organizer/events/${event.id}`}>${t('Back')}</a>`}
    </form>`;
}
