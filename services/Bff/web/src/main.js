// The web front: an attendee's and an organizer's pages over the BFF's JSON API.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { html } from './html.js';
import { t, lang, languages, setLang } from './i18n.js';
import { useRoute, match, go } from './router.js';
import { SessionContext, loadSession, signOut, isOrganizer } from './session.js';
import { Loading } from './ui.js';
import { EventsPage } from './pages/events.js';
import { EventPage } from './pages/event.js';
import { CheckoutPage } from './pages/checkout.js';
import { RegistrationsPage, RegistrationPage } from './pages/registrations.js';
import { DocumentsPage } from './pages/documents.js';
import { NotificationsPage } from './pages/notifications.js';
import { SignInPage } from './pages/sign-in.js';
import { AccountPage } from './pages/account.js';
import { OrganizerPage } from './organizer/dashboard.js';
import { EventFormPage } from './organizer/event-form.js';
import { ManageEventPage } from './organizer/manage-event.js';
import { NotFoundPage } from './pages/not-found.js';

const routes = [
  ['/', EventsPage],
  ['/events/:id', EventPage],
  ['/checkout/:id', CheckoutPage],
  ['/registrations', RegistrationsPage],
  ['/registrations/:id', RegistrationPage],
  ['/documents', DocumentsPage],
  ['/notifications', NotificationsPage],
  ['/sign-in', SignInPage],
  ['/account', AccountPage],
  ['/organizer', OrganizerPage],
  ['/organizer/events/new', EventFormPage],
  ['/organizer/events/:id/edit', EventFormPage],
  ['/organizer/events/:id', ManageEventPage],
  ['/organizer/events/:id/:tab', ManageEventPage],
];

function App() {
  const route = useRoute();
  const [session, setSession] = useState(null);
  const [, setLanguage] = useState(lang);
  const refresh = async () => setSession(await loadSession());
  useEffect(() => { refresh(); }, []);
  if (!session) return html`<main id="main"><${Loading} /></main>`;

  const found = match(routes, route.path) || { view: NotFoundPage, params: {} };
  const View = found.view;
  const nav = [
    ['/', t('Events'), route.path === '/' || route.path.startsWith('/events')],
    ...(session.signedIn
      ? [
          ['/registrations', t('My registrations'), route.path.startsWith('/registrations') || route.path.startsWith('/checkout')],
          ['/documents', t('Invoices'), route.path === '/documents'],
          ['/notifications', t('Notifications'), route.path === '/notifications'],
        ]
      : []),
    ...(isOrganizer(session) ? [['/organizer', t('Organize'), route.path.startsWith('/organizer')]] : []),
  ];
  const changeLanguage = (e) => { setLang(e.target.value); setLanguage(e.target.value); };
  // Leave the page first: a private page must not flash its signed-out form on the way out.
  const leave = async () => { await signOut(); go('/'); await refresh(); };

  return html`
    <${SessionContext.Provider} value=${{ session, refresh }}>
      <a class="skip" href="#main" onClick=${(e) => { e.preventDefault(); document.querySelector('main h1')?.focus(); }}>${t('Skip to content')}</a>
      <header class="top">
        <a class="brand" href="#/">EventPlatform</a>
        <nav aria-label=${t('Main')}>
          <ul>${nav.map(([href, text, current]) => html`<li><a href=${`#${href}`} aria-current=${current ? 'page' : undefined}>${text}</a></li>`)}</ul>
        </nav>
        <div class="tools">
          <label class="visually-hidden" for="language">${t('Language')}</label>
          <select id="language" value=${lang} onChange=${changeLanguage}>
            ${languages.map(([code, name]) => html`<option value=${code}>${name}</option>`)}
          </select>
          ${session.signedIn
            ? html`<a href="#/account" aria-current=${route.path === '/account' ? 'page' : undefined}>${t('Account')}</a>
                   <button type="button" class="link" onClick=${leave}>${t('Sign out')}</button>`
            : html`<a class="button" href="#/sign-in">${t('Sign in')}</a>`}
        </div>
      </header>
      <main id="main">
        <${View} key=${route.path} params=${found.params} query=${route.query} />
      </main>
      <footer class="bottom">
        <p>EventPlatform · <a href="/api">${t('JSON API')}</a></p>
      </footer>
    <//>`;
}

render(html`<${App} />`, document.getElementById('app'));
