// Wall-clock times of an event's own time zone <-> instants: organizers type the time as it reads on site.

/** Minutes the zone is ahead of UTC at the instant. */
function offset(instant, timeZone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(instant).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return (asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000;
}

/** '2027-03-14T09:30' read in the zone, as an RFC 3339 instant; '' stays ''. */
export function toInstant(local, timeZone) {
  if (!local) return '';
  const [d, tm] = local.split('T');
  const [y, mo, da] = d.split('-').map(Number);
  const [h, mi] = tm.split(':').map(Number);
  const guess = Date.UTC(y, mo - 1, da, h, mi);
  let instant = new Date(guess - offset(new Date(guess), timeZone) * 60000);
  // Once more at the found instant: the offset may differ across a DST change.
  instant = new Date(guess - offset(instant, timeZone) * 60000);
  return instant.toISOString();
}

/** An instant as the zone's wall clock, for a datetime-local input. */
export function toLocal(iso, timeZone) {
  if (!iso) return '';
  const instant = new Date(iso);
  const shifted = new Date(instant.getTime() + offset(instant, timeZone) * 60000);
  return shifted.toISOString().slice(0, 16);
}

export const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export const zones = () => (Intl.supportedValuesOf ? Intl.supportedValuesOf('timeZone') : [browserZone()]);
