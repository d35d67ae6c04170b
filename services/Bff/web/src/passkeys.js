// The browser's WebAuthn ceremonies with the options the identity service sends (JSON), answering JSON back.
import { t } from './i18n.js';

/** 'create' adds a passkey, 'get' signs in with one; a refusal or a cancelled prompt is an error to show. */
export async function askAuthenticator(kind, options) {
  try {
    const credential = kind === 'create'
      ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
      : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
    return credential.toJSON();
  } catch {
    throw Object.assign(new Error(kind === 'create' ? t('No passkey was made.') : t('No passkey was used.')), { fields: {} });
  }
}
