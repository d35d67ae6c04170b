// Upcoming events, searchable by words of their title and description.
import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { get } from '../api.js';
import { t, dateTime, money } from '../i18n.js';
import { go } from '../router.js';
import { Title, useLoad, Loading, ErrorNotice, Empty } from '../ui.js';

export function EventsPage({ query }) {
  const words = query.get('q') || '';
  const [pageToken, setPageToken] = useState('');
  const [tokens, setTokens] = useState([]);
  const { loading, data, error } = useLoad(
    () => get('/events', { upcomingOnly: true, status: 'EVENT_STATUS_PUBLISHED', query: words, pageSize: 12, pageToken }),
    [words, pageToken],
  );
  const search = (e) => {
    e.preventDefault();
    const q = new FormData(e.target).get('q').trim();
    setTokens([]);
    setPageToken('');
    go(q ? `/?q=${encodeURIComponent(q)}` : '/');
  };
  return html`
    <${Title} text=${t('Upcoming events')} />
    <form role="search" class="search" onSubmit=${search}>
      <label for="q">${t('Search events')}</label>
      <div class="row">
        <input id="q" name="q" type="search" value=${words} placeholder=${t('Title, topic, city…')} />
        <button type="submit">${t('Search')}</button>
      </div>
    </form>
    ${error && html`<${ErrorNotice} error=${error} />`}
    ${loading ? html`<${Loading} />` : data && html`
      ${data.events?.length ? html`
        <ul class="cards">
          ${data.events.map((e) => html`<li><${EventCard} event=${e} /></li>`)}
        </ul>` : html`<${Empty}>${words ? t('No upcoming event matches “{q}”.', { q: words }) : t('No upcoming event yet.')}<//>`}
      <nav class="pager" aria-label=${t('Pages')}>
        ${tokens.length > 0 && html`<button type="button" onClick=${() => { const previous = tokens.slice(0, -1); setTokens(previous); setPageToken(previous.at(-1) || ''); }}>${t('Previous')}</button>`}
        ${data.nextPageToken && html`<button type="button" onClick=${() => { setTokens([...tokens, data.nextPageToken]); setPageToken(data.nextPageToken); }}>${t('Next')}</button>`}
      </nav>`}`;
}

export function EventCard({ event, href = `#/events/${event.id}` }) {
  return html`
    <article class="card">
      <h2><a href=${href}>${event.title}</a></h2>
      <p><time datetime=${event.startTime}>${dateTime(event.startTime, event.timeZone)}</time></p>
      <p>${where(event)}</p>
      <p class="price">${money(event.price)}</p>
    </article>`;
}

export const where = (event) =>
  event.venue ? [event.venue.name, event.venue.address?.city].filter(Boolean).join(', ') : t('Online');
