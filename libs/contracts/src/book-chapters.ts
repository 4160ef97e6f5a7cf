// Which book chapter teaches each diagnostic code (the "book" column of
// /work/shared/spec/diagnostics.md), and where the web app shows a chapter.
import type { DiagnosticCode } from './harness-report';

export const DIAGNOSTIC_CHAPTERS: Record<DiagnosticCode, number[]> = {
  'never-awaited': [11],
  'silent-pass': [12],
  'asyncmock-not-awaited': [12],
  'sync-mock-awaited': [12],
  deadlock: [11],
  'blocking-call': [11, 13],
  'task-exception-unretrieved': [11],
  'task-destroyed-pending': [11],
  'cancellation-swallowed': [10, 13],
  'wrong-loop': [12],
  'unclosed-resource': [11],
  timeout: [],
};

/** The book page's anchor for a chapter. */
export function bookChapterPath(chapter: number): string {
  return `/book#chapter-${chapter}`;
}
