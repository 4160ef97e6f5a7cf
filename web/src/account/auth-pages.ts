// Sign-in and sign-up. A guest who signs up keeps the attempts made as a guest. After either, the
// page reloads so every part of it sees the new session.
import { api } from '../api/client';
import { h, replace } from '../dom';
import { field, onSubmit, valueOf } from './forms';

export function signInPage(main: HTMLElement): () => void {
  document.title = 'Sign in · asynclab';
  const query = new URLSearchParams(window.location.search);
  const form = h(
    'form',
    { class: 'account-form', 'data-testid': 'sign-in-form' },
    field('Organisation', 'organization', 'text', {
      value: query.get('organization') ?? 'public',
      autocomplete: 'organization',
      required: true,
    }),
    field('Email', 'email', 'email', { autocomplete: 'username', required: true }),
    field('Password', 'password', 'password', { autocomplete: 'current-password', required: true }),
    h('p', null, h('button', { type: 'submit', class: 'primary' }, 'Sign in')),
  );
  onSubmit(form, 'Signing in failed.', async () => {
    await api.signIn(
      valueOf(form, 'organization'),
      valueOf(form, 'email'),
      (form.elements.namedItem('password') as HTMLInputElement).value,
    );
    window.location.assign(sameSitePath(query.get('next')));
  });
  replace(main, h('h1', null, 'Sign in'), form, h('p', null, 'No account yet? ', h('a', { href: '/sign-up' }, 'Create one')));
  return () => undefined;
}

export function signUpPage(main: HTMLElement): () => void {
  document.title = 'Create an account · asynclab';
  const query = new URLSearchParams(window.location.search);
  const invitation = query.get('invitation') ?? '';
  const form = h(
    'form',
    { class: 'account-form', 'data-testid': 'sign-up-form' },
    field('Organisation', 'organization', 'text', { value: query.get('organization') ?? 'public', required: true }),
    field('Email', 'email', 'email', { value: query.get('email') ?? '', autocomplete: 'username', required: true }),
    field('Name (optional)', 'displayName', 'text', { autocomplete: 'name' }),
    field('Password (at least 10 characters)', 'password', 'password', { autocomplete: 'new-password', minlength: 10, required: true }),
    invitation ? h('p', { class: 'note' }, 'You are joining by invitation.') : null,
    h('p', null, h('button', { type: 'submit', class: 'primary' }, 'Create account')),
  );
  onSubmit(form, 'Creating the account failed.', async () => {
    await api.signUp({
      organization: valueOf(form, 'organization'),
      email: valueOf(form, 'email'),
      password: (form.elements.namedItem('password') as HTMLInputElement).value,
      displayName: valueOf(form, 'displayName') || undefined,
      invitation: invitation || undefined,
    });
    window.location.assign('/account');
  });
  replace(
    main,
    h('h1', null, 'Create an account'),
    h('p', { class: 'lead' }, 'Your attempts so far as a guest stay with your new account.'),
    form,
  );
  return () => undefined;
}

/** Where to go after signing in: a path of this site only (never //elsewhere), else the catalog. */
function sameSitePath(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
