// Signing in: a one-time code sent by email (which also creates the account), or a passkey.
import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { post } from '../api.js';
import { t } from '../i18n.js';
import { go } from '../router.js';
import { useSession } from '../session.js';
import { askAuthenticator } from '../passkeys.js';
import { Title, Field, useSubmit, FormError, Notice } from '../ui.js';

export function SignInPage({ query }) {
  const { refresh } = useSession();
  const [email, setEmail] = useState('');
  const back = query.get('return') || '/';
  const done = async () => { await refresh(); go(back); };

  const askCode = useSubmit(async (e) => {
    const address = new FormData(e.target).get('email').trim();
    await post('/session/code', { email: address });
    setEmail(address);
  });
  const useCode = useSubmit(async (e) => {
    await post('/session', { email, code: new FormData(e.target).get('code').trim() });
    await done();
  });
  const passkey = useSubmit(async () => {
    const { ceremony, options } = await post('/session/passkey/options');
    await post('/session/passkey', { ceremony, credential: await askAuthenticator('get', options) });
    await done();
  });

  return html`
    <${Title} text=${t('Sign in')} />
    <div class="columns">
      <section class="panel" aria-labelledby="code-title">
        <h2 id="code-title">${t('With a code sent by email')}</h2>
        ${!email ? html`
          <form onSubmit=${askCode.submit} novalidate>
            <${Field} name="email" label=${t('Email')} type="email" autocomplete="email webauthn" required errors=${askCode.fields} />
            <p class="hint">${t('First time here? The code creates your account.')}</p>
            <${FormError} error=${askCode.error} />
            <button type="submit" disabled=${askCode.busy}>${t('Send me a code')}</button>
          </form>` : html`
          <form onSubmit=${useCode.submit} novalidate>
            <${Notice}>${t('A 6-digit code is on its way to {email}. It is valid for 10 minutes.', { email })}<//>
            <${Field} name="code" label=${t('Code')} inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required errors=${useCode.fields} />
            <${FormError} error=${useCode.error} />
            <button type="submit" disabled=${useCode.busy}>${t('Sign in')}</button>
            <button type="button" class="link" onClick=${() => setEmail('')}>${t('Use another address')}</button>
          </form>`}
      </section>
      <section class="panel" aria-labelledby="passkey-title">
        <h2 id="passkey-title">${t('With a passkey')}</h2>
        <p>${t('Use the fingerprint, face or screen lock of this device, or a security key.')}</p>
        <${FormError} error=${passkey.error} />
        <button type="button" onClick=${passkey.submit} disabled=${passkey.busy}>${t('Sign in with a passkey')}</button>
      </section>
    </div>`;
}
