// An admin's page: unread notifications, a link to the webhooks' delivery log, the organisation's
// API keys (a new key is shown once, here, and never again; revoke one and it answers 401) and its
// users, with invitations.
import { api } from '../api/client';
import type { ApiKeyView, Me, UserView } from '../api/types';
import { dataTable } from '../data-table';
import { formatTime, h, replace } from '../dom';
import { renderApiError } from '../submit/error-box';
import { field, onSubmit, valueOf } from './forms';
import { notificationsBanner } from './notifications-banner';

const SCOPES = ['read', 'submit', 'manage'];

export async function adminPage(main: HTMLElement, me: Me | null): Promise<() => void> {
  document.title = 'Administration · asynclab';
  if (me?.role !== 'admin' || me.isGuest) {
    replace(
      main,
      h('h1', null, 'Administration'),
      h('p', null, 'This page is for the admins of an organisation. ', h('a', { href: '/sign-in' }, 'Sign in')),
    );
    return () => undefined;
  }
  const keys = h('div', { 'data-testid': 'keys' });
  const created = h('div', { 'aria-live': 'polite' });
  const users = h('div', { 'data-testid': 'users' });
  const keyForm = h(
    'form',
    { class: 'account-form', 'data-testid': 'key-form' },
    field('Key name', 'name', 'text', { required: true, placeholder: 'e.g. Moodle production' }),
    h(
      'fieldset',
      null,
      h('legend', null, 'Scopes'),
      SCOPES.map((scope) =>
        h(
          'label',
          { class: 'scope' },
          h('input', { type: 'checkbox', name: 'scopes', value: scope, checked: scope !== 'manage' }),
          ` ${scope}`,
        ),
      ),
    ),
    h('p', null, h('button', { type: 'submit', class: 'primary' }, 'Create key')),
  );
  onSubmit(keyForm, 'Creating the key failed.', async () => {
    const scopes = [...keyForm.querySelectorAll<HTMLInputElement>('input[name="scopes"]:checked')].map((box) => box.value);
    const key = await api.createKey(valueOf(keyForm, 'name'), scopes);
    keyForm.reset();
    replace(
      created,
      h(
        'div',
        { class: 'new-key', role: 'status', 'data-testid': 'new-key' },
        h('p', null, h('strong', null, `Key “${key.name}” created. Copy it now: it is shown only this once.`)),
        h('pre', null, h('code', null, key.key)),
      ),
    );
    await showKeys();
  });
  const inviteForm = h(
    'form',
    { class: 'account-form', 'data-testid': 'invite-form' },
    field('Email', 'email', 'email', { required: true }),
    h(
      'p',
      { class: 'form-field' },
      h('label', { for: 'field-role' }, 'Role'),
      h(
        'select',
        { id: 'field-role', name: 'role' },
        ['learner', 'instructor', 'admin'].map((role) => h('option', { value: role }, role)),
      ),
    ),
    h('p', null, h('button', { type: 'submit', class: 'primary' }, 'Invite')),
  );
  onSubmit(inviteForm, 'The invitation failed.', async () => {
    const role = (inviteForm.elements.namedItem('role') as HTMLSelectElement).value;
    const invitation = await api.invite(valueOf(inviteForm, 'email'), role);
    inviteForm.reset();
    inviteForm.append(
      h(
        'p',
        { class: 'note', role: 'status' },
        'Send this sign-up link: ',
        h('code', null, `${window.location.origin}${invitation.signUpUrl}`),
      ),
    );
  });

  async function showKeys(): Promise<void> {
    try {
      replace(keys, keyTable(await api.keys(), showKeys));
    } catch (error) {
      replace(keys, renderApiError(error, 'The keys could not be loaded.'));
    }
  }
  async function showUsers(): Promise<void> {
    try {
      replace(users, userTable(await api.users()));
    } catch (error) {
      replace(users, renderApiError(error, 'The users could not be loaded.'));
    }
  }
  const notifications = notificationsBanner();
  replace(
    main,
    h('h1', null, `Administration of ${me.organization}`),
    notifications.element,
    h('h2', null, 'Webhooks'),
    h('p', null, h('a', { href: '/admin/webhooks' }, 'Webhook endpoints and their delivery log')),
    h('h2', null, 'API keys'),
    h(
      'p',
      { class: 'note' },
      'An LMS sends its key as "Authorization: Bearer <key>". See the API at ',
      h('a', { href: '/api/docs' }, '/api/docs'),
      '.',
    ),
    created,
    keyForm,
    keys,
    h('h2', null, 'Users'),
    inviteForm,
    users,
  );
  await Promise.all([notifications.load(), showKeys(), showUsers()]);
  return () => undefined;
}

function keyTable(rows: ApiKeyView[], refresh: () => Promise<void>): HTMLElement {
  const revokeButton = (row: ApiKeyView) => {
    const revoke = h('button', { type: 'button', class: 'secondary', 'data-testid': 'revoke-key' }, 'Revoke');
    revoke.addEventListener('click', () => void api.revokeKey(row.id).then(refresh));
    return revoke;
  };
  return dataTable({
    caption: { text: 'API keys', hidden: true },
    attrs: { class: 'data-table' },
    rows,
    rowAttrs: (row) => ({ 'data-key': row.prefix, 'data-state': row.revokedAt ? 'revoked' : 'active' }),
    empty: { note: 'No keys yet.' },
    columns: [
      { header: 'Name', cell: (row) => row.name },
      { header: 'Key', cell: (row) => h('code', null, `alk_${row.prefix}_…`) },
      { header: 'Scopes', cell: (row) => row.scopes.join(', ') },
      { header: 'Created', cell: (row) => formatTime(row.createdAt) },
      { header: 'Last used', cell: (row) => formatTime(row.lastUsedAt) },
      { header: '', hiddenHeader: 'Revoke', cell: (row) => (row.revokedAt ? `Revoked ${formatTime(row.revokedAt)}` : revokeButton(row)) },
    ],
  });
}

function userTable(rows: UserView[]): HTMLElement {
  return dataTable({
    caption: { text: 'Users', hidden: true },
    attrs: { class: 'data-table' },
    rows,
    columns: [
      { header: 'Email', cell: (row) => row.email ?? '–' },
      { header: 'Name', cell: (row) => row.displayName ?? '–' },
      { header: 'External id', cell: (row) => row.externalId ?? '–' },
      { header: 'Role', cell: (row) => row.role },
      { header: 'Joined', cell: (row) => formatTime(row.createdAt) },
    ],
  });
}
