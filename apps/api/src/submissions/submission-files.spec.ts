import { HTTP_STATUS_OF } from '../common/filters/error-status';
import { MAX_TOTAL_BYTES, SubmissionFilesError, validateSubmissionFiles } from './submission-files';

/** The rejection, with the HTTP status the API's edge gives its code. */
const errorOf = (files: unknown) => {
  try {
    validateSubmissionFiles(files);
  } catch (error) {
    if (!(error instanceof SubmissionFilesError)) throw error;
    return { status: HTTP_STATUS_OF[error.code], code: error.code, message: error.message };
  }
  throw new Error('expected a rejection');
};

describe('validateSubmissionFiles', () => {
  it('accepts nested relative paths of allowed kinds', () => {
    const files = { 'news.py': 'x', 'tests/test_news.py': 'y', 'setup.cfg': '', 'notes.txt': 'é ü 😀' };
    expect(validateSubmissionFiles(files)).toBe(files);
  });

  it.each([
    ['/abs.py', 'absolute'],
    ['a/../b.py', '..'],
    ['./a.py', 'normalised'],
    ['a/.hidden/b.py', 'hidden'],
    ['a.exe', 'only .py'],
    ['a b.py', 'letters, digits'],
    ['', 'empty'],
  ])('rejects the path %j', (path, problem) => {
    const error = errorOf({ [path]: 'x' });
    expect(error.status).toBe(400);
    expect(error.code).toBe('INVALID_FILE_PATH');
    expect(error.message).toContain(problem);
  });

  it('counts UTF-8 bytes, not characters, against the size limit', () => {
    const fourByteChars = '😀'.repeat(MAX_TOTAL_BYTES / 4 + 1); // half the limit in UTF-16 units, just over it in bytes
    expect(fourByteChars.length).toBeLessThan(MAX_TOTAL_BYTES);
    const error = errorOf({ 'a.py': fourByteChars });
    expect(error.status).toBe(413);
  });

  it('rejects lone surrogates and NUL bytes as not UTF-8 text', () => {
    expect(errorOf({ 'a.py': 'x\uD800y' }).code).toBe('FILE_NOT_UTF8');
    expect(errorOf({ 'a.py': 'x\u0000y' }).code).toBe('FILE_NOT_UTF8');
    expect(validateSubmissionFiles({ 'a.py': '\uD83D\uDE00' })).toBeDefined();
  });

  it('refuses a path that is both a file and a folder, naming it', () => {
    const error = errorOf({ 'news.py': 'x = 1', 'news.py/extra.py': 'y = 2' });
    expect(error.code).toBe('FILE_AND_FOLDER');
    expect(error.message).toContain('files["news.py"]');
    expect(validateSubmissionFiles({ 'news/a.py': '', 'news/b.py': '' })).toBeDefined();
  });
});
