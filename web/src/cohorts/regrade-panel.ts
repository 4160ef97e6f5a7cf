// Per assignment: when a lab's current version graded none of the latest submissions, offer to
// regrade them (saying whether the hidden tests changed), then follow the background job's
// progress until the workers are done, and reload the dashboard.
import { cohortsApi } from '../api/cohorts-client';
import type { CohortView, RegradeView } from '../api/types';
import { h, replace } from '../dom';
import { renderApiError } from '../submit/error-box';

const POLL_MS = 1000;

export function regradePanel(cohort: CohortView, reload: () => void): { element: HTMLElement; stop: () => void } {
  const list = h('ul', { class: 'inline-list regrades', 'data-testid': 'regrades' });
  let timer: number | undefined;
  const stop = () => {
    window.clearTimeout(timer);
  };
  const follow = (item: HTMLElement, job: RegradeView) => {
    const done = job.completed + job.failed;
    replace(
      item,
      h('progress', { max: job.total, value: done, 'aria-label': 'Regrade progress' }),
      ` ${done} of ${job.total} regraded${job.failed ? `, ${job.failed} could not run` : ''}`,
    );
    if (job.finished) {
      reload();
      return;
    }
    timer = window.setTimeout(() => {
      cohortsApi.regradeProgress(cohort.id, job.id).then(
        (next) => {
          follow(item, next);
        },
        (error: unknown) => {
          replace(item, renderApiError(error, 'The regrade progress could not be loaded.'));
        },
      );
    }, POLL_MS);
  };
  for (const assignment of cohort.assignments) {
    const item = h('li', { 'data-lab': assignment.labId });
    list.append(item);
    void cohortsApi.regradePreview(cohort.id, assignment.id).then(
      (preview) => {
        if (preview.staleSubmissions === 0) {
          replace(item);
          return;
        }
        const button = h('button', { type: 'button', class: 'secondary' }, `Regrade ${preview.staleSubmissions} latest submissions`);
        button.addEventListener('click', () => {
          button.disabled = true;
          cohortsApi.regrade(cohort.id, assignment.id).then(
            (job) => {
              follow(item, job);
            },
            (error: unknown) => {
              replace(item, renderApiError(error, 'The regrade could not start.'));
            },
          );
        });
        replace(
          item,
          h('strong', null, assignment.labTitle),
          preview.gradingChanged
            ? ': a new version of this lab changed its hidden tests. '
            : ': a new version of this lab graded none of the latest submissions. ',
          button,
        );
      },
      () => {
        replace(item);
      },
    );
  }
  return { element: h('section', { class: 'regrade-panel', 'aria-label': 'Regrade after a lab change' }, list), stop };
}
