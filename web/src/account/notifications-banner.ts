// The admin page's banner of unread notifications (for now: webhook endpoints that were
// disabled), each with a link to the endpoint's delivery log and a button to mark it read.
import { webhooksApi } from '../api/webhooks-client';
import type { NotificationView } from '../api/types';
import { formatTime, h, replace } from '../dom';
import { renderApiError } from '../submit/error-box';

export function notificationsBanner(): { element: HTMLElement; load: () => Promise<void> } {
  const element = h('div', { 'data-testid': 'notifications' });
  async function load(): Promise<void> {
    try {
      const { notifications } = await webhooksApi.notifications();
      replace(element, notifications.length === 0 ? null : banner(notifications, load));
    } catch (error) {
      replace(element, renderApiError(error, 'The notifications could not be loaded.'));
    }
  }
  return { element, load };
}

function banner(rows: NotificationView[], reload: () => Promise<void>): HTMLElement {
  return h(
    'section',
    { class: 'notice-banner', role: 'status', 'aria-label': 'Notifications' },
    h('h2', null, rows.length === 1 ? '1 thing needs your attention' : `${String(rows.length)} things need your attention`),
    h(
      'ul',
      { class: 'inline-list' },
      rows.map((row) => {
        const markRead = h('button', { type: 'button', class: 'secondary', 'data-testid': 'mark-read' }, 'Mark read');
        markRead.addEventListener('click', () => void webhooksApi.markRead(row.id).then(reload));
        return h(
          'li',
          { 'data-notification': row.id, 'data-kind': row.kind },
          h('span', null, `${formatTime(row.createdAt)}: ${row.message} `),
          row.endpointId ? h('a', { href: `/admin/webhooks/${row.endpointId}` }, 'See its delivery log') : null,
          ' ',
          markRead,
        );
      }),
    ),
  );
}
