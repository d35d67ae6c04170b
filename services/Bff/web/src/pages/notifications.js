// In-app notifications: newest first, read one or all.
import { html } from '../html.js';
import { get, post } from '../api.js';
import { t, dateTime } from '../i18n.js';
import { Title, useLoad, Loading, ErrorNotice, Empty } from '../ui.js';

export function NotificationsPage() {
  const { loading, data, error, reload } = useLoad(() => get('/notifications', { pageSize: 50 }), []);
  const read = async (id) => { await post(`/notifications/${id}/read`); reload(); };
  const readAll = async () => { await post('/notifications/read-all'); reload(); };
  const items = data?.notifications || [];
  return html`
    <${Title} text=${t('Notifications')} />
    <${ErrorNotice} error=${error} />
    ${loading && !data ? html`<${Loading} />` : items.length === 0 ? html`<${Empty}>${t('No notification.')}<//>` : html`
      ${items.some((n) => !n.readTime) && html`<p><button type="button" onClick=${readAll}>${t('Mark all as read')}</button></p>`}
      <ul class="notifications">
        ${items.map((n) => html`<li class=${n.readTime ? 'read' : 'unread'}>
          <h2>${!n.readTime && html`<span class="visually-hidden">${t('Unread:')} </span>`}${n.title}</h2>
          <p class="muted"><time datetime=${n.createTime}>${dateTime(n.createTime)}</time></p>
          <p>${n.body}</p>
          <p>${n.link?.startsWith('/#/') ? html`<a href=${n.link}>${t('Open')}<span class="visually-hidden"> ${n.title}</span></a>`
              : n.eventId && html`<a href=${`#/events/${n.eventId}`}>${t('Event page')}</a>`}
            ${!n.readTime && html` <button type="button" class="link" onClick=${() => read(n.id)}>${t('Mark as read')}</button>`}</p>
        </li>`)}
      </ul>`}`;
}
