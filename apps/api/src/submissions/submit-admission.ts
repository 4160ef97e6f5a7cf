// Bounds the submits one API process works on at once. Past the bound a submit is refused with
// 429 and Retry-After before anything is stored: a burst of a thousand meets a clear "later"
// rather than a pile of requests waiting on the database pool until their clients time out.
import { ErrorCode } from '@asynclab/contracts';
import { SubmissionsException } from './submissions.exception';

export class SubmitAdmission {
  private inFlight = 0;

  constructor(private readonly max: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.inFlight >= this.max) {
      throw new SubmissionsException(
        ErrorCode.TooManySubmissions,
        `the service is taking ${this.max} submissions at once already; retry after the Retry-After seconds`,
      );
    }
    this.inFlight += 1;
    try {
      return await work();
    } finally {
      this.inFlight -= 1;
    }
  }
}
