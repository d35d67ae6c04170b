// The person's own account: organizer sign-up, passkeys, API tokens, their data, deletion.
import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { get, post, del } from '../api.js';
import { t, dateTime } from '../i18n.js';
import { go } from '../router.js';
import { useSession, signOut } from '../session.js';
import { askAuthenticator } from '../passkeys.js';
import { Title, useLoad, Loading, ErrorNotice, Field, useSubmit, FormError, Notice } from '../ui.js';

export function AccountPage() {
  const { session, refresh } = useSession();
  const { loading, data, error, reload } = useLoad(async () => {
    const [profile, apiTokens] = await Promise.all([get('/account'), get('/account/api-tokens')]);
    return { profile, apiTokens };
  }, [session.subject]);
  const [secret, setSecret] = useState(null);

  const organizer = useSubmit(async () => { await post('/account/organizer'); await refresh(); reload(); go('/organizer'); });
  const addPasskey = useSubmit(async (e) => {
    const name = new FormData(e.target).get('passkey_name') || '';
    const { ceremony, options } = await post('/account/passkeys/options');
    await post('/account/passkeys', { ceremony, credential: await askAuthenticator('create', options), name });
    e.target.reset();
    reload();
  });
  const newToken = useSubmit(async (e) => {
    const form = new FormData(e.target);
    const created = await post('/account/api-tokens', { name: form.get('token_name'), expiresInDays: Number(form.get('expires_in_days')) || undefined });
    setSecret(created.secret);
    e.target.reset();
    reload();
  });
  const remove = useSubmit(async () => {
    if (!confirm(t('Delete your account and everything it holds? This cannot be undone.'))) return;
    await del('/account');
    await signOut().catch(() => {});
    go('/');
    await refresh();
  });

  if (!session.signedIn) return html`<${Title} text=${t('Account')} /><p><a href="#/sign-in?return=/account">${t('Sign in')}</a></p>`;
  if (loading && !data) return html`<${Title} text=${t('Account')} /><${Loading} />`;
  if (error) return html`<${Title} text=${t('Account')} /><${ErrorNotice} error=${error} />`;
  const { profile, apiTokens } = data;
  const isOrganizer = profile.roles.includes('organizer');
  return html`
    <${Title} text=${t('Account')} />
    <dl class="facts">
      <div><dt>${t('Email')}</dt><dd>${profile.email}</dd></div>
      <div><dt>${t('Member since')}</dt><dd>${dateTime(profile.createdAt)}</dd></div>
    </dl>
    <section class="panel" aria-labelledby="organizer-title">
      <h2 id="organizer-title">${t('Organizing events')}</h2>
      ${isOrganizer ? html`<p>${t('You are an organizer.')} <a href="#/organizer">${t('Your events')}</a></p>` : html`
        <p>${t('Become an organizer to publish events, sell seats and issue invoices.')}</p>
        <${FormError} error=${organizer.error} />
        <button type="button" onClick=${organizer.submit} disabled=${organizer.busy}>${t('Become an organizer')}</button>`}
    </section>
    <section class="panel" aria-labelledby="passkeys-title">
      <h2 id="passkeys-title">${t('Passkeys')}</h2>
      ${profile.passkeys.length === 0 ? html`<p class="muted">${t('No passkey yet: add one to sign in without a code.')}</p>` : html`
        <ul>${profile.passkeys.map((p) => html`<li>${p.name || t('Passkey')} · ${t('added {date}', { date: dateTime(p.createdAt) })}
          <button type="button" class="link" onClick=${async () => { await del(`/account/passkeys/${p.id}`); reload(); }}>${t('Remove')}<span class="visually-hidden"> ${p.name}</span></button></li>`)}</ul>`}
      <form onSubmit=${addPasskey.submit}>
        <${Field} name="passkey_name" label=${t('Name of this passkey (optional)')} placeholder=${t('My laptop')} errors=${addPasskey.fields} />
        <${FormError} error=${addPasskey.error} />
        <button type="submit" disabled=${addPasskey.busy}>${t('Add a passkey')}</button>
      </form>
    </section>
    <section class="panel" aria-labelledby="tokens-title">
      <h2 id="tokens-title">${t('API tokens for scripts')}</h2>
      ${secret && html`<${Notice} kind="success">${t('Copy this token now: it is shown only once.')} <code>${secret}</code><//>`}
      ${apiTokens.length > 0 && html`<ul>${apiTokens.map((tk) => html`<li>${tk.name} · ${t('expires {date}', { date: dateTime(tk.expiresAt) })}
        <button type="button" class="link" onClick=${async () => { await del(`/account/api-tokens/${tk.id}`); reload(); }}>${t('Revoke')}<span class="visually-hidden"> ${tk.name}</span></button></li>`)}</ul>`}
      <form onSubmit=${newToken.submit}>
        <${Field} name="token_name" label=${t('Token name')} errors=${{ token_name: newToken.fields.name }} required />
        <${Field} name="expires_in_days" label=${t('Valid for (days)')} type="number" min="1" max="365" value="90" errors=${{ expires_in_days: newToken.fields.expiresInDays }} />
        <${FormError} error=${newToken.error} />
        <button type="submit" disabled=${newToken.busy}>${t('Create a token')}</button>
      </form>
    </section>
    <section class="panel" aria-labelledby="data-title">
      <h2 id="data-title">${t('Your data')}</h2>
      <p><a href="/account/export" download="eventplatform-account.json">${t('Download my data')}</a></p>
      <${FormError} error=${remove.error} />
      <button type="button" class="danger" onClick=${remove.submit} disabled=${remove.busy}>${t('Delete my account')}</button>
    </section>`;
}
