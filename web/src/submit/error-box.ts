// An API error as the learner sees it: the API's own message, with its code and request id for
// anyone who has to look it up in the logs.
import { ApiError } from '../api/client';
import { h } from '../dom';

export function renderApiError(error: unknown, doing: string): HTMLElement {
  const apiError = error instanceof ApiError ? error : null;
  const message = apiError?.message ?? (error instanceof Error ? error.message : String(error));
  return h(
    'div',
    { class: 'error-box', role: 'alert', 'data-testid': 'api-error', 'data-code': apiError?.code ?? 'UNKNOWN' },
    h('p', { class: 'error-title' }, doing),
    h('p', { class: 'error-message' }, message),
    apiError && apiError.status > 0
      ? h(
          'p',
          { class: 'error-meta' },
          `HTTP ${apiError.status} · ${apiError.code}${apiError.requestId ? ` · request ${apiError.requestId}` : ''}`,
        )
      : null,
  );
}
