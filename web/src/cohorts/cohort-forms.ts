// The instructor's forms on a cohort page: assign a lab, add a learner by email or external id,
// give one learner a later due date. Each reloads the page's data when it succeeds.
import { api } from '../api/client';
import { cohortsApi } from '../api/cohorts-client';
import type { CohortView, LatePolicy, MatrixRow } from '../api/types';
import { h } from '../dom';
import { field, onSubmit, valueOf } from '../account/forms';
import { learnerName } from './matrix-table';

const localInput = (date: Date) => new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
const isoOf = (local: string) => new Date(local).toISOString();

export async function assignForm(cohort: CohortView, reload: () => void): Promise<HTMLElement> {
  const labs = (await api.labs()).filter((lab) => lab.kind !== 'playground' && !cohort.assignments.some((a) => a.labId === lab.id));
  const now = new Date();
  const form = h(
    'form',
    { class: 'account-form inline-form', 'data-testid': 'assign-form' },
    h('h3', null, 'Assign a lab'),
    h(
      'p',
      { class: 'form-field' },
      h('label', { for: 'field-labId' }, 'Lab'),
      h(
        'select',
        { id: 'field-labId', name: 'labId' },
        labs.map((lab) => h('option', { value: lab.id }, lab.title)),
      ),
    ),
    field('Opens', 'opensAt', 'datetime-local', { value: localInput(now), required: true }),
    field('Due', 'dueAt', 'datetime-local', { value: localInput(new Date(now.getTime() + 7 * 86_400_000)), required: true }),
    h(
      'p',
      { class: 'form-field' },
      h('label', { for: 'field-latePolicy' }, 'Late work'),
      h(
        'select',
        { id: 'field-latePolicy', name: 'latePolicy' },
        h('option', { value: 'accept' }, 'Accept it'),
        h('option', { value: 'penalty' }, 'Accept with a penalty per day'),
        h('option', { value: 'lock' }, 'Lock: late attempts do not count'),
      ),
    ),
    field('Penalty (points per day)', 'latePenaltyPerDay', 'number', { min: 0, max: 100, value: 10 }),
    h('p', null, h('button', { type: 'submit', class: 'primary' }, 'Assign')),
  );
  onSubmit(form, 'The lab could not be assigned.', async () => {
    const latePolicy = valueOf(form, 'latePolicy') as LatePolicy;
    await cohortsApi.assign(cohort.id, {
      labId: valueOf(form, 'labId'),
      opensAt: isoOf(valueOf(form, 'opensAt')),
      dueAt: isoOf(valueOf(form, 'dueAt')),
      latePolicy,
      ...(latePolicy === 'penalty' ? { latePenaltyPerDay: Number(valueOf(form, 'latePenaltyPerDay')) } : {}),
    });
    reload();
  });
  return form;
}

export function addMemberForm(cohort: CohortView, reload: () => void): HTMLElement {
  const form = h(
    'form',
    { class: 'account-form inline-form', 'data-testid': 'add-member-form' },
    h('h3', null, 'Add a learner'),
    field('Email or external id', 'who', 'text', { required: true }),
    h('p', null, h('button', { type: 'submit' }, 'Add')),
  );
  onSubmit(form, 'The learner could not be added.', async () => {
    const who = valueOf(form, 'who');
    await cohortsApi.addMember(cohort.id, who.includes('@') ? { email: who } : { externalId: who });
    reload();
  });
  return form;
}

export function extendForm(cohort: CohortView, rows: MatrixRow[], reload: () => void): HTMLElement {
  const form = h(
    'form',
    { class: 'account-form inline-form', 'data-testid': 'extend-form' },
    h('h3', null, 'Extend a due date for one learner'),
    h(
      'p',
      { class: 'form-field' },
      h('label', { for: 'field-extend-user' }, 'Learner'),
      h(
        'select',
        { id: 'field-extend-user', name: 'userId' },
        rows.map((row) => h('option', { value: row.learner.userId }, learnerName(row))),
      ),
    ),
    h(
      'p',
      { class: 'form-field' },
      h('label', { for: 'field-extend-assignment' }, 'Assignment'),
      h(
        'select',
        { id: 'field-extend-assignment', name: 'assignmentId' },
        cohort.assignments.map((a) => h('option', { value: a.id }, a.labTitle)),
      ),
    ),
    field('New due date', 'extendDueAt', 'datetime-local', { value: localInput(new Date(Date.now() + 3 * 86_400_000)), required: true }),
    h('p', null, h('button', { type: 'submit' }, 'Extend')),
  );
  onSubmit(form, 'The due date could not be extended.', async () => {
    await cohortsApi.extend(cohort.id, valueOf(form, 'assignmentId'), valueOf(form, 'userId'), isoOf(valueOf(form, 'extendDueAt')));
    reload();
  });
  return form;
}
