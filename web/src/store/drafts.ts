// The learner's unsent work per lab, so a reload (or a closed tab) does not lose it.
import type { Files } from '../api/types';
import { readJson, remove, writeJson } from './storage';

export interface Draft {
  /** The lab version the draft was started from: a changed lab may no longer fit it. */
  labVersion: string;
  files: Files;
  savedAt: string;
}

const key = (labId: string) => `asynclab:draft:${labId}`;

export function loadDraft(labId: string): Draft | null {
  const draft = readJson(key(labId)) as Partial<Record<keyof Draft, unknown>> | null;
  return draft && typeof draft.files === 'object' && draft.files !== null ? (draft as Draft) : null;
}

export function saveDraft(labId: string, labVersion: string, files: Files): boolean {
  return writeJson(key(labId), { labVersion, files, savedAt: new Date().toISOString() } satisfies Draft);
}

export function discardDraft(labId: string): void {
  remove(key(labId));
}
