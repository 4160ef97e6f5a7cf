// Collects a container stream without ever holding more than `keepBytes` of it, while counting
// everything, so a learner's `while True: print(...)` cannot grow the worker's memory.
import { Writable } from 'node:stream';

export class OutputTail extends Writable {
  private chunks: Buffer[] = [];
  private kept = 0;
  totalBytes = 0;

  constructor(
    private readonly keepBytes: number,
    private readonly onBytes: (total: number) => void = () => undefined,
  ) {
    super();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.totalBytes += chunk.length;
    this.chunks.push(chunk);
    this.kept += chunk.length;
    let oldest = this.chunks[0];
    while (this.kept - oldest.length >= this.keepBytes) {
      this.chunks.shift();
      this.kept -= oldest.length;
      oldest = this.chunks[0];
    }
    this.onBytes(this.totalBytes);
    done();
  }

  get dropped(): boolean {
    return this.totalBytes > this.kept;
  }

  text(): string {
    const all = Buffer.concat(this.chunks);
    return all.subarray(Math.max(0, all.length - this.keepBytes)).toString('utf8');
  }
}

/** The last `maxChars` of a text, flagged when cut. */
export function tail(text: string, maxChars: number): { text: string; cut: boolean } {
  return text.length <= maxChars ? { text, cut: false } : { text: text.slice(text.length - maxChars), cut: true };
}

export const REPORT_SENTINEL = (nonce: string) => `@@ASYNCLAB-REPORT ${nonce}@@`;
/** The supervisor's last line on both streams, after the report (asynclab_supervisor/__main__.py). */
export const END_LINE = (nonce: string) => `@@ASYNCLAB-END ${nonce}@@\n`;

/** A stream's text without the supervisor's end line. */
export function withoutEndLine(text: string, nonce: string): string {
  return text.endsWith(END_LINE(nonce)) ? text.slice(0, -END_LINE(nonce).length) : text;
}

/** Splits container stdout into what the code printed and the report after the last sentinel. */
export function splitReport(stdout: string, nonce: string): { printed: string; reportJson: string | null } {
  const sentinel = REPORT_SENTINEL(nonce);
  const at = stdout.lastIndexOf(sentinel);
  if (at < 0) return { printed: stdout, reportJson: null };
  return {
    printed: stdout.slice(0, at),
    reportJson: withoutEndLine(stdout, nonce)
      .slice(at + sentinel.length)
      .trim(),
  };
}
