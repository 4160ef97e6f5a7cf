// The rules a submission's files must meet before anything is stored. Each failure names the
// field and the file, because the learner (or an LMS developer) fixes it from the message alone.
import { ErrorCode } from '@asynclab/contracts';
import { SubmissionFilesError } from './submissions.exception';

export const MAX_FILES = 20;
export const MAX_TOTAL_BYTES = 256 * 1024;
export const ALLOWED_EXTENSIONS = ['.py', '.txt', '.cfg', '.ini', '.toml'];
const MAX_PATH_LENGTH = 200;
const PATH_CHARS = /^[A-Za-z0-9_.\-/]+$/;
// A lone UTF-16 surrogate cannot be encoded as UTF-8: JSON can carry one, Python cannot read it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export { SubmissionFilesError };

const invalid = (code: ErrorCode, message: string) => new SubmissionFilesError(code, message, 'files');

export function validateSubmissionFiles(files: unknown): Record<string, string> {
  if (typeof files !== 'object' || files === null || Array.isArray(files)) {
    throw invalid(ErrorCode.FilesNotAnObject, 'files must be an object mapping relative paths to file contents');
  }
  const entries = Object.entries(files as Record<string, unknown>);
  if (entries.length === 0) throw invalid(ErrorCode.NoFiles, 'files must hold at least one file');
  if (entries.length > MAX_FILES)
    throw invalid(ErrorCode.TooManyFiles, `files holds ${entries.length} files; at most ${MAX_FILES} are allowed`);
  let totalBytes = 0;
  for (const [path, content] of entries) {
    checkPath(path);
    if (typeof content !== 'string') throw invalid(ErrorCode.FileNotText, `files["${path}"] must be a string of UTF-8 text`);
    if (LONE_SURROGATE.test(content) || content.includes('\u0000')) {
      throw invalid(ErrorCode.FileNotUtf8, `files["${path}"] is not valid UTF-8 text`);
    }
    totalBytes += Buffer.byteLength(content, 'utf8');
  }
  const clash = fileAndFolder(entries.map(([path]) => path));
  if (clash) {
    throw invalid(ErrorCode.FileAndFolder, `files["${clash}"] is a file, and other paths use it as a folder: a path cannot be both`);
  }
  if (totalBytes > MAX_TOTAL_BYTES) {
    throw invalid(
      ErrorCode.FilesTooLarge,
      `files hold ${Math.ceil(totalBytes / 1024)} KB in all; at most ${MAX_TOTAL_BYTES / 1024} KB are allowed`,
    );
  }
  return files as Record<string, string>;
}

/** The first path that is also a folder of another path: no file system can hold both. */
function fileAndFolder(paths: string[]): string | null {
  const files = new Set(paths);
  for (const path of paths) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) if (files.has(parts.slice(0, i).join('/'))) return parts.slice(0, i).join('/');
  }
  return null;
}

function checkPath(path: string): void {
  const problem = pathProblem(path);
  if (problem) throw invalid(ErrorCode.InvalidFilePath, `files["${path}"]: ${problem}`);
}

function pathProblem(path: string): string | null {
  if (path.length === 0) return 'the path is empty';
  if (path.length > MAX_PATH_LENGTH) return `the path is longer than ${MAX_PATH_LENGTH} characters`;
  if (path.startsWith('/')) return 'the path must be relative, not absolute';
  if (path.includes('\\')) return 'use / to separate folders';
  if (!PATH_CHARS.test(path)) return 'the path may use only letters, digits, _ . - and /';
  const parts = path.split('/');
  if (parts.some((part) => part === '..')) return 'the path must not contain ..';
  if (parts.some((part) => part === '' || part === '.')) return 'the path must be normalised (no empty or . segments)';
  if (parts.some((part) => part.startsWith('.'))) return 'hidden files and folders (starting with .) are not allowed';
  if (!ALLOWED_EXTENSIONS.some((extension) => path.endsWith(extension))) {
    return `only ${ALLOWED_EXTENSIONS.join(', ')} files are allowed`;
  }
  return null;
}
