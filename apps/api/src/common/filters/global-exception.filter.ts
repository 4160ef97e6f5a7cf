// One place turns every error into HTTP: our ApiExceptions and Nest's HttpExceptions keep their
// status and message; anything unexpected is a bare 500 (logged with its stack, never shown).
// Every error body and log line carries a request id to tie them together.
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { ApiException } from '../api.exception';

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  field?: string;
  requestId: string;
}

@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const requestId = (request.headers['x-request-id'] as string | undefined) ?? randomUUID();
    const body = this.toBody(exception, requestId);
    const retryAfter = retryAfterOf(exception, body.statusCode);
    if (retryAfter !== null) response.setHeader('Retry-After', String(retryAfter));
    if (body.statusCode >= 500) {
      this.logger.error(`${requestId} ${request.method} ${request.url}: ${(exception as Error)?.stack ?? String(exception)}`);
    }
    response.status(body.statusCode).setHeader('x-request-id', requestId).json(body);
  }

  private toBody(exception: unknown, requestId: string): ErrorBody {
    if (exception instanceof ApiException) {
      return { statusCode: exception.status, code: exception.code, message: exception.message, field: exception.field, requestId };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      const raw = typeof payload === 'string' ? payload : (payload as { message?: unknown }).message;
      const message = Array.isArray(raw) ? raw.join('; ') : String(raw ?? exception.message);
      return { statusCode: status, code: httpCode(status, message), message, requestId };
    }
    // body-parser's errors (too large, bad JSON) arrive as plain errors carrying a status.
    const status = (exception as { status?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const type = (exception as { type?: string }).type;
      const message =
        type === 'entity.too.large'
          ? 'the request body is larger than the API accepts; submissions may hold at most 256 KB of files'
          : type === 'entity.parse.failed'
            ? 'the request body is not valid JSON'
            : (exception as Error).message;
      return { statusCode: status, code: httpCode(status, message), message, requestId };
    }
    if (isDatabaseUnavailable(exception)) {
      return { statusCode: 503, code: 'DATABASE_UNAVAILABLE', message: 'the service cannot reach its database right now; nothing was stored, retry shortly', requestId };
    }
    return { statusCode: 500, code: 'INTERNAL', message: 'internal server error', requestId };
  }
}

function httpCode(status: number, message: string): string {
  if (status === 404) return 'NOT_FOUND';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 400) return /JSON/.test(message) ? 'INVALID_JSON' : 'VALIDATION_FAILED';
  return `HTTP_${status}`;
}

/** PostgreSQL restarting or unreachable: a refusal to retry (503), not a server fault (500). */
const DATABASE_DOWN = /ECONNREFUSED|ECONNRESET|Connection terminated|connection timeout|terminating connection|the database system is (starting up|shutting down|in recovery mode)|Can't reach database|DatabaseNotReachable|P1001|P1017|ConnectionClosed/i;

export function isDatabaseUnavailable(exception: unknown): boolean {
  for (let error = exception as { message?: string; code?: string; cause?: unknown } | undefined, depth = 0; error && depth < 4; depth++) {
    if (DATABASE_DOWN.test(`${error.code ?? ''} ${error.message ?? ''} ${(error as { kind?: string }).kind ?? ''}`)) return true;
    error = error.cause as typeof error;
  }
  return false;
}

function retryAfterOf(exception: unknown, status: number): number | null {
  if (exception instanceof ApiException && exception.retryAfterSec !== undefined) return exception.retryAfterSec;
  return status === 503 ? 5 : null;
}
