// GET /api/v1/submissions/:id/events: the live status of one submission as Server-Sent Events.
import { Controller, MessageEvent, Param, Sse } from '@nestjs/common';
import { Observable, concat, map, of } from 'rxjs';
import { SubmissionsService } from '../submissions/submissions.service';
import { isFinal } from '@asynclab/contracts';
import { finalEvent, statusEvent } from './live-events';
import { LiveStatusService } from './live-status.service';

@Controller('submissions')
export class LiveController {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly live: LiveStatusService,
  ) {}

  /**
   * Async on purpose: an unknown id is answered by the exception filter as a 404 JSON body
   * before any event-stream header is written.
   */
  @Sse(':id/events')
  async events(@Param('id') id: string): Promise<Observable<MessageEvent>> {
    const view = await this.submissions.get(id);
    // Already decided: no need to listen to anything.
    if (isFinal(view.status)) {
      return concat(of(statusEvent(id, view.status, null)), of(view).pipe(map(finalEvent)));
    }
    return this.live.follow(id);
  }
}
