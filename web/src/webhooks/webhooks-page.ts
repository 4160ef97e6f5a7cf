// The admin's webhook pages: /admin/webhooks lists the endpoints with their state (enabled, or
// disabled and why); /admin/webhooks/:id is one endpoint's delivery log, filtered by status and
// event, a page at a time, with a redeliver button per delivery and one for every failed one.
// While a delivery shown is pending the log reloads itself, so a redelivery's outcome appears.
import { webhooksApi, type DeliveryFilter } from '../api/webhooks-client';
import type { Me, WebhookDeliveryView, WebhookEndpointView } from '../api/types';
import { dataTable } from '../data-table';
import { formatTime, h, replace } from '../dom';
import { renderApiError } from '../submit/error-box';
import { deliveryList } from './delivery-log';

const EVENTS = ['submission.completed', 'lab.passed', 'assignment.graded', 'cohort.member_joined', 'webhook.endpoint_disabled'];
const POLL_MS = 1_500;

function adminsOnly(main: HTMLElement, me: Me | null): boolean {
  if (me?.role === 'admin' && !me.isGuest) return true;
  replace(
    main,
    h('h1', null, 'Webhooks'),
    h('p', null, 'This page is for the admins of an organisation. ', h('a', { href: '/sign-in' }, 'Sign in')),
  );
  return false;
}

const stateOf = (endpoint: WebhookEndpointView) =>
  endpoint.enabled ? 'Enabled' : `Disabled ${formatTime(endpoint.disabledAt)}: ${endpoint.disabledReason ?? 'no reason given'}`;

export async function webhooksPage(main: HTMLElement, me: Me | null): Promise<() => void> {
  document.title = 'Webhooks · asynclab';
  if (!adminsOnly(main, me)) return () => undefined;
  let content: HTMLElement;
  try {
    const endpoints = await webhooksApi.endpoints();
    content = dataTable({
      caption: { text: 'Webhook endpoints', hidden: true },
      attrs: { class: 'data-table', 'data-testid': 'endpoints' },
      rows: endpoints,
      rowAttrs: (endpoint) => ({ 'data-endpoint': endpoint.id, 'data-state': endpoint.enabled ? 'enabled' : 'disabled' }),
      empty: { note: 'No endpoints yet: register one with POST /api/v1/webhooks/endpoints.' },
      columns: [
        { header: 'Endpoint', cell: (endpoint) => h('code', null, endpoint.url) },
        { header: 'Events', cell: (endpoint) => endpoint.events.join(', ') },
        { header: 'State', cell: stateOf },
        {
          header: '',
          hiddenHeader: 'Delivery log',
          cell: (endpoint) => h('a', { href: `/admin/webhooks/${endpoint.id}` }, 'Delivery log'),
        },
      ],
    });
  } catch (error) {
    content = renderApiError(error, 'The endpoints could not be loaded.');
  }
  replace(main, h('p', null, h('a', { href: '/admin' }, '← Administration')), h('h1', null, 'Webhook endpoints'), content);
  return () => undefined;
}

export async function endpointLogPage(main: HTMLElement, endpointId: string, me: Me | null): Promise<() => void> {
  document.title = 'Delivery log · asynclab';
  if (!adminsOnly(main, me)) return () => undefined;
  const head = h('div', { 'data-testid': 'endpoint-state' });
  const notice = h('div', { 'aria-live': 'polite' });
  const log = h('div', { 'data-testid': 'deliveries' });
  const more = h('div');
  const filter: DeliveryFilter = {};
  let endpoint: WebhookEndpointView | null = null;
  let shown: WebhookDeliveryView[] = [];
  let timer: number | undefined;
  let left = false; // the admin moved on: no more polling

  const select = (name: string, label: string, options: string[]) => {
    const control = h(
      'select',
      { id: `filter-${name}`, name },
      h('option', { value: '' }, 'any'),
      options.map((o) => h('option', { value: o }, o)),
    );
    control.addEventListener('change', () => {
      filter[name as 'status' | 'event'] = control.value || undefined;
      void reload();
    });
    return h('p', { class: 'form-field' }, h('label', { for: `filter-${name}` }, label), control);
  };
  const bulk = h('button', { type: 'button', class: 'secondary', 'data-testid': 'redeliver-failed' }, 'Redeliver every failed delivery');
  bulk.addEventListener('click', () => {
    void act(async () => {
      const result = await webhooksApi.redeliverFailed(endpointId);
      const count = result.redelivered.length;
      replace(
        notice,
        h(
          'p',
          { class: 'note', role: 'status' },
          `${String(count)} delivery(ies) queued again${result.more ? '; more failed ones remain: press again' : ''}.`,
        ),
      );
    });
  });

  async function act(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      replace(notice, renderApiError(error, 'The redelivery failed.'));
    }
    await reload();
  }
  const redeliver = (id: string) =>
    void act(async () => {
      await webhooksApi.redeliver(endpointId, id);
      replace(notice, h('p', { class: 'note', role: 'status' }, `Delivery ${id} queued again with the same webhook-id.`));
    });

  async function showEndpoint(): Promise<void> {
    endpoint = await webhooksApi.endpoint(endpointId);
    const enable = h('button', { type: 'button', class: 'primary', 'data-testid': 'enable-endpoint' }, 'Enable again');
    enable.addEventListener(
      'click',
      () =>
        void act(async () => {
          await webhooksApi.enable(endpointId);
          await showEndpoint();
        }),
    );
    replace(
      head,
      h('p', null, h('code', null, endpoint.url), ` · ${endpoint.events.join(', ')}`),
      h(
        'p',
        { class: endpoint.enabled ? 'note' : 'error-box', 'data-state': endpoint.enabled ? 'enabled' : 'disabled' },
        stateOf(endpoint),
        ' ',
        endpoint.enabled ? null : enable,
      ),
    );
    bulk.disabled = !endpoint.enabled;
  }

  async function reload(): Promise<void> {
    window.clearTimeout(timer);
    try {
      const page = await webhooksApi.deliveries(endpointId, filter);
      shown = page.deliveries;
      render(page.nextCursor);
    } catch (error) {
      replace(log, renderApiError(error, 'The delivery log could not be loaded.'));
    }
  }

  function render(nextCursor: string | null): void {
    replace(log, deliveryList(shown, endpoint?.enabled ? redeliver : null));
    const older = h('button', { type: 'button', class: 'secondary' }, 'Older deliveries');
    older.addEventListener('click', () => void loadOlder(nextCursor ?? ''));
    replace(more, nextCursor ? older : null);
    if (!left && shown.some((row) => row.status === 'pending')) timer = window.setTimeout(() => void reload(), POLL_MS);
  }

  async function loadOlder(cursor: string): Promise<void> {
    try {
      const page = await webhooksApi.deliveries(endpointId, { ...filter, cursor });
      shown = [...shown, ...page.deliveries];
      render(page.nextCursor);
    } catch (error) {
      replace(notice, renderApiError(error, 'Older deliveries could not be loaded.'));
    }
  }

  replace(
    main,
    h('p', null, h('a', { href: '/admin/webhooks' }, '← Webhook endpoints')),
    h('h1', null, 'Delivery log'),
    head,
    h(
      'div',
      { class: 'matrix-controls' },
      select('status', 'Status', ['pending', 'succeeded', 'failed']),
      select('event', 'Event', EVENTS),
      h('p', null, bulk),
    ),
    notice,
    log,
    more,
  );
  try {
    await showEndpoint();
  } catch (error) {
    replace(main, h('h1', null, 'Delivery log'), renderApiError(error, 'The endpoint could not be loaded.'));
    return () => undefined;
  }
  await reload();
  return () => {
    left = true;
    window.clearTimeout(timer);
  };
}
