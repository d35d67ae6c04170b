// An event as attendees see it: what, when, where, seats left, program and speakers; and the registration form.
import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { get, post } from '../api.js';
import { t, dateTime, date, time, money, label } from '../i18n.js';
import { go } from '../router.js';
import { useSession } from '../session.js';
import { Title, useLoad, Loading, ErrorNotice, Field, useSubmit, FormError, Notice, prefixed } from '../ui.js';
import { where } from './events.js';

export function EventPage({ params }) {
  const { session } = useSession();
  const { loading, data, error } = useLoad(async () => {
    const [event, program, availability, mine] = await Promise.all([
      get(`/events/${params.id}`),
      get(`/events/${params.id}/program`).catch(() => null),
      get(`/events/${params.id}/availability`).catch(() => null),
      session.signedIn ? get('/registrations', { eventId: params.id }).catch(() => null) : null,
    ]);
    return { event, program, availability, mine: (mine?.registrations || []).filter((r) => isActive(r.status)) };
  }, [params.id]);
  if (loading && !data) return html`<${Loading} />`;
  if (error) return html`<${Title} text=${t('Event')} /><${ErrorNotice} error=${error} />`;
  const { event, program, availability, mine } = data;
  return html`
    <article class="event">
      <${Title} text=${event.title} />
      <p class="lead"><time datetime=${event.startTime}>${dateTime(event.startTime, event.timeZone)}</time> – <time datetime=${event.endTime}>${dateTime(event.endTime, event.timeZone)}</time> (${event.timeZone})</p>
      <p>${where(event)}${event.venue?.address ? html` · ${[event.venue.address.line1, event.venue.address.postalCode, event.venue.address.city].filter(Boolean).join(' ')}` : ''}</p>
      ${event.status !== 'EVENT_STATUS_PUBLISHED' && html`<${Notice} kind="warning">${label(event.status)}${event.cancellationReason ? ` — ${event.cancellationReason}` : ''}<//>`}
      <dl class="facts">
        <div><dt>${t('Price')}</dt><dd>${money(event.price)}</dd></div>
        ${availability && html`<div><dt>${t('Seats left')}</dt><dd data-testid="seats-left">${availability.remainingSeats} / ${availability.capacity}</dd></div>`}
        ${availability?.waitlistLength > 0 && html`<div><dt>${t('Waiting list')}</dt><dd>${availability.waitlistLength}</dd></div>`}
        ${event.approvalRequired && html`<div><dt>${t('Approval')}</dt><dd>${t('The organizer approves each registration.')}</dd></div>`}
      </dl>
      <p class="actions">
        <a href=${`/events/${event.id}/calendar.ics`} download>${t('Add to calendar')}</a>
        ${program?.sessions?.length > 0 && html`<a href=${`/events/${event.id}/program.ics`} download>${t('Program in my calendar')}</a>`}
      </p>
      ${event.description && html`<div class="description">${event.description.split(/\n{2,}/).map((p) => html`<p>${p}</p>`)}</div>`}
      <${Register} event=${event} program=${program} availability=${availability} mine=${mine} session=${session} />
      ${program && html`<${Program} program=${program} availability=${availability} />`}
    </article>`;
}

const isActive = (status) => !['REGISTRATION_STATUS_CANCELLED', 'REGISTRATION_STATUS_EXPIRED', 'REGISTRATION_STATUS_REJECTED'].includes(status);

function Program({ program, availability }) {
  const speakers = Object.fromEntries((program.speakers || []).map((s) => [s.id, s]));
  const rooms = Object.fromEntries((program.rooms || []).map((r) => [r.id, r]));
  const seats = Object.fromEntries((availability?.sessions || []).map((s) => [s.sessionId, s]));
  const days = groupBy(program.sessions || [], (s) => date(s.startTime, program.timeZone));
  if (!program.sessions?.length) return null;
  return html`
    <section aria-labelledby="program-title">
      <h2 id="program-title">${t('Program')}</h2>
      ${Object.entries(days).map(([day, sessions]) => html`
        <h3>${day}</h3>
        <ul class="sessions">
          ${sessions.map((s) => html`
            <li class=${s.status === 'SESSION_STATUS_CANCELLED' ? 'cancelled' : ''}>
              <p class="when">${time(s.startTime, program.timeZone)}–${time(s.endTime, program.timeZone)}${s.roomId && rooms[s.roomId] ? ` · ${rooms[s.roomId].name}` : ''}${s.track ? ` · ${s.track}` : ''}</p>
              <h4>${s.title}${s.status === 'SESSION_STATUS_CANCELLED' ? ` (${t('cancelled')})` : ''}</h4>
              ${s.speakerIds?.length > 0 && html`<p class="speakers">${s.speakerIds.map((id) => speakers[id]?.name).filter(Boolean).join(', ')}</p>`}
              ${s.abstract && html`<p>${s.abstract}</p>`}
              ${seats[s.id] && seats[s.id].capacity > 0 && html`<p class="muted">${t('{n} seats left in this session', { n: seats[s.id].remainingSeats })}</p>`}
            </li>`)}
        </ul>`)}
      ${program.speakers?.length > 0 && html`
        <h2>${t('Speakers')}</h2>
        <ul class="speaker-list">
          ${program.speakers.map((s) => html`<li><strong>${s.name}</strong>${s.affiliation ? `, ${s.affiliation}` : ''}${s.bio ? html`<p>${s.bio}</p>` : ''}</li>`)}
        </ul>`}
    </section>`;
}

function Register({ event, program, availability, mine, session }) {
  const [billing, setBilling] = useState(false);
  const { busy, error, fields, submit } = useSubmit(async (e) => {
    const form = new FormData(e.target);
    const body = {
      requestId: crypto.randomUUID(),
      eventId: event.id,
      name: form.get('name'),
      email: form.get('email'),
      locale: document.documentElement.lang === 'fr' ? 'fr-FR' : 'en-GB',
      sessionIds: form.getAll('session_ids'),
      noteToOrganizer: form.get('note_to_organizer') || '',
    };
    if (billing) {
      body.billingDetails = {
        legalName: form.get('legal_name'),
        vatNumber: form.get('vat_number'),
        email: form.get('billing_email'),
        address: { line1: form.get('line1'), postalCode: form.get('postal_code'), city: form.get('city'), countryCode: form.get('country_code') },
      };
    }
    const registration = await post('/registrations', body);
    if (registration.status === 'REGISTRATION_STATUS_PENDING') {
      const intent = await post('/payments/intents', { requestId: crypto.randomUUID(), registrationId: registration.id, returnUrl: `${location.origin}/#/registrations/${registration.id}` });
      go(`/checkout/${intent.id}`);
    } else {
      go(`/registrations/${registration.id}`);
    }
  });

  if (mine.length > 0) {
    const r = mine[0];
    return html`<section class="panel" aria-labelledby="register-title">
      <h2 id="register-title">${t('Your registration')}</h2>
      <p><span class=${`badge ${r.status}`}>${label(r.status)}</span> <a href=${`#/registrations/${r.id}`}>${t('See my registration')}</a></p>
    </section>`;
  }
  if (event.status !== 'EVENT_STATUS_PUBLISHED' || (availability && !availability.registrationOpen)) {
    return html`<${Notice}>${t('Registration is closed.')}<//>`;
  }
  if (!session.signedIn) {
    return html`<p class="panel"><a class="button" href=${`#/sign-in?return=${encodeURIComponent(`/events/${event.id}`)}`}>${t('Sign in to register')}</a></p>`;
  }
  const choosable = (program?.sessions || []).filter((s) => !s.plenary && s.status !== 'SESSION_STATUS_CANCELLED');
  const full = availability && availability.remainingSeats <= 0;
  return html`
    <section class="panel" aria-labelledby="register-title">
      <h2 id="register-title">${t('Register')}</h2>
      ${full && html`<${Notice} kind="warning">${availability.waitlistEnabled ? t('The event is full: you will join the waiting list.') : t('The event is full.')}<//>`}
      <form onSubmit=${submit} novalidate>
        <${Field} name="name" label=${t('Your name')} errors=${fields} required autocomplete="name" />
        <${Field} name="email" label=${t('Your email')} type="email" errors=${fields} required autocomplete="email" value=${session.email || ''} />
        ${choosable.length > 0 && html`
          <fieldset class=${fields.session_ids ? 'invalid' : ''}>
            <legend>${t('Sessions you will attend')}</legend>
            ${choosable.map((s) => html`<div class="field check">
              <input type="checkbox" id=${`s-${s.id}`} name="session_ids" value=${s.id} />
              <label for=${`s-${s.id}`}>${s.title} — ${dateTime(s.startTime, event.timeZone)}</label>
            </div>`)}
            ${fields.session_ids && html`<p class="field-error">${fields.session_ids}</p>`}
          </fieldset>`}
        <${Field} name="note_to_organizer" label=${t('Note to the organizer (optional)')} as="textarea" rows="2" errors=${fields} />
        <div class="field check">
          <input type="checkbox" id="want-billing" checked=${billing} onChange=${(e) => setBilling(e.target.checked)} />
          <label for="want-billing">${t('Invoice to a company')}</label>
        </div>
        ${billing && html`
          <fieldset>
            <legend>${t('Billing details')}</legend>
            <${Field} name="legal_name" label=${t('Company name')} errors=${prefixed(fields, 'billing_details.')} />
            <${Field} name="vat_number" label=${t('VAT number')} errors=${prefixed(fields, 'billing_details.')} />
            <${Field} name="billing_email" label=${t('Billing email')} type="email" errors=${{ billing_email: fields['billing_details.email'] }} />
            <${Field} name="line1" label=${t('Address')} errors=${prefixed(fields, 'billing_details.address.')} />
            <${Field} name="postal_code" label=${t('Postal code')} errors=${prefixed(fields, 'billing_details.address.')} />
            <${Field} name="city" label=${t('City')} errors=${prefixed(fields, 'billing_details.address.')} />
            <${Field} name="country_code" label=${t('Country code (FR, DE…)')} errors=${prefixed(fields, 'billing_details.address.')} maxlength="2" />
          </fieldset>`}
        <${FormError} error=${error} />
        <button type="submit" disabled=${busy}>${event.price ? t('Register and pay {price}', { price: money(event.price) }) : t('Register')}</button>
      </form>
    </section>`;
}

function groupBy(items, key) {
  const groups = {};
  for (const item of items) (groups[key(item)] ||= []).push(item);
  return groups;
}
