// An event's figures as the analytics service keeps them: fill rate, registrations per day, revenue; CSV export.
import { html } from '../html.js';
import { get } from '../api.js';
import { t, money, percent, number, dateTime, date } from '../i18n.js';
import { useLoad, Loading, ErrorNotice, BarChart } from '../ui.js';

export function StatisticsTab({ event }) {
  const { loading, data: s, error } = useLoad(() => get(`/analytics/events/${event.id}`), [event.id]);
  if (loading && !s) return html`<${Loading} />`;
  if (error) return html`<${ErrorNotice} error=${error} />`;
  const days = everyDay(s.daily || []);
  const currency = s.grossRevenue?.currency;
  return html`
    <p class="actions"><a href=${`/analytics/events/${event.id}/export.csv`} download>${t('Export CSV')}</a>
      ${s.updateTime && html` <span class="muted">${t('Up to {time}', { time: dateTime(s.updateTime) })}</span>`}</p>
    <div class="meter-block">
      <p id="fill-label">${t('Fill rate')}: <strong data-testid="fill-rate">${percent(s.fillRateBasisPoints)}</strong> (${number(s.confirmedCount)} / ${number(s.capacity)})</p>
      <meter aria-labelledby="fill-label" min="0" max="10000" value=${s.fillRateBasisPoints || 0}></meter>
    </div>
    <dl class="facts" data-testid="statistics">
      <div><dt>${t('Confirmed')}</dt><dd data-testid="confirmed-count">${number(s.confirmedCount)}</dd></div>
      <div><dt>${t('Awaiting payment')}</dt><dd>${number(s.pendingCount)}</dd></div>
      <div><dt>${t('Waiting list')}</dt><dd>${number(s.waitlistedCount)}</dd></div>
      <div><dt>${t('Awaiting approval')}</dt><dd>${number(s.awaitingApprovalCount)}</dd></div>
      <div><dt>${t('Cancelled')}</dt><dd>${number(s.cancelledCount)}</dd></div>
      <div><dt>${t('Conversion')}</dt><dd>${percent(s.conversionBasisPoints)}</dd></div>
      <div><dt>${t('Revenue')}</dt><dd data-testid="gross-revenue">${money(s.grossRevenue)}</dd></div>
      <div><dt>${t('Refunded')}</dt><dd>${money(s.refundedAmount)}</dd></div>
      <div><dt>${t('Net revenue')}</dt><dd>${money(s.netRevenue)}</dd></div>
      <div><dt>${t('Invoiced')}</dt><dd>${money(s.invoicedAmount)}</dd></div>
    </dl>
    ${days.length > 0 && html`
      <div class="columns">
        <${BarChart} title=${t('Registrations per day')} data=${days.map((d) => ({ ...d, value: d.stats?.registrationsRequested || 0 }))} format=${number} />
        ${currency && html`<${BarChart} title=${t('Revenue per day')}
          data=${days.map((d) => ({ ...d, value: Number(d.stats?.grossRevenue?.amountMinor || 0) }))}
          format=${(v) => money({ amountMinor: v, currency })} />`}
      </div>`}`;
}

/** The days from the first with activity to the last (or today), at most the last 31, quiet days included. */
function everyDay(daily) {
  if (daily.length === 0) return [];
  const key = (d) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  const byDay = Object.fromEntries(daily.map((d) => [key(d.date), d]));
  const first = new Date(`${key(daily[0].date)}T00:00:00Z`);
  const lastActive = new Date(`${key(daily.at(-1).date)}T00:00:00Z`);
  const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  const last = lastActive > today ? lastActive : today;
  const start = new Date(Math.max(first.getTime(), last.getTime() - 30 * 86400000));
  const days = [];
  for (let d = start; d <= last; d = new Date(d.getTime() + 86400000)) {
    const label = d.toISOString().slice(0, 10);
    days.push({ label: date(label, 'UTC'), short: String(d.getUTCDate()), stats: byDay[label] });
  }
  return days;
}
