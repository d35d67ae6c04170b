// An attendee's registrations: status, waiting-list position, sessions, payment, documents, cancellation.
import { html } from '../html.js';
import { get, post, put } from '../api.js';
import { t, dateTime, money, label } from '../i18n.js';
import { Title, useLoad, Loading, ErrorNotice, Empty, useSubmit, FormError, Field, Notice, Scroll } from '../ui.js';

const ended = ['REGISTRATION_STATUS_CANCELLED', 'REGISTRATION_STATUS_EXPIRED', 'REGISTRATION_STATUS_REJECTED'];

async function eventsOf(registrations) {
  const ids = [...new Set(registrations.map((r) => r.eventId))];
  const events = await Promise.all(ids.map((id) => get(`/events/${id}`).catch(() => null)));
  return Object.fromEntries(events.filter(Boolean).map((e) => [e.id, e]));
}

export function RegistrationsPage() {
  const { loading, data, error } = useLoad(async () => {
    const { registrations = [] } = await get('/registrations', { pageSize: 100 });
    return { registrations, events: await eventsOf(registrations) };
  }, []);
  return html`
    <${Title} text=${t('My registrations')} />
    <${ErrorNotice} error=${error} />
    ${loading ? html`<${Loading} />` : data && (data.registrations.length === 0
      ? html`<${Empty}>${t('You have no registration yet.')} <a href="#/">${t('Browse events')}</a><//>`
      : html`<ul class="cards">
          ${data.registrations.map((r) => {
            const event = data.events[r.eventId];
            return html`<li><article class="card">
              <h2><a href=${`#/registrations/${r.id}`}>${event?.title || t('Event')}</a></h2>
              ${event && html`<p><time datetime=${event.startTime}>${dateTime(event.startTime, event.timeZone)}</time></p>`}
              <p><span class=${`badge ${r.status}`}>${label(r.status)}</span>
                ${r.status === 'REGISTRATION_STATUS_WAITLISTED' && html` ${t('position {n} on the waiting list', { n: r.waitlistPosition })}`}</p>
              ${r.status === 'REGISTRATION_STATUS_PENDING' && html`<p><a class="button" href=${`#/checkout/${r.paymentIntentId || r.id}`}>${t('Pay {amount}', { amount: money(r.price) })}</a></p>`}
            </article></li>`;
          })}
        </ul>`)}`;
}

export function RegistrationPage({ params }) {
  const { loading, data, error, reload } = useLoad(async () => {
    const registration = await get(`/registrations/${params.id}`);
    const [event, program, invoices, receipts, creditNotes] = await Promise.all([
      get(`/events/${registration.eventId}`).catch(() => null),
      get(`/events/${registration.eventId}/program`).catch(() => null),
      get('/invoices', { registrationId: params.id }).catch(() => ({})),
      get('/receipts', { registrationId: params.id }).catch(() => ({})),
      get('/credit-notes', { registrationId: params.id }).catch(() => ({})),
    ]);
    return { registration, event, program, documents: { invoices: invoices.invoices || [], receipts: receipts.receipts || [], creditNotes: creditNotes.creditNotes || [] } };
  }, [params.id]);
  if (loading && !data) return html`<${Loading} />`;
  if (error) return html`<${Title} text=${t('Registration')} /><${ErrorNotice} error=${error} />`;
  const { registration: r, event, program, documents } = data;
  const zone = event?.timeZone;
  return html`
    <${Title} text=${event ? event.title : t('Registration')} />
    <p class="lead"><span class=${`badge ${r.status}`} data-testid="registration-status">${label(r.status)}</span>
      ${r.status === 'REGISTRATION_STATUS_WAITLISTED' && html` ${t('position {n} on the waiting list', { n: r.waitlistPosition })}`}
      ${r.statusReason && html` — ${r.statusReason}`}</p>
    ${event && html`<p class="actions"><time datetime=${event.startTime}>${dateTime(event.startTime, zone)}</time>
      <a href=${`#/events/${event.id}`}>${t('Event page')}</a>
      <a href=${`/events/${event.id}/calendar.ics`} download>${t('Add to calendar')}</a></p>`}
    <dl class="facts">
      <div><dt>${t('Name')}</dt><dd>${r.attendee?.name}</dd></div>
      <div><dt>${t('Email')}</dt><dd>${r.attendee?.email}</dd></div>
      <div><dt>${t('Price')}</dt><dd>${money(r.price)}</dd></div>
      ${r.refundedAmount && html`<div><dt>${t('Refunded')}</dt><dd>${money(r.refundedAmount)}</dd></div>`}
      ${r.paymentDueTime && r.status === 'REGISTRATION_STATUS_PENDING' && html`<div><dt>${t('Pay before')}</dt><dd>${dateTime(r.paymentDueTime, zone)}</dd></div>`}
    </dl>
    ${r.status === 'REGISTRATION_STATUS_PENDING' && html`<p><a class="button" href=${`#/checkout/${r.paymentIntentId || r.id}`}>${t('Pay {amount}', { amount: money(r.price) })}</a></p>`}
    ${program && html`<${Sessions} registration=${r} program=${program} zone=${zone} onDone=${reload} />`}
    <${Documents} documents=${documents} />
    ${!ended.includes(r.status) && html`<${Cancel} registration=${r} event=${event} onDone=${reload} />`}`;
}

function Sessions({ registration, program, zone, onDone }) {
  const choosable = (program.sessions || []).filter((s) => !s.plenary && s.status !== 'SESSION_STATUS_CANCELLED');
  const chosen = new Set(registration.sessionIds || []);
  const canChoose = registration.status === 'REGISTRATION_STATUS_CONFIRMED' && choosable.length > 0;
  const { busy, error, fields, submit } = useSubmit(async (e) => {
    await put(`/registrations/${registration.id}/sessions`, { sessionIds: new FormData(e.target).getAll('session_ids') });
    onDone();
  });
  if (!choosable.length) return null;
  return html`
    <section aria-labelledby="sessions-title">
      <h2 id="sessions-title">${t('My sessions')}</h2>
      ${canChoose ? html`
        <form onSubmit=${submit}>
          <fieldset class=${fields.session_ids ? 'invalid' : ''}>
            <legend>${t('Sessions you will attend')}</legend>
            ${choosable.map((s) => html`<div class="field check">
              <input type="checkbox" id=${`c-${s.id}`} name="session_ids" value=${s.id} defaultChecked=${chosen.has(s.id)} />
              <label for=${`c-${s.id}`}>${s.title} — ${dateTime(s.startTime, zone)}</label>
            </div>`)}
            ${fields.session_ids && html`<p class="field-error">${fields.session_ids}</p>`}
          </fieldset>
          <${FormError} error=${error} />
          <button type="submit" disabled=${busy}>${t('Save my sessions')}</button>
        </form>`
      : html`<ul>${choosable.filter((s) => chosen.has(s.id)).map((s) => html`<li>${s.title} — ${dateTime(s.startTime, zone)}</li>`)}</ul>
             ${chosen.size === 0 && html`<p class="muted">${t('You can choose sessions once your registration is confirmed.')}</p>`}`}
    </section>`;
}

export function Documents({ documents }) {
  const rows = [
    ...documents.invoices.map((d) => ({ kind: t('Invoice'), d, href: `/invoices/${d.id}/pdf`, amount: d.grossTotal })),
    ...documents.receipts.map((d) => ({ kind: t('Receipt'), d, href: `/receipts/${d.id}/pdf`, amount: d.amountPaid })),
    ...documents.creditNotes.map((d) => ({ kind: t('Credit note'), d, href: `/credit-notes/${d.id}/pdf`, amount: d.grossTotal })),
  ].sort((a, b) => (a.d.issueTime < b.d.issueTime ? -1 : 1));
  return html`
    <section aria-labelledby="documents-title">
      <h2 id="documents-title">${t('Invoices and receipts')}</h2>
      ${rows.length === 0 ? html`<p class="muted">${t('None yet: the invoice is issued once the registration is confirmed.')}</p>` : html`
        <${Scroll} label=${t('Invoices and receipts')}><table>
          <thead><tr><th scope="col">${t('Document')}</th><th scope="col">${t('Number')}</th><th scope="col">${t('Date')}</th><th scope="col">${t('Amount')}</th><th scope="col"><span class="visually-hidden">${t('Download')}</span></th></tr></thead>
          <tbody>${rows.map(({ kind, d, href, amount }) => html`<tr>
            <td>${kind}</td><td>${d.number}</td><td>${dateTime(d.issueTime)}</td><td>${money(amount)}</td>
            <td><a href=${href} download=${`${d.number}.pdf`}>${t('Download PDF')}<span class="visually-hidden"> ${d.number}</span></a></td>
          </tr>`)}</tbody>
        </table><//>`}
    </section>`;
}

function Cancel({ registration, event, onDone }) {
  const { busy, error, fields, submit } = useSubmit(async (e) => {
    if (!confirm(t('Cancel this registration?'))) return;
    await post(`/registrations/${registration.id}/cancel`, { reason: new FormData(e.target).get('reason') || '' });
    onDone();
  });
  const paid = registration.status === 'REGISTRATION_STATUS_CONFIRMED' && registration.price;
  return html`
    <section aria-labelledby="cancel-title">
      <h2 id="cancel-title">${t('Cancel my registration')}</h2>
      ${paid && event && html`<${Notice}>${refundTerms(event)}<//>`}
      <form onSubmit=${submit}>
        <${Field} name="reason" label=${t('Reason (optional)')} errors=${fields} />
        <${FormError} error=${error} />
        <button type="submit" class="danger" disabled=${busy}>${t('Cancel registration')}</button>
      </form>
    </section>`;
}

function refundTerms(event) {
  if (event.refundPolicy === 'REFUND_POLICY_NONE') return t('This event gives no refund.');
  const deadline = dateTime(event.refundDeadline, event.timeZone);
  if (event.refundPolicy === 'REFUND_POLICY_PARTIAL_AFTER_DEADLINE') return t('Full refund until {date}, then {p} %.', { date: deadline, p: event.lateRefundPercent });
  return t('Full refund until {date}.', { date: deadline });
}
