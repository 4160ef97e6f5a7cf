// Loads the submission an event stream is about, in the caller's scope, before the stream starts.
// It is a guard, not a line in the handler, because global interceptors make Nest open an SSE
// response before an async handler's error could become a 404: a guard's error comes first.
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { RequestWithPrincipal } from '../auth/principal';
import type { SubmissionView } from '@asynclab/contracts';
import { SubmissionsService } from '../submissions/submissions.service';

export type RequestWithSubmission = RequestWithPrincipal & { submission?: SubmissionView };

@Injectable()
export class SubmissionVisibleGuard implements CanActivate {
  constructor(private readonly submissions: SubmissionsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithSubmission>();
    if (!request.principal) return false; // the AuthGuard, which runs first, already refused it
    request.submission = await this.submissions.get(request.principal, String(request.params.id));
    return true;
  }
}

/** The submission the guard loaded for this request. */
export function visibleSubmission(request: RequestWithSubmission): SubmissionView {
  if (!request.submission) throw new Error('SubmissionVisibleGuard did not run for this route');
  return request.submission;
}
