// Bad input gets a 4xx naming the problem, and nothing is stored for it. API only: no worker.
// jest's own expect: its asymmetric matchers (expect.any, objectContaining) are typed, not `any`.
import { expect } from '@jest/globals';
import { Client } from 'pg';
import { startService, RunningService } from '../../../../test/e2e/support/service';
import { ApiErrorBody, get, LabDetail, LabsBody, post } from '../../../../test/e2e/support/client';
import { defined } from '../../../../test/e2e/support/defined';
import { TEST_DATABASE_URL } from '../../../../test/e2e-env';

describe('POST /submissions rejects bad input', () => {
  let service: RunningService;
  let db: Client;

  beforeAll(async () => {
    service = await startService({ worker: false });
    db = new Client({ connectionString: TEST_DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await service.close();
  });

  const submissionCount = async () => Number((await db.query<{ count: string }>('SELECT count(*) FROM submissions')).rows[0].count);
  // Every submission here is one the API must refuse.
  const submit = (body: unknown) => post<ApiErrorBody>(service.baseUrl, '/submissions', body);

  it.each([
    ['an absolute path', { '/etc/passwd.py': 'x' }, 'must be relative'],
    ['a .. segment', { 'a/../../b.py': 'x' }, 'must not contain ..'],
    ['a hidden file', { '.env.py': 'x' }, 'hidden files'],
    ['a hidden folder', { '.git/config.py': 'x' }, 'hidden files'],
    ['an unnormalised path', { 'a//b.py': 'x' }, 'normalised'],
    ['a backslash', { 'a\\b.py': 'x' }, 'use /'],
    ['an extension that is not allowed', { 'run.sh': 'x' }, 'only .py, .txt, .cfg, .ini, .toml'],
  ])('rejects %s with 400 naming the file', async (_what, files, problem) => {
    const before = await submissionCount();
    const response = await submit({ labId: 'playground', files });
    expect(response.status).toBe(400);
    expect(response.body.field).toBe('files');
    expect(response.body.message).toContain(problem);
    expect(response.body.message).toContain(Object.keys(files)[0]);
    expect(await submissionCount()).toBe(before);
  });

  it('rejects more than 20 files', async () => {
    const files = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`m${i}.py`, 'x = 1']));
    const response = await submit({ labId: 'playground', files });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('TOO_MANY_FILES');
    expect(response.body.message).toContain('at most 20');
  });

  it('rejects more than 256 KB of files with 413', async () => {
    const response = await submit({ labId: 'playground', files: { 'a.py': 'x'.repeat(200_000), 'b.py': 'y'.repeat(70_000) } });
    expect(response.status).toBe(413);
    expect(response.body.code).toBe('FILES_TOO_LARGE');
    expect(response.body.message).toContain('256 KB');
  });

  it('rejects a body far over the limit with 413 before parsing it', async () => {
    const response = await submit({ labId: 'playground', files: { 'a.py': 'x'.repeat(3_000_000) } });
    expect(response.status).toBe(413);
    expect(response.body.message).toContain('256 KB');
  });

  it('rejects text that is not UTF-8 (a lone surrogate)', async () => {
    const response = await submit('{"labId":"playground","files":{"a.py":"x = \\"\\ud800\\""}}');
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('FILE_NOT_UTF8');
    expect(response.body.message).toContain('a.py');
  });

  it('rejects files that are not a map of strings', async () => {
    expect((await submit({ labId: 'playground', files: ['a.py'] })).status).toBe(400);
    const notText = await submit({ labId: 'playground', files: { 'a.py': 42 } });
    expect(notText.status).toBe(400);
    expect(notText.body.message).toContain('a.py');
    const empty = await submit({ labId: 'playground', files: {} });
    expect(empty.body.code).toBe('NO_FILES');
  });

  it('answers 404 naming an unknown lab', async () => {
    const response = await submit({ labId: 'no-such-lab', files: { 'a.py': 'x' } });
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: 'LAB_NOT_FOUND', field: 'labId' });
    expect(response.body.message).toContain('no-such-lab');
  });

  it('answers 400 naming a missing labId and invalid JSON', async () => {
    const missing = await submit({ files: { 'a.py': 'x' } });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('labId');
    const broken = await submit('{"labId": ');
    expect(broken.status).toBe(400);
    expect(broken.body.code).toBe('INVALID_JSON');
  });

  it('rejects a file a lab does not let the learner edit', async () => {
    const { body } = await get<LabsBody>(service.baseUrl, '/labs');
    const lab = body.labs.find((l) => l.kind !== 'playground');
    expect(lab).toBeDefined();
    const response = await submit({ labId: defined(lab, 'a lab other than the playground').id, files: { 'not_in_this_lab.py': 'x = 1' } });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('FILE_NOT_EDITABLE');
    expect(response.body.message).toContain('not_in_this_lab.py');
  });

  it('answers 404 for an unknown or malformed submission id', async () => {
    expect((await get(service.baseUrl, '/submissions/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await get(service.baseUrl, '/submissions/not-a-uuid')).status).toBe(404);
  });
});

describe('GET /labs', () => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startService({ worker: false });
  });
  afterAll(() => service.close());

  it('lists the labs with chapter, difficulty and objectives, including the playground', async () => {
    const { status, body } = await get<LabsBody>(service.baseUrl, '/labs');
    expect(status).toBe(200);
    const ids = body.labs.map((lab) => lab.id);
    expect(ids).toContain('playground');
    for (const lab of body.labs) {
      expect(lab).toEqual(expect.objectContaining({ chapter: expect.any(Number), difficulty: expect.any(String) }));
      // Arrays parsed by fetch come from another realm than jest's expect.any(Array) checks against.
      expect(Array.isArray(lab.objectives) && lab.objectives.length > 0).toBe(true);
    }
  });

  it('shows a lab with instructions, starter files and visible tests, never hidden tests or solutions', async () => {
    const { body: list } = await get<LabsBody>(service.baseUrl, '/labs');
    const lab = defined(
      list.labs.find((l) => l.kind === 'fix-code'),
      'a fix-code lab',
    );
    const { status, body } = await get<LabDetail>(service.baseUrl, `/labs/${lab.id}`);
    expect(status).toBe(200);
    expect(body.instructions.length).toBeGreaterThan(0);
    expect(Object.keys(body.starterFiles)).toEqual(expect.arrayContaining(body.editable));
    const text = JSON.stringify(body);
    expect(body).not.toHaveProperty('hidden');
    expect(body).not.toHaveProperty('solution');
    expect(body).not.toHaveProperty('variants');
    expect(text).not.toMatch(/"hidden\//);
  });

  it('shows a fix-tests lab the correct code its tests exercise, read-only, and not the reference tests', async () => {
    const { body: list } = await get<LabsBody>(service.baseUrl, '/labs');
    const lab = defined(
      list.labs.find((l) => l.kind === 'fix-tests'),
      'a fix-tests lab',
    );
    const { body } = await get<LabDetail>(service.baseUrl, `/labs/${lab.id}`);
    const codeUnderTest = defined(body.codeUnderTest, 'the code under test of a fix-tests lab');
    const codePaths = Object.keys(codeUnderTest);
    expect(codePaths.length).toBeGreaterThan(0);
    for (const path of codePaths) {
      expect(codeUnderTest[path].length).toBeGreaterThan(0);
      expect(body.editable).not.toContain(path);
    }
    for (const path of body.editable) expect(codeUnderTest).not.toHaveProperty(path);
  });

  it('answers 404 for an unknown lab', async () => {
    const { status, body } = await get<ApiErrorBody>(service.baseUrl, '/labs/nope');
    expect(status).toBe(404);
    expect(body.message).toContain('nope');
  });
});
