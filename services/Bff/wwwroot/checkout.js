// The sandbox checkout: pays a payment intent with one of the provider's test cards through the JSON API.
// The caller's token comes from the page's fragment (#token=…, never sent to a server) or an earlier visit.
(() => {
  const id = location.pathname.split('/').pop();
  const params = new URLSearchParams(location.search);
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (fragment.get('token')) {
    sessionStorage.setItem('eventplatform.token', fragment.get('token'));
    history.replaceState(null, '', location.pathname + location.search);
  }

  const $ = (selector) => document.querySelector(selector);
  const say = (text, kind) => { $('#message').textContent = text; $('#message').className = kind || ''; };
  const money = (m) => m ? new Intl.NumberFormat(undefined, { style: 'currency', currency: m.currency }).format(Number(m.amountMinor) / 100) : '';
  const token = () => sessionStorage.getItem('eventplatform.token');

  async function call(method, path, body) {
    const response = await fetch(path, {
      method,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token()}` },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error(json.message || `The platform answered ${response.status}.`);
    }
    return json;
  }

  function show(intent) {
    const status = intent.status || '';
    $('#summary').textContent = `${intent.description} — ${money(intent.amount)}`;
    $('#pay').hidden = !/REQUIRES_PAYMENT|PROCESSING/.test(status);
    if (params.get('return_url')) {
      $('#back-link').href = params.get('return_url');
      $('#back').hidden = false;
    }
    if (status.endsWith('SUCCEEDED')) {
      say('Paid. Your registration is confirmed in a moment; the receipt comes by email.', 'success');
    } else if (status.endsWith('FAILED')) {
      say(`This payment failed: ${intent.failureMessage || 'no more attempts are possible'}.`, 'error');
    } else if (status.endsWith('CANCELLED')) {
      say('This payment was cancelled: the seat is no longer held.', 'error');
    } else if (status.endsWith('PROCESSING') && intent.nextActionUrl) {
      say('Your bank asks you to confirm the payment…');
      location.assign(intent.nextActionUrl);
    } else if (intent.failureMessage) {
      say(`${intent.failureMessage} Try another card.`, 'error');
    }
    return status;
  }

  async function refreshUntilSettled(attempts) {
    const intent = await call('GET', `/payments/intents/${id}`);
    const status = show(intent);
    if (status.endsWith('PROCESSING') && !intent.nextActionUrl && attempts > 0) {
      setTimeout(() => refreshUntilSettled(attempts - 1), 1000);
    }
  }

  $('#pay').addEventListener('submit', async (e) => {
    e.preventDefault();
    say('Paying…');
    try {
      const card = new FormData($('#pay')).get('card');
      show(await call('POST', `/payments/intents/${id}/confirm`, { requestId: crypto.randomUUID(), paymentMethod: card, returnUrl: location.href }));
    } catch (error) {
      say(error.message, 'error');
    }
  });

  $('#sign-in').addEventListener('submit', (e) => {
    e.preventDefault();
    sessionStorage.setItem('eventplatform.token', $('#token').value.trim());
    $('#sign-in').hidden = true;
    refreshUntilSettled(30).catch((error) => say(error.message, 'error'));
  });

  if (!token()) {
    $('#summary').textContent = 'Sign in to pay.';
    $('#sign-in').hidden = false;
  } else {
    refreshUntilSettled(30).catch((error) => say(error.message, 'error'));
  }
})();
