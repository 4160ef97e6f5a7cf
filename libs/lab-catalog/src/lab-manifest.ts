// lab.yaml: its shape is labs/lab.schema.json, checked by ajv; what a schema cannot say (the id
// equals the folder, the codes exist, the weights sum to 100) is checked here after it. An error
// names the file (so the lab) and the field, because a lab author fixes it from the message alone.
import Ajv2020, { ErrorObject } from 'ajv/dist/2020';
import ajvErrors from 'ajv-errors';
import { DIAGNOSTIC_CODES, DiagnosticCode } from '@asynclab/contracts';
import labSchema from '../../../labs/lab.schema.json';

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

/** lab.yaml as the schema lets it through, defaults filled in (useDefaults). */
interface SchemaValidManifest extends Omit<LabManifest, 'editable' | 'codeUnderTest' | 'exhibits' | 'exhibitsAt' | 'scoring'> {
  editable?: string[];
  codeUnderTest?: string[];
  exhibits?: string[];
  exhibitsAt?: Record<string, ExpectedLine[]>;
  scoring?: Record<string, number>;
}

// allErrors: a lab author sees every problem of the file at once (ajv-errors needs it too).
const ajv = new Ajv2020({ allErrors: true, useDefaults: true, verbose: true });
ajvErrors(ajv);
const validateSchema = ajv.compile<SchemaValidManifest>(labSchema);

export function parseLabManifest(raw: unknown, file: string, folderName: string): LabManifest {
  const fail = (problems: string[]): never => {
    throw new LabCatalogError(`${file}: ${problems.join('; ')}`);
  };
  // The validator fills in defaults, so it works on a copy: the caller's object stays as it was.
  const manifest: unknown = structuredClone(raw);
  if (!validateSchema(manifest)) return fail(schemaProblems(validateSchema.errors ?? []));
  const problems = contentProblems(manifest, folderName);
  if (problems.length > 0) fail(problems);

  const playground = manifest.kind === 'playground';
  return {
    id: manifest.id,
    title: manifest.title,
    chapter: manifest.chapter,
    difficulty: manifest.difficulty,
    kind: manifest.kind,
    objectives: manifest.objectives,
    timeLimitSec: manifest.timeLimitSec,
    perTestTimeoutSec: manifest.perTestTimeoutSec,
    editable: manifest.editable ?? [],
    codeUnderTest: manifest.codeUnderTest ?? [],
    exhibits: (manifest.exhibits ?? []) as DiagnosticCode[],
    exhibitsAt: manifest.exhibitsAt ?? {},
    // A playground has no score; whatever its file says about one is not used.
    scoring: playground ? {} : (manifest.scoring ?? {}),
  };
}

/** The checks that need more than the file: the folder it is in, the diagnostics contract, sums. */
function contentProblems(manifest: SchemaValidManifest, folderName: string): string[] {
  const problems: string[] = [];
  if (manifest.id !== folderName) problems.push(`field "id" must equal the folder name "${folderName}"`);
  const exhibits = manifest.exhibits ?? [];
  for (const code of exhibits) {
    if (!DIAGNOSTIC_CODES.includes(code as DiagnosticCode)) problems.push(`field "exhibits" names an unknown diagnostic code "${code}"`);
  }
  for (const code of Object.keys(manifest.exhibitsAt ?? {})) {
    if (!exhibits.includes(code)) problems.push(`field "exhibitsAt.${code}" names a code that exhibits does not list`);
  }
  if (manifest.kind !== 'playground') {
    const total = Object.values(manifest.scoring ?? {}).reduce((sum, weight) => sum + weight, 0);
    if (total !== 100) problems.push(`field "scoring" weights must sum to 100, not ${total}`);
  }
  return problems;
}

/** ajv's errors as `field "<name>" <problem>`, the problems written in the schema (errorMessage). */
function schemaProblems(errors: ErrorObject[]): string[] {
  const problems = errors
    // "must match the then schema" only repeats the error found inside it.
    .filter((error) => error.keyword !== 'if')
    .map((error) => {
      const cause = error.keyword === 'errorMessage' ? (error.params.errors as ErrorObject[])[0] : error;
      const path = error.instancePath.split('/').slice(1).map(unescapePointer);
      let problem = error.message ?? 'is not valid';
      // A missing field is named by itself, unless the schema words it for the object around it.
      if (error.keyword === 'required') {
        path.push(String(error.params.missingProperty));
        problem = 'is missing';
      }
      if (cause.keyword === 'additionalProperties') path.push(String(cause.params.additionalProperty));
      // An item of a list of strings: the field is the list, and the problem quotes the item.
      if (path.length > 1 && /^\d+$/.test(path[path.length - 1]) && typeof error.data === 'string') {
        path.pop();
        problem += `: "${error.data}"`;
      }
      return `field "${fieldName(path)}" ${problem}`;
    });
  return [...new Set(problems)];
}

/** ["exhibitsAt", "deadlock", "0", "occurrence"] -> exhibitsAt.deadlock[0].occurrence; [] -> (root). */
function fieldName(path: string[]): string {
  if (path.length === 0) return '(root)';
  return path.map((part, i) => (/^\d+$/.test(part) ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
