// lab.yaml, validated field by field (docs/lab-format.md). An error names the file and the field,
// because a lab author fixes it from the message alone.
import { DIAGNOSTIC_CODES, DiagnosticCode } from '@asynclab/contracts';

export type LabKind = 'fix-code' | 'fix-tests' | 'playground';
export type Difficulty = 'beginner' | 'intermediate' | 'advanced';

export interface LabManifest {
  id: string;
  title: string;
  chapter: number;
  difficulty: Difficulty;
  kind: LabKind;
  objectives: string[];
  timeLimitSec: number;
  perTestTimeoutSec: number;
  editable: string[];
  codeUnderTest: string[];
  exhibits: DiagnosticCode[];
  /** Where labs:check expects each exhibited code: lines of starter files, found by their text. */
  exhibitsAt: Partial<Record<DiagnosticCode, ExpectedLine[]>>;
  scoring: Record<string, number>;
}

export interface ExpectedLine {
  file: string;
  /** Text on the line; the `occurrence`-th line containing it (default the first). */
  pattern: string;
  occurrence: number;
}

export class LabCatalogError extends Error {}

const KINDS: LabKind[] = ['fix-code', 'fix-tests', 'playground'];
const DIFFICULTIES: Difficulty[] = ['beginner', 'intermediate', 'advanced'];
const SCORING_PARTS: Record<LabKind, string[]> = {
  'fix-code': ['hiddenTests', 'noDiagnostics'],
  'fix-tests': ['correctPasses', 'variantsCaught', 'noDiagnostics'],
  playground: [],
};

export function parseLabManifest(raw: unknown, file: string, folderName: string): LabManifest {
  const fail = (field: string, problem: string): never => {
    throw new LabCatalogError(`${file}: field "${field}" ${problem}`);
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('(root)', 'must be a mapping');
  const m = raw as Record<string, unknown>;
  const str = (field: string): string =>
    typeof m[field] === 'string' && m[field].trim() !== '' ? m[field] : fail(field, 'must be a non-empty string');
  const int = (field: string, fallback: number, min: number, max: number): number => {
    const value = m[field] ?? fallback;
    return Number.isInteger(value) && (value as number) >= min && (value as number) <= max
      ? (value as number)
      : fail(field, `must be a whole number from ${min} to ${max}`);
  };
  const list = (field: string, required: boolean): string[] => {
    const value = m[field];
    if (value === undefined && !required) return [];
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) return fail(field, 'must be a list of strings');
    return value;
  };

  const id = str('id');
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) fail('id', 'must use only a-z, 0-9 and dashes');
  if (id !== folderName) fail('id', `must equal the folder name "${folderName}"`);
  const kind = str('kind') as LabKind;
  if (!KINDS.includes(kind)) fail('kind', `must be one of ${KINDS.join(', ')}`);
  const difficulty = str('difficulty') as Difficulty;
  if (!DIFFICULTIES.includes(difficulty)) fail('difficulty', `must be one of ${DIFFICULTIES.join(', ')}`);
  const exhibits = list('exhibits', false);
  for (const code of exhibits) {
    if (!DIAGNOSTIC_CODES.includes(code as DiagnosticCode)) fail('exhibits', `names an unknown diagnostic code "${code}"`);
  }
  const editable = list('editable', kind !== 'playground');
  for (const path of editable) {
    if (path.startsWith('/') || path.split('/').some((part) => part === '..' || part.startsWith('.'))) {
      fail('editable', `has a path that is not relative and normalised: "${path}"`);
    }
  }
  const codeUnderTest = list('codeUnderTest', kind === 'fix-tests');
  const scoring = parseScoring(m.scoring, kind, fail);
  const exhibitsAt = parseExhibitsAt(m.exhibitsAt, exhibits, fail);

  return {
    id,
    title: str('title'),
    chapter: int('chapter', undefined as unknown as number, 1, 13),
    difficulty,
    kind,
    objectives: list('objectives', true),
    timeLimitSec: int('timeLimitSec', 20, 1, 120),
    perTestTimeoutSec: int('perTestTimeoutSec', 10, 1, 60),
    editable,
    codeUnderTest,
    exhibits: exhibits as DiagnosticCode[],
    exhibitsAt,
    scoring,
  };
}

function parseExhibitsAt(raw: unknown, exhibits: string[], fail: (field: string, problem: string) => never): LabManifest['exhibitsAt'] {
  if (raw === undefined) return {};
  if (typeof raw !== 'object' || raw === null) return fail('exhibitsAt', 'must map codes to lists of { file, pattern }');
  const result: LabManifest['exhibitsAt'] = {};
  for (const [code, lines] of Object.entries(raw)) {
    if (!exhibits.includes(code)) fail(`exhibitsAt.${code}`, 'names a code that exhibits does not list');
    if (!Array.isArray(lines) || lines.length === 0) fail(`exhibitsAt.${code}`, 'must be a non-empty list');
    result[code as DiagnosticCode] = (lines as unknown[]).map((line, i) => {
      const l = line as Record<string, unknown>;
      if (typeof l?.file !== 'string' || typeof l.pattern !== 'string') fail(`exhibitsAt.${code}[${i}]`, 'needs file and pattern strings');
      const occurrence = l.occurrence ?? 1;
      if (!Number.isInteger(occurrence) || (occurrence as number) < 1)
        fail(`exhibitsAt.${code}[${i}].occurrence`, 'must be a whole number of at least 1');
      return { file: l.file, pattern: l.pattern, occurrence: occurrence as number };
    });
  }
  return result;
}

function parseScoring(raw: unknown, kind: LabKind, fail: (field: string, problem: string) => never): Record<string, number> {
  const parts = SCORING_PARTS[kind];
  if (parts.length === 0) return {};
  if (typeof raw !== 'object' || raw === null) return fail('scoring', `must map ${parts.join(', ')} to weights`);
  const scoring: Record<string, number> = {};
  for (const [name, weight] of Object.entries(raw)) {
    if (!parts.includes(name)) fail(`scoring.${name}`, `is not a part of a ${kind} lab's score (${parts.join(', ')})`);
    if (!Number.isInteger(weight) || weight < 0) fail(`scoring.${name}`, 'must be a whole number of at least 0');
    scoring[name] = weight as number;
  }
  const total = Object.values(scoring).reduce((sum, weight) => sum + weight, 0);
  if (total !== 100) fail('scoring', `weights must sum to 100, not ${total}`);
  return scoring;
}
