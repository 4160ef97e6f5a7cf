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
