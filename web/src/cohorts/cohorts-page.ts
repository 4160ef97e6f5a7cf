// /cohorts: an instructor's cohorts with a form to make one; a learner's own cohorts.
import type { Me } from '../api/types';
import { cohortsApi } from '../api/cohorts-client';
import { h, replace } from '../dom';
import { field, onSubmit, valueOf } from '../account/forms';
import { renderApiError } from '../submit/error-box';

export async function cohortsPage(main: HTMLElement, me: Me | null): Promise<() => void> {
  document.title = 'Cohorts · asynclab';
  const staff = me !== null && !me.isGuest && (me.role === 'instructor' || me.role === 'admin');
  let cohorts;
  try {
    cohorts = await cohortsApi.list();
  } catch (error) {
    replace(main, h('h1', null, 'Cohorts'), renderApiError(error, 'The cohorts could not be loaded.'));
    return () => undefined;
  }
  const form = h(
    'form',
    { class: 'account-form', 'data-testid': 'create-cohort-form' },
    field('Name', 'name', 'text', { required: true, maxlength: 120 }),
    h('p', null, h('button', { type: 'submit', class: 'primary' }, 'Create the cohort')),
  );
  onSubmit(form, 'The cohort could not be created.', async () => {
    const cohort = await cohortsApi.create(valueOf(form, 'name'));
    window.history.pushState({}, '', `/cohorts/${cohort.id}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
  });
  replace(
    main,
    h('h1', null, staff ? 'Your organisation’s cohorts' : 'Your cohorts'),
    cohorts.length
      ? h(
          'ul',
          { class: 'cohort-list', 'data-testid': 'cohort-list' },
          cohorts.map((c) =>
            h(
              'li',
              null,
              h('a', { href: `/cohorts/${c.id}` }, c.name),
              ` · ${c.memberCount} learners · ${c.assignments.length} assignments`,
            ),
          ),
        )
      : h('p', { class: 'empty-note' }, staff ? 'No cohort yet.' : 'You are not in a cohort. Your instructor can send you a link.'),
    staff ? h('h2', null, 'New cohort') : null,
    staff ? form : null,
  );
  return () => undefined;
}
