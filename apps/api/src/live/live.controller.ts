// GET /api/v1/submissions/:id/events: the live status of one submission as Server-Sent Events.
import { Controller, MessageEvent, Param, Req, Sse, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Observable, concat, map, of } from 'rxjs';
import { isFinal } from '@asynclab/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { finalEvent, statusEvent } from './live-events';
import { LiveStatusService } from './live-status.service';
import { RequestWithSubmission, SubmissionVisibleGuard, visibleSubmission } from './submission-visible.guard';

@ApiTags('submissions')
@Controller('submissions')
export class LiveController {
  constructor(private readonly live: LiveStatusService) {}

  /** An unknown (or someone else's) id is answered 404 by the guard before any stream opens. */
  @Sse(':id/events')
  @Access({ roles: 'any', guests: true, keyScope: 'read' })
  @UseGuards(SubmissionVisibleGuard)
  @ApiOperation({ summary: 'The live status of a submission as Server-Sent Events, ending with the whole submission' })
  @ApiProduces('text/event-stream')
  events(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Req() request: RequestWithSubmission,
  ): Observable<MessageEvent> {
    const view = visibleSubmission(request);
    // Already decided: no need to listen to anything.
    if (isFinal(view.status)) {
      return concat(of(statusEvent(id, view.status, null)), of(view).pipe(map(finalEvent)));
    }
    return this.live.follow(id, principal);
  }
}
