import { Readable } from 'node:stream';
import { extract } from 'tar-stream';
import { FileLayoutError, PRIVATE_DIR, fileAndFolderClash, packFiles } from './pack-files';

async function entries(archive: Buffer): Promise<Record<string, { mode: number; uid: number }>> {
  const out: Record<string, { mode: number; uid: number }> = {};
  const reader = extract();
  const done = new Promise<void>((resolve, reject) => reader.on('finish', resolve).on('error', reject));
  reader.on('entry', (header, stream, next) => {
    out[header.name] = { mode: header.mode, uid: header.uid };
    stream.on('end', next).resume();
  });
  Readable.from(archive).pipe(reader);
  await done;
  return out;
}

describe('packFiles', () => {
  it('makes the private folder root-only and everything else readable', async () => {
    const tar = await entries(await packFiles({ 'news.py': 'a', [`${PRIVATE_DIR}/judge_x.py`]: 'j' }, PRIVATE_DIR));
    expect(tar['news.py']).toEqual({ mode: 0o644, uid: 0 });
    expect(tar[`${PRIVATE_DIR}/`]).toEqual({ mode: 0o700, uid: 0 });
    expect(tar[`${PRIVATE_DIR}/judge_x.py`]).toEqual({ mode: 0o600, uid: 0 });
    expect(tar['.asynclab/']).toEqual({ mode: 0o755, uid: 0 });
  });

  it('refuses a path that is both a file and a folder as a layout error, not an infra failure', async () => {
    expect(fileAndFolderClash(['a/b.py', 'a/c.py'])).toBeNull();
    expect(fileAndFolderClash(['news.py', 'news.py/x.py'])).toBe('news.py');
    await expect(packFiles({ 'news.py': 'a', 'news.py/x.py': 'b' })).rejects.toBeInstanceOf(FileLayoutError);
  });
});
