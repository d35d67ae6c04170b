import { html } from '../html.js';
import { t } from '../i18n.js';
import { Title } from '../ui.js';

export function NotFoundPage() {
  return html`<${Title} text=${t('Page not found')} /><p><a href="#/">${t('Browse events')}</a></p>`;
}
