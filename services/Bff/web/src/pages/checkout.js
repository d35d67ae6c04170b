// The sandbox checkout: the attendee pays a payment intent with one of the provider's test cards.
import { useEffect, useState } from 'preact/hooks';
import { html } from '../html.js';
import { get, post } from '../api.js';
import { t, money, label } from '../i18n.js';
import { Title, Loading, ErrorNotice, Notice, useSubmit, FormError } from '../ui.js';

const cards = [
  ['pm_card_visa', 'Visa •••• 4242', 'succeeds'],
  ['pm_card_mastercard', 'Mastercard •••• 4444', 'succeeds'],
  ['pm_card_authenticationRequired', 'Visa •••• 3155', 'asks the bank to confirm'],
  ['pm_card_chargeDeclined', 'Visa •••• 0002', 'declined'],
  ['pm_card_chargeDeclinedInsufficientFunds', 'Visa •••• 9995', 'insufficient funds'],
];

export function CheckoutPage({ params }) {
  const [intent, setIntent] = useState(null);
  const [registration, setRegistration] = useState(null);
  const [loadError, setLoadError] = useState(null);
  // Paying starts following the intent again.
  const [round, setRound] = useState(0);

  // The intent settles (webhook) and then the registration is confirmed (event): both are followed until they do.
  useEffect(() => {
    let live = true;
    let timer;
    const follow = async () => {
      try {
        const current = await get(`/payments/intents/${params.id}`);
        if (!live) return;
        setIntent(current);
        let reg = null;
        if (current.status === 'PAYMENT_INTENT_STATUS_SUCCEEDED') {
          reg = await get(`/registrations/${current.registrationId}`);
          if (live) setRegistration(reg);
        }
        const settling = current.status === 'PAYMENT_INTENT_STATUS_PROCESSING' && !current.nextActionUrl;
        const confirming = current.status === 'PAYMENT_INTENT_STATUS_SUCCEEDED' && reg?.status !== 'REGISTRATION_STATUS_CONFIRMED';
        if (live && (settling || confirming)) timer = setTimeout(follow, 700);
      } catch (error) {
        if (live) setLoadError(error);
      }
    };
    follow();
    return () => { live = false; clearTimeout(timer); };
  }, [params.id, round]);

  const { busy, error, submit } = useSubmit(async (e) => {
    const paymentMethod = new FormData(e.target).get('card');
    const result = await post(`/payments/intents/${params.id}/confirm`, { requestId: crypto.randomUUID(), paymentMethod, returnUrl: location.href });
    setIntent(result);
    if (result.status === 'PAYMENT_INTENT_STATUS_PROCESSING' && result.nextActionUrl) location.assign(result.nextActionUrl);
    else setRound((r) => r + 1);
  });

  if (loadError) return html`<${Title} text=${t('Checkout')} /><${ErrorNotice} error=${loadError} />`;
  if (!intent) return html`<${Title} text=${t('Checkout')} /><${Loading} />`;
  const status = intent.status || '';
  const payable = /REQUIRES_PAYMENT/.test(status);
  return html`
    <${Title} text=${t('Checkout')} />
    <p class="lead">${intent.description} — <strong>${money(intent.amount)}</strong></p>
    <div aria-live="polite">
      ${status.endsWith('SUCCEEDED') && html`<${Notice} kind="success">
        ${registration?.status === 'REGISTRATION_STATUS_CONFIRMED'
          ? html`<span data-testid="confirmed">${t('Paid. Your registration is confirmed; the invoice comes by email.')}</span>`
          : t('Paid. Your registration is being confirmed…')}
      <//>`}
      ${status.endsWith('PROCESSING') && html`<${Notice}>${t('Your payment is being processed…')}<//>`}
      ${status.endsWith('FAILED') && html`<${Notice} kind="error">${t('This payment failed: {reason}', { reason: intent.failureMessage || '' })}<//>`}
      ${status.endsWith('CANCELLED') && html`<${Notice} kind="error">${t('This payment was cancelled: the seat is no longer held.')}<//>`}
      ${payable && intent.failureMessage && html`<${Notice} kind="error">${intent.failureMessage} ${t('Try another card.')}<//>`}
    </div>
    ${payable && html`
      <form onSubmit=${submit} class="panel">
        <fieldset>
          <legend>${t('Test card (sandbox)')}</legend>
          ${cards.map(([value, name, outcome], i) => html`<div class="field check">
            <input type="radio" id=${`card-${i}`} name="card" value=${value} defaultChecked=${i === 0} />
            <label for=${`card-${i}`}>${name} — ${t(outcome)}</label>
          </div>`)}
        </fieldset>
        <${FormError} error=${error} />
        <button type="submit" disabled=${busy}>${t('Pay {amount}', { amount: money(intent.amount) })}</button>
      </form>`}
    <p><a href=${`#/registrations/${intent.registrationId}`}>${t('See my registration')}</a> · <span class="muted">${label(status)}</span></p>`;
}
