// One place turns every error into HTTP: a module's DomainException gets the status of its code
// (error-status.ts); Nest's HttpExceptions keep theirs; anything unexpected is a bare 500 (logged
// with its stack, never shown).
// Every error body and log line carries a request id to tie them together.
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { ErrorCode, type ApiErrorBody } from '@asynclab/contracts';
import { DomainException } from '../domain.exception';
import { HTTP_STATUS_OF, RETRY_AFTER_SEC_OF } from './error-status';
import { isDatabaseUnavailable } from './database-unavailable';

type ErrorBody = ApiErrorBody & { requestId: string };

@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const requestId = (request.headers['x-request-id'] as string | undefined) ?? randomUUID();
    const body = this.toBody(exception, requestId);
    if (body.statusCode >= 500) {
      this.logger.error(
        `${requestId} ${request.method} ${request.url}: ${(exception as Error | null | undefined)?.stack ?? String(exception)}`,
      );
    }
    const retryAfter = (RETRY_AFTER_SEC_OF as Partial<Record<string, number>>)[body.code];
    if (retryAfter !== undefined) response.setHeader('Retry-After', String(retryAfter));
    response.status(body.statusCode).setHeader('x-request-id', requestId).json(body);
  }

  private toBody(exception: unknown, requestId: string): ErrorBody {
    if (exception instanceof DomainException) {
      return {
        statusCode: HTTP_STATUS_OF[exception.code],
        code: exception.code,
        message: exception.message,
        field: exception.field,
        requestId,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      const raw = typeof payload === 'string' ? payload : (payload as { message?: unknown }).message;
      const message = Array.isArray(raw) ? raw.join('; ') : describeMessage(raw ?? exception.message);
      return { statusCode: status, code: httpCode(status, message), message, requestId };
    }
    // body-parser's errors (too large, bad JSON) arrive as plain errors carrying a status.
    const status = (exception as { status?: unknown } | null | undefined)?.status;
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
      const code = ErrorCode.DatabaseUnavailable;
      return {
        statusCode: HTTP_STATUS_OF[code],
        code,
        message: 'the service cannot reach its database right now; retry shortly',
        requestId,
      };
    }
    return { statusCode: 500, code: ErrorCode.Internal, message: 'internal server error', requestId };
  }
}

/** Errors raised by Nest or body-parser rather than a module: a code from their status. */
function httpCode(status: number, message: string): string {
  if (status === 404) return ErrorCode.NotFound;
  if (status === 413) return ErrorCode.PayloadTooLarge;
  if (status === 400) return /JSON/.test(message) ? ErrorCode.InvalidJson : ErrorCode.ValidationFailed;
  return `HTTP_${status}`;
}

/** An HttpException's message is usually a string; anything else is shown as JSON, never "[object Object]". */
function describeMessage(raw: unknown): string {
  return typeof raw === 'string' ? raw : JSON.stringify(raw);
}
