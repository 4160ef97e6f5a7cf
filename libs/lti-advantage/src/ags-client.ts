// The AGS 2.0 requests grade passback makes: find our line item by resource_id in the context's
// line items container, create it when absent, and publish a Score to a line item's /scores.
// Every answer is checked before it is used (a line item's id must be an http(s) URL).
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@asynclab/config';
import { AgsScope } from '@asynclab/lti';
import {
  LINE_ITEM_CONTAINER_MEDIA_TYPE,
  LINE_ITEM_MEDIA_TYPE,
  lineItemsQueryUrl,
  SCORE_MAXIMUM,
  SCORE_MEDIA_TYPE,
  scoresUrlOf,
  type ScoreBody,
} from './ags-score';
import { answerError, jsonOf, platformRequest, PlatformServiceError, type PlatformResponse } from './platform-request';
import { PlatformTokenClient, type TokenPlatform } from './platform-token-client';

export interface NewLineItem {
  label: string;
  /** Our assignment id: how we find the line item again. */
  resourceId: string;
  startDateTime: Date;
  endDateTime: Date;
}

/** The scopes grade passback asks for: what the context's AGS claim grants (all three when it said nothing). */
export function gradeScopes(granted: readonly string[]): string[] {
  const wanted: string[] = [AgsScope.lineItem, AgsScope.lineItemReadOnly, AgsScope.score];
  if (granted.length === 0) return [AgsScope.lineItem, AgsScope.score];
  const scopes = wanted.filter((scope) => granted.includes(scope));
  // lineitem includes lineitem.readonly: ask for one of them.
  return scopes.includes(AgsScope.lineItem) ? scopes.filter((s) => s !== AgsScope.lineItemReadOnly) : scopes;
}

@Injectable()
export class AgsClient {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: PlatformTokenClient,
  ) {}

  /** Our line item in the container (resource_id = the assignment id), or null when there is none. */
  async findLineItem(platform: TokenPlatform, scopes: string[], lineItemsUrl: string, resourceId: string): Promise<string | null> {
    const response = await this.send(platform, scopes, 'GET', lineItemsQueryUrl(lineItemsUrl, resourceId), {
      accept: LINE_ITEM_CONTAINER_MEDIA_TYPE,
    });
    if (response.status !== 200) throw answerError('line items', response);
    const items = jsonOf('line items', response);
    if (!Array.isArray(items)) throw new PlatformServiceError('line items: the answer is not an array', response.status);
    for (const item of items as unknown[]) {
      const fields = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
      if (fields.resourceId === resourceId && isHttpUrl(fields.id)) return fields.id;
    }
    return null;
  }

  async createLineItem(platform: TokenPlatform, scopes: string[], lineItemsUrl: string, item: NewLineItem): Promise<string> {
    if (!scopes.includes(AgsScope.lineItem)) {
      throw new PlatformServiceError(
        'line items: the platform did not grant the lineitem scope, so no line item can be created',
        null,
        undefined,
        true,
      );
    }
    const body = JSON.stringify({
      scoreMaximum: SCORE_MAXIMUM,
      label: item.label,
      resourceId: item.resourceId,
      tag: 'asynclab',
      startDateTime: item.startDateTime.toISOString(),
      endDateTime: item.endDateTime.toISOString(),
    });
    const response = await this.send(
      platform,
      scopes,
      'POST',
      lineItemsUrl,
      {
        'content-type': LINE_ITEM_MEDIA_TYPE,
        accept: LINE_ITEM_MEDIA_TYPE,
      },
      body,
    );
    if (response.status !== 200 && response.status !== 201) throw answerError('create line item', response);
    const created = jsonOf('create line item', response) as Record<string, unknown> | null;
    if (!isHttpUrl(created?.id)) throw new PlatformServiceError('create line item: the answer has no line item id URL', response.status);
    return created.id;
  }

  /** Publishes one Score; resolves with the platform's answer code and the time it took. */
  async postScore(platform: TokenPlatform, scopes: string[], lineItemUrl: string, score: ScoreBody): Promise<PlatformResponse> {
    const response = await this.send(
      platform,
      scopes,
      'POST',
      scoresUrlOf(lineItemUrl),
      { 'content-type': SCORE_MEDIA_TYPE },
      JSON.stringify(score),
    );
    if (response.status < 200 || response.status >= 300) throw answerError('score', response);
    return response;
  }

  private async send(
    platform: TokenPlatform,
    scopes: string[],
    method: 'GET' | 'POST',
    url: string,
    headers: Record<string, string>,
    body?: string,
  ): Promise<PlatformResponse> {
    const token = await this.tokens.accessToken(platform, scopes);
    const response = await platformRequest({
      method,
      url,
      headers: { ...headers, authorization: `Bearer ${token}` },
      body,
      timeoutMs: this.config.ltiServices.timeoutMs,
      allowPrivate: platform.allowPrivate,
    });
    // A token the platform no longer honours is dropped, so the next attempt (or a retry) asks for a new one.
    if (response.status === 401) await this.tokens.forget(platform.id, scopes);
    return response;
  }
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 2048) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
