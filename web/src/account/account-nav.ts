// The header's account links: sign in / create account for guests; account, admin and sign out
// for an account.
import { api } from '../api/client';
import type { Me } from '../api/types';
import { h } from '../dom';

export function renderAccountNav(me: Me | null): void {
  const list = document.querySelector('.site-header nav ul');
  if (!list) return;
  for (const item of list.querySelectorAll('.account-link')) item.remove();
  const item = (child: Node) => h('li', { class: 'account-link' }, child);
  if (!me || me.isGuest) {
    list.append(item(h('a', { href: '/sign-in' }, 'Sign in')), item(h('a', { href: '/sign-up' }, 'Create account')));
    return;
  }
  const signOut = h('button', { type: 'button', class: 'link-button header-button', 'data-testid': 'sign-out' }, 'Sign out');
  signOut.addEventListener(
    'click',
    () =>
      void api.signOut().finally(() => {
        window.location.assign('/');
      }),
  );
  list.append(item(h('a', { href: '/account', 'data-testid': 'account-link' }, me.email ?? 'Account')));
  list.append(item(h('a', { href: '/cohorts', 'data-testid': 'cohorts-link' }, 'Cohorts')));
  if (me.role === 'admin') list.append(item(h('a', { href: '/admin' }, 'Admin')));
  list.append(item(signOut));
}
