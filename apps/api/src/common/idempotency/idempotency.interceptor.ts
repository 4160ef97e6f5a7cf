// `Idempotency-Key` on any POST: the first request with a key runs and its answer is stored; a
// retry with the same key and body gets that same answer (never a second submission); the same
// key with a different body is refused. Keys belong to the caller (API key or user), so two
// callers cannot collide. A request that fails releases its key, so the retry runs again.
import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { from, Observable, of, switchMap, catchError, throwError } from 'rxjs';
import { IdempotencyRepository } from '@asynclab/database';
import { principalKey, RequestWithPrincipal } from '../../auth/principal';
import { ErrorCode } from '@asynclab/contracts';
import { RequestException } from '../request.exception';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly records: IdempotencyRepository,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<RequestWithPrincipal>();
    const key = request.headers[IDEMPOTENCY_HEADER];
    if (request.method !== 'POST' || key === undefined || !request.principal) return next.handle();
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      return throwError(
        () => new RequestException(ErrorCode.InvalidIdempotencyKey, 'Idempotency-Key must be 1-200 printable ASCII characters'),
      );
    }
    const response = context.switchToHttp().getResponse<Response>();
    const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;
    const requestHash = createHash('sha256')
      .update(`${request.method} ${request.originalUrl}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    return from(this.records.claim(principalKey(request.principal), key, requestHash)).pipe(
      switchMap((claim) => {
        if (claim.kind === 'existing') {
          if (claim.requestHash !== requestHash) {
            throw new RequestException(
              ErrorCode.IdempotencyKeyReused,
              'this Idempotency-Key was used with a different request; use a new key for a new request',
            );
          }
          if (claim.statusCode === null)
            throw new RequestException(
              ErrorCode.IdempotencyInProgress,
              'the first request with this Idempotency-Key is still running; retry shortly',
            );
          response.setHeader('Idempotent-Replayed', 'true');
          return of(claim.response);
        }
        return next.handle().pipe(
          switchMap((body) => from(this.records.complete(claim.id, status, body ?? null)).pipe(switchMap(() => of(body)))),
          catchError((error: unknown) => from(this.records.release(claim.id)).pipe(switchMap(() => throwError(() => error)))),
        );
      }),
    );
  }
}
