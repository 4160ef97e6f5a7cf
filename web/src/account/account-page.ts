// The signed-in user's account: who they are, a new password, and their sessions (end one, or
// all of them).
import { api } from '../api/client';
import type { Me, SessionView } from '../api/types';
import { dataTable } from '../data-table';
import { formatTime, h, replace } from '../dom';
import { renderApiError } from '../submit/error-box';
import { field, onSubmit, valueOf } from './forms';

export async function accountPage(main: HTMLElement, me: Me | null): Promise<() => void> {
  document.title = 'Your account · asynclab';
  if (!me || me.isGuest) {
    replace(
      main,
      h('h1', null, 'Your account'),
      h(
        'p',
        null,
        'You are practising as a guest. ',
        h('a', { href: '/sign-in' }, 'Sign in'),
        ' or ',
        h('a', { href: '/sign-up' }, 'create an account'),
        ' to keep your work.',
      ),
    );
    return () => undefined;
  }
  const sessions = h('div', { 'data-testid': 'sessions' });
  const password = h(
    'form',
    { class: 'account-form', 'data-testid': 'password-form' },
    field('Current password', 'currentPassword', 'password', { autocomplete: 'current-password', required: true }),
    field('New password (at least 10 characters)', 'newPassword', 'password', {
      autocomplete: 'new-password',
      minlength: 10,
      required: true,
    }),
    h('p', null, h('button', { type: 'submit', class: 'primary' }, 'Change password')),
  );
  onSubmit(password, 'Changing the password failed.', async () => {
    const result = await api.changePassword(valueOf(password, 'currentPassword'), valueOf(password, 'newPassword'));
    password.reset();
    password.append(
      h('p', { class: 'note', role: 'status' }, `Password changed; ${result.otherSessionsEnded} other session(s) signed out.`),
    );
    await showSessions();
  });
  const everywhere = h('button', { type: 'button', class: 'secondary', 'data-testid': 'sign-out-everywhere' }, 'Sign out everywhere');
  everywhere.addEventListener(
    'click',
    () =>
      void api.signOutEverywhere().then(() => {
        window.location.assign('/sign-in');
      }),
  );

  async function showSessions(): Promise<void> {
    try {
      replace(sessions, sessionTable(await api.sessions(), showSessions));
    } catch (error) {
      replace(sessions, renderApiError(error, 'Your sessions could not be loaded.'));
    }
  }
  replace(
    main,
    h('h1', null, 'Your account'),
    h('p', { 'data-testid': 'who' }, `${me.email} · ${me.role} in ${me.organization}`),
    h('h2', null, 'Password'),
    password,
    h('h2', null, 'Sessions'),
    sessions,
    h('p', null, everywhere),
  );
  await showSessions();
  return () => undefined;
}

function sessionTable(rows: SessionView[], refresh: () => Promise<void>): HTMLElement {
  const endButton = (row: SessionView) => {
    const end = h('button', { type: 'button', class: 'secondary' }, 'End');
    end.addEventListener('click', () => void api.endSession(row.id).then(refresh));
    return end;
  };
  return dataTable({
    caption: { text: 'Your sessions', hidden: true },
    attrs: { class: 'data-table' },
    rows,
    columns: [
      { header: 'Browser', cell: (row) => [row.userAgent ?? 'unknown', row.current ? ' (this one)' : ''] },
      { header: 'Signed in', cell: (row) => formatTime(row.createdAt) },
      { header: 'Last seen', cell: (row) => formatTime(row.lastSeenAt) },
      { header: '', hiddenHeader: 'End the session', cell: (row) => (row.current ? '' : endButton(row)) },
    ],
  });
}
