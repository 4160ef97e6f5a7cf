// One endpoint's deliveries as the admin reads them: each with its status, its webhook-id, every
// attempt (status, response code, duration, the capped body, the error) and a redeliver button.
// Everything a receiver answered is shown as text, never as markup.
import type { WebhookDeliveryView } from '../api/types';
import { dataTable } from '../data-table';
import { formatTime, h } from '../dom';

const STATUS_LABEL: Record<string, string> = { pending: 'Pending', succeeded: 'Delivered', failed: 'Failed' };

export function deliveryList(rows: WebhookDeliveryView[], redeliver: ((id: string) => void) | null): HTMLElement {
  if (rows.length === 0) return h('p', { class: 'empty-note' }, 'No deliveries match.');
  return h(
    'div',
    { class: 'delivery-list' },
    rows.map((row) => deliveryItem(row, redeliver)),
  );
}

function deliveryItem(row: WebhookDeliveryView, redeliver: ((id: string) => void) | null): HTMLElement {
  const button =
    redeliver && row.status !== 'pending'
      ? h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            'data-testid': 'redeliver',
            onclick: () => {
              redeliver(row.id);
            },
          },
          'Redeliver',
        )
      : null;
  const waiting = row.status === 'pending' && row.queuedAt === null ? ' · not queued yet (Redis away): the sweeper will queue it' : '';
  return h(
    'section',
    { class: `delivery delivery-${row.status}`, 'data-delivery': row.id, 'data-status': row.status, 'aria-label': `Delivery ${row.id}` },
    h(
      'p',
      { class: 'delivery-head' },
      h('strong', { class: 'delivery-status' }, STATUS_LABEL[row.status] ?? row.status),
      ` ${row.event} · `,
      h('code', null, row.id),
      ` · ${formatTime(row.createdAt)}`,
      row.redelivery > 0 ? ` · redelivered ${String(row.redelivery)}×` : '',
      waiting,
      ' ',
      button,
    ),
    attemptTable(row),
  );
}

function attemptTable(row: WebhookDeliveryView): HTMLElement {
  return dataTable({
    caption: `${String(row.attempts.length)} attempt(s)`,
    attrs: { class: 'data-table attempts' },
    rows: row.attempts,
    rowAttrs: (attempt) => ({ 'data-attempt-status': attempt.status }),
    empty: { note: 'No attempt yet.' },
    columns: [
      { header: 'When', cell: (attempt) => formatTime(attempt.createdAt) },
      { header: 'Result', cell: (attempt) => (attempt.status === 'succeeded' ? 'succeeded' : 'failed') },
      { header: 'Response', cell: (attempt) => (attempt.responseCode === null ? '–' : String(attempt.responseCode)) },
      { header: 'Duration', cell: (attempt) => `${String(attempt.durationMs)} ms` },
      {
        header: 'Body (first 4 KiB)',
        cell: (attempt) => (attempt.responseBody ? h('pre', { class: 'attempt-body' }, attempt.responseBody) : '–'),
      },
      { header: 'Error', cell: (attempt) => attempt.error ?? '–' },
    ],
  });
}
