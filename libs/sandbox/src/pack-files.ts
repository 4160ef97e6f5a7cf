import { pack } from 'tar-stream';

/** Where the hidden checks' judges go: root-only (0700/0600), read by the supervisor alone. */
export const PRIVATE_DIR = '.asynclab/private';

/**
 * A tar of the run's files for the archive API. Files are root-owned and read-only to the
 * sandbox user, directories listed before their files so the daemon never invents their modes.
 * Everything under `privateDir` is unreadable to the sandbox user.
 */
/** The run's files cannot be written as a tree: the learner's layout, never an infra failure. */
export class FileLayoutError extends Error {}

/** The first path that is both a file and a folder of other files, or null. */
export function fileAndFolderClash(paths: string[]): string | null {
  const files = new Set(paths);
  for (const path of paths) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      if (files.has(folder)) return folder;
    }
  }
  return null;
}

export async function packFiles(files: Record<string, string>, privateDir?: string): Promise<Buffer> {
  const clash = fileAndFolderClash(Object.keys(files));
  if (clash) throw new FileLayoutError(`"${clash}" is both a file and a folder of other files`);
  const archive = pack();
  const directories = new Set<string>();
  for (const path of Object.keys(files)) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) directories.add(parts.slice(0, i).join('/'));
  }
  const mtime = new Date(0);
  const isPrivate = (path: string) => privateDir !== undefined && (path === privateDir || path.startsWith(`${privateDir}/`));
  for (const directory of [...directories].sort()) {
    archive.entry({ name: `${directory}/`, type: 'directory', mode: isPrivate(directory) ? 0o700 : 0o755, uid: 0, gid: 0, mtime });
  }
  for (const [path, content] of Object.entries(files)) {
    archive.entry({ name: path, mode: isPrivate(path) ? 0o600 : 0o644, uid: 0, gid: 0, mtime }, content);
  }
  archive.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of archive) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
