// Every invoice, receipt and credit note of the person signed in.
import { html } from '../html.js';
import { get } from '../api.js';
import { t } from '../i18n.js';
import { Title, useLoad, Loading, ErrorNotice } from '../ui.js';
import { Documents } from './registrations.js';

export function DocumentsPage() {
  const { loading, data, error } = useLoad(async () => {
    const [invoices, receipts, creditNotes] = await Promise.all([
      get('/invoices', { pageSize: 100 }), get('/receipts', { pageSize: 100 }), get('/credit-notes', { pageSize: 100 }),
    ]);
    return { invoices: invoices.invoices || [], receipts: receipts.receipts || [], creditNotes: creditNotes.creditNotes || [] };
  }, []);
  return html`
    <${Title} text=${t('Invoices')} />
    <${ErrorNotice} error=${error} />
    ${loading ? html`<${Loading} />` : data && html`<${Documents} documents=${data} />`}`;
}
