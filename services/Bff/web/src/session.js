// Who is signed in (GET /session), shared by every page; the CSRF token of the session goes on every change.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { get, useCsrf, del } from './api.js';

export const SessionContext = createContext({ session: { signedIn: false }, refresh: async () => {} });

export const useSession = () => useContext(SessionContext);

export async function loadSession() {
  const session = await get('/session').catch(() => ({ signedIn: false }));
  useCsrf(session);
  return session;
}

export async function signOut() {
  await del('/session');
  useCsrf(null);
}

export const isOrganizer = (session) => session.signedIn && (session.roles || []).some((r) => r === 'organizer' || r === 'admin');
