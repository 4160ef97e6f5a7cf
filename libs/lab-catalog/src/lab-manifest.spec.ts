import { LabCatalogError, parseLabManifest } from './lab-manifest';

const valid = {
  id: 'news-never-awaited',
  title: 'The fetch that never ran',
  chapter: 11,
  difficulty: 'beginner',
  kind: 'fix-code',
  objectives: ['Spot a dropped coroutine'],
  editable: ['news.py'],
  exhibits: ['never-awaited'],
  scoring: { hiddenTests: 70, noDiagnostics: 30 },
};

describe('parseLabManifest', () => {
  it('reads a valid manifest and fills the defaults', () => {
    const manifest = parseLabManifest(valid, 'labs/x/lab.yaml', 'news-never-awaited');
    expect(manifest).toMatchObject({ timeLimitSec: 20, perTestTimeoutSec: 10, codeUnderTest: [] });
  });

  it.each([
    [{ id: 'other' }, 'field "id" must equal the folder name'],
    [{ kind: 'quiz' }, 'field "kind" must be one of'],
    [{ chapter: 'eleven' }, 'field "chapter" must be a whole number'],
    [{ exhibits: ['made-up'] }, 'field "exhibits" names an unknown diagnostic code "made-up"'],
    [{ editable: ['../x.py'] }, 'field "editable" has a path'],
    [{ scoring: { hiddenTests: 50, noDiagnostics: 30 } }, 'field "scoring" weights must sum to 100'],
    [{ scoring: { variantsCaught: 100 } }, 'field "scoring.variantsCaught" is not a part'],
    [{ title: '' }, 'field "title" must be a non-empty string'],
  ])('names the file and field for %j', (override, message) => {
    expect(() => parseLabManifest({ ...valid, ...override }, 'labs/x/lab.yaml', 'news-never-awaited')).toThrow(
      new LabCatalogError(`labs/x/lab.yaml: ${message}`).message.split(' must')[0],
    );
    try {
      parseLabManifest({ ...valid, ...override }, 'labs/x/lab.yaml', 'news-never-awaited');
    } catch (error) {
      expect((error as Error).message).toContain('labs/x/lab.yaml: ');
      expect((error as Error).message).toContain(message);
    }
  });
});

describe('parseLabManifest against labs/lab.schema.json', () => {
  const parse = (manifest: unknown) => () => parseLabManifest(manifest, 'labs/x/lab.yaml', 'news-never-awaited');
  const without = (field: keyof typeof valid) => Object.fromEntries(Object.entries(valid).filter(([key]) => key !== field));

  it('names a missing field, and a file that is not a mapping', () => {
    expect(parse(without('title'))).toThrow('labs/x/lab.yaml: field "title" is missing');
    expect(parse(['a list'])).toThrow('labs/x/lab.yaml: field "(root)" must be a mapping');
  });

  it('lists every problem of the file at once', () => {
    expect(parse({ ...valid, chapter: 20, difficulty: 'easy', timeLimitSec: 0 })).toThrow(
      'labs/x/lab.yaml: field "chapter" must be a whole number from 1 to 13; field "difficulty" must be one of beginner, intermediate, advanced; field "timeLimitSec" must be a whole number from 1 to 120',
    );
  });

  it('quotes the list item at fault', () => {
    expect(parse({ ...valid, editable: ['news.py', '.env'] })).toThrow(
      'field "editable" has a path that is not relative and normalised: ".env"',
    );
    expect(parse({ ...valid, objectives: ['ok', 3] })).toThrow('field "objectives" must be a list of strings');
  });

  it('names the place inside exhibitsAt', () => {
    expect(parse({ ...valid, exhibitsAt: { 'never-awaited': [{ file: 'news.py', pattern: 'x', occurrence: 0 }] } })).toThrow(
      'field "exhibitsAt.never-awaited[0].occurrence" must be a whole number of at least 1',
    );
    expect(parse({ ...valid, exhibitsAt: { 'never-awaited': [{ file: 'news.py' }] } })).toThrow(
      'field "exhibitsAt.never-awaited[0]" needs file and pattern strings',
    );
    expect(parse({ ...valid, exhibitsAt: { deadlock: [{ file: 'news.py', pattern: 'x' }] } })).toThrow(
      'field "exhibitsAt.deadlock" names a code that exhibits does not list',
    );
  });

  it('requires what a kind needs and ignores a playground score', () => {
    const uneditable = without('editable');
    expect(parse(uneditable)).toThrow('field "editable" is missing');
    expect(parse({ ...valid, kind: 'fix-tests', scoring: { correctPasses: 30, variantsCaught: 50, noDiagnostics: 20 } })).toThrow(
      'field "codeUnderTest" is missing',
    );
    const playground = parseLabManifest(
      { ...uneditable, kind: 'playground', exhibits: [], scoring: 'none' },
      'labs/x/lab.yaml',
      'news-never-awaited',
    );
    expect(playground).toMatchObject({ editable: [], scoring: {} });
  });

  it("fills the defaults into its result, not into the caller's object", () => {
    const raw = { ...valid, exhibitsAt: { 'never-awaited': [{ file: 'news.py', pattern: 'cache.store' }] } };
    const manifest = parseLabManifest(raw, 'labs/x/lab.yaml', 'news-never-awaited');
    expect(manifest.exhibitsAt['never-awaited']).toEqual([{ file: 'news.py', pattern: 'cache.store', occurrence: 1 }]);
    expect(raw).not.toHaveProperty('timeLimitSec');
    expect(raw.exhibitsAt['never-awaited'][0]).not.toHaveProperty('occurrence');
  });
});
