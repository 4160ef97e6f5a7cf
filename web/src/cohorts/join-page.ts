// /join/<code>: the invitation link. A signed-in learner joins at once and is sent to their
// assignments; a guest is asked to sign in first and comes back here afterwards.
import type { Me } from '../api/types';
import { cohortsApi } from '../api/cohorts-client';
import { h, replace } from '../dom';
import { renderApiError } from '../submit/error-box';

export async function joinPage(main: HTMLElement, code: string, me: Me | null): Promise<() => void> {
  document.title = 'Join a cohort · asynclab';
  if (!me || me.isGuest) {
    const back = encodeURIComponent(`/join/${code}`);
    replace(
      main,
      h('h1', null, 'Join a cohort'),
      h('p', null, 'Sign in with your account to join this cohort and see its assignments.'),
      h('p', null, h('a', { href: `/sign-in?next=${back}`, 'data-testid': 'join-sign-in' }, 'Sign in to join')),
    );
    return () => undefined;
  }
  try {
    const cohort = await cohortsApi.join(code);
    replace(
      main,
      h('h1', null, `You joined ${cohort.name}`),
      h(
        'p',
        { 'data-testid': 'joined' },
        `${cohort.assignments.length} assignment${cohort.assignments.length === 1 ? '' : 's'} are waiting for you on the labs page. `,
        h('a', { href: '/' }, 'See your assignments'),
      ),
    );
  } catch (error) {
    replace(main, h('h1', null, 'Join a cohort'), renderApiError(error, 'This invitation could not be used.'));
  }
  return () => undefined;
}
