// An event's program: rooms, speakers and sessions. A broken rule (room taken, outside the event's dates…) is shown
// on the field it is about.
import { html } from '../html.js';
import { useState } from 'preact/hooks';
import { get, post, patch, del, all } from '../api.js';
import { t, dateTime, time } from '../i18n.js';
import { useLoad, Loading, ErrorNotice, Field, useSubmit, FormError, Empty, Scroll } from '../ui.js';
import { toInstant, toLocal } from './zoned-time.js';

// Rules that are not about one field of the request, and the field of the form they concern.
const ruleFields = {
  SessionsInSameRoomMustNotOverlap: 'room_id',
  RoomMustBelongToTheEvent: 'room_id',
  SessionCapacityMustNotExceedRoomCapacity: 'capacity',
  SessionMustBeWithinEventDates: 'start_time',
  SessionMustEndAfterItStarts: 'end_time',
  SpeakersMustNotBeInOverlappingSessions: 'speaker_ids',
  SpeakersMustBelongToTheEventOrganizer: 'speaker_ids',
  RoomCapacityMustHoldItsSessions: 'capacity',
};

/** Field errors of a failed call, with a broken rule put on its field. */
export function fieldErrors(error) {
  const fields = { ...(error?.fields || {}) };
  const field = error && ruleFields[error.reason];
  if (field) fields[field] = error.message.replace(`${error.reason}: `, '');
  return fields;
}

export function ProgramTab({ event }) {
  const [editing, setEditing] = useState(null);
  const { loading, data, error, reload } = useLoad(async () => {
    const [program, speakers] = await Promise.all([
      get(`/events/${event.id}/program`, { includeCancelled: true }),
      all('/speakers', 'speakers', { organizerId: event.organizerId }),
    ]);
    return { program, speakers };
  }, [event.id]);
  if (loading && !data) return html`<${Loading} />`;
  if (error) return html`<${ErrorNotice} error=${error} />`;
  const { program, speakers } = data;
  const rooms = program.rooms || [];
  const roomName = Object.fromEntries(rooms.map((r) => [r.id, r.name]));
  const speakerName = Object.fromEntries(speakers.map((s) => [s.id, s.name]));
  return html`
    <section aria-labelledby="sessions-title">
      <h2 id="sessions-title">${t('Sessions')}</h2>
      ${(program.sessions || []).length === 0 ? html`<${Empty}>${t('No session yet.')}<//>` : html`
        <${Scroll} label=${t('Sessions')}><table>
          <thead><tr><th scope="col">${t('Session')}</th><th scope="col">${t('When')}</th><th scope="col">${t('Room')}</th><th scope="col">${t('Speakers')}</th><th scope="col"><span class="visually-hidden">${t('Actions')}</span></th></tr></thead>
          <tbody>${program.sessions.map((s) => html`<tr class=${s.status === 'SESSION_STATUS_CANCELLED' ? 'cancelled' : ''}>
            <td>${s.title}${s.plenary ? ` (${t('plenary')})` : ''}${s.status === 'SESSION_STATUS_CANCELLED' ? ` — ${t('cancelled')}` : ''}</td>
            <td>${dateTime(s.startTime, event.timeZone)}–${time(s.endTime, event.timeZone)}</td>
            <td>${roomName[s.roomId] || ''}</td>
            <td>${(s.speakerIds || []).map((id) => speakerName[id]).filter(Boolean).join(', ')}</td>
            <td><${SessionActions} event=${event} session=${s} onDone=${reload} onEdit=${() => setEditing(s)} /></td>
          </tr>`)}</tbody>
        </table><//>`}
      ${editing
        ? html`<${SessionForm} key=${editing.id} event=${event} rooms=${rooms} speakers=${speakers} session=${editing} onDone=${reload} onClose=${() => setEditing(null)} />`
        : html`<${SessionForm} event=${event} rooms=${rooms} speakers=${speakers} onDone=${reload} />`}
    </section>
    <div class="columns">
      <section aria-labelledby="rooms-title">
        <h2 id="rooms-title">${t('Rooms')}</h2>
        <ul>${rooms.map((r) => html`<li>${r.name} · ${t('{n} seats', { n: r.capacity })}
          <button type="button" class="link" onClick=${async () => { await del(`/rooms/${r.id}`).catch((e) => alert(e.message)); reload(); }}>${t('Delete')}<span class="visually-hidden"> ${r.name}</span></button></li>`)}</ul>
        <${RoomForm} event=${event} onDone=${reload} />
      </section>
      <section aria-labelledby="speakers-title">
        <h2 id="speakers-title">${t('Speakers')}</h2>
        <ul>${speakers.map((s) => html`<li>${s.name}${s.affiliation ? `, ${s.affiliation}` : ''}</li>`)}</ul>
        <${SpeakerForm} event=${event} onDone=${reload} />
      </section>
    </div>`;
}

function SessionActions({ event, session, onDone, onEdit }) {
  if (session.status === 'SESSION_STATUS_CANCELLED') return null;
  const cancel = async () => {
    const reason = prompt(t('Why is this session cancelled? Its attendees are told.'));
    if (!reason) return;
    await post(`/sessions/${session.id}/cancel`, { reason }).catch((e) => alert(e.message));
    onDone();
  };
  const remove = async () => {
    if (!confirm(t('Delete this session?'))) return;
    await del(`/sessions/${session.id}`).catch((e) => alert(e.message));
    onDone();
  };
  const edit = html`<button type="button" class="link" onClick=${onEdit}>${t('Change')}<span class="visually-hidden"> ${session.title}</span></button>`;
  return event.status === 'EVENT_STATUS_DRAFT'
    ? html`${edit}<button type="button" class="link" onClick=${remove}>${t('Delete')}<span class="visually-hidden"> ${session.title}</span></button>`
    : html`${edit}<button type="button" class="link" onClick=${cancel}>${t('Cancel')}<span class="visually-hidden"> ${session.title}</span></button>`;
}

/** Adds a session, or changes one (its attendees are told of a new time or room by the program's change event). */
function SessionForm({ event, rooms, speakers, session, onDone, onClose }) {
  const [room, setRoom] = useState(session?.roomId || '');
  const { busy, error, submit } = useSubmit(async (e) => {
    const f = new FormData(e.target);
    const capacity = f.get('capacity');
    const body = {
      title: f.get('title'),
      abstract: f.get('abstract'),
      track: f.get('track'),
      roomId: room,
      startTime: toInstant(f.get('start_time'), event.timeZone) || undefined,
      endTime: toInstant(f.get('end_time'), event.timeZone) || undefined,
      capacity: capacity ? Number(capacity) : undefined,
      plenary: f.get('plenary') === 'on',
    };
    if (session) {
      await patch(`/sessions/${session.id}`, { ...body, speakerIds: { ids: f.getAll('speaker_ids') }, changeNote: f.get('change_note') || '' });
      onClose();
    } else {
      await post(`/events/${event.id}/sessions`, { ...body, requestId: crypto.randomUUID(), speakerIds: f.getAll('speaker_ids') });
      e.target.reset();
      setRoom('');
    }
    onDone();
  });
  const fields = fieldErrors(error);
  const chosen = new Set(session?.speakerIds || []);
  const form = html`
      <form onSubmit=${submit} novalidate>
        <${Field} name="title" label=${t('Title')} value=${session?.title} errors=${fields} required />
        <${Field} name="abstract" label=${t('Abstract')} as="textarea" rows="3" value=${session?.abstract} errors=${fields} />
        <${Field} name="track" label=${t('Track (optional)')} value=${session?.track} errors=${fields} />
        <${Field} name="start_time" label=${t('Starts ({zone})', { zone: event.timeZone })} type="datetime-local" value=${toLocal(session?.startTime, event.timeZone)} errors=${fields} required />
        <${Field} name="end_time" label=${t('Ends ({zone})', { zone: event.timeZone })} type="datetime-local" value=${toLocal(session?.endTime, event.timeZone)} errors=${fields} required />
        <${Field} name="room_id" label=${t('Room')} as="select" value=${room} onChange=${(e) => setRoom(e.target.value)} errors=${fields}>
          <option value="">${t('No room')}</option>
          ${rooms.map((r) => html`<option value=${r.id}>${r.name}</option>`)}
        <//>
        ${speakers.length > 0 && html`<fieldset class=${fields.speaker_ids ? 'invalid' : ''}>
          <legend>${t('Speakers')}</legend>
          ${speakers.map((s) => html`<div class="field check"><input type="checkbox" id=${`sp-${s.id}`} name="speaker_ids" value=${s.id} defaultChecked=${chosen.has(s.id)} /><label for=${`sp-${s.id}`}>${s.name}</label></div>`)}
          ${fields.speaker_ids && html`<p class="field-error">${fields.speaker_ids}</p>`}
        </fieldset>`}
        <${Field} name="capacity" label=${t('Seats in this session (optional)')} type="number" min="0" value=${session?.capacity || ''} errors=${fields} />
        <${Field} name="plenary" label=${t('Plenary: everyone attends, nobody chooses it')} type="checkbox" checked=${session?.plenary} errors=${fields} />
        ${session && html`<${Field} name="change_note" label=${t('Note to its attendees (optional)')} errors=${fields} />`}
        ${error && Object.keys(fields).length === 0 && html`<${FormError} error=${error} />`}
        ${error && Object.keys(fields).length > 0 && html`<div class="notice error" role="alert">${t('Some fields need your attention.')}</div>`}
        <button type="submit" disabled=${busy}>${session ? t('Save') : t('Add the session')}</button>
        ${session && html` <button type="button" class="link" onClick=${onClose}>${t('Back')}</button>`}
      </form>`;
  return session
    ? html`<section class="panel" aria-labelledby="edit-session-title"><h3 id="edit-session-title">${t('Change “{title}”', { title: session.title })}</h3>${form}</section>`
    : html`<details class="panel"><summary>${t('Add a session')}</summary>${form}</details>`;
}

function RoomForm({ event, onDone }) {
  const { busy, error, submit } = useSubmit(async (e) => {
    const f = new FormData(e.target);
    await post(`/events/${event.id}/rooms`, { requestId: crypto.randomUUID(), name: f.get('room_name'), capacity: Number(f.get('room_capacity')) || 0 });
    e.target.reset();
    onDone();
  });
  const fields = fieldErrors(error);
  return html`
    <form onSubmit=${submit} novalidate class="panel">
      <${Field} name="room_name" label=${t('Room name')} errors=${{ room_name: fields.name }} required />
      <${Field} name="room_capacity" label=${t('Seats')} type="number" min="1" errors=${{ room_capacity: fields.capacity }} required />
      <${FormError} error=${error} />
      <button type="submit" disabled=${busy}>${t('Add the room')}</button>
    </form>`;
}

function SpeakerForm({ event, onDone }) {
  const { busy, error, submit } = useSubmit(async (e) => {
    const f = new FormData(e.target);
    await post('/speakers', {
      requestId: crypto.randomUUID(), organizerId: event.organizerId,
      name: f.get('speaker_name'), affiliation: f.get('affiliation'), bio: f.get('bio'), email: f.get('speaker_email'),
    });
    e.target.reset();
    onDone();
  });
  const fields = fieldErrors(error);
  return html`
    <form onSubmit=${submit} novalidate class="panel">
      <${Field} name="speaker_name" label=${t('Speaker name')} errors=${{ speaker_name: fields.name }} required />
      <${Field} name="affiliation" label=${t('Affiliation (optional)')} errors=${fields} />
      <${Field} name="speaker_email" label=${t('Email (optional)')} type="email" errors=${{ speaker_email: fields.email }} />
      <${Field} name="bio" label=${t('Bio (optional)')} as="textarea" rows="2" errors=${fields} />
      <${FormError} error=${error} />
      <button type="submit" disabled=${busy}>${t('Add the speaker')}</button>
    </form>`;
}
