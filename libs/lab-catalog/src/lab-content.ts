// Reads one lab folder into memory: the manifest and every file by role. Labs are small (a few
// files of a few KB), so the whole content is kept and stored with each version.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { LabCatalogError, LabManifest, parseLabManifest } from './lab-manifest';

import type { Files } from '@asynclab/contracts';

export type { Files };

export interface LabContent {
  manifest: LabManifest;
  readme: string;
  starter: Files;
  tests: Files;
  hidden: Files;
  solution: Files;
  variants: Record<string, Files>;
}

export interface LoadedLab {
  content: LabContent;
  contentHash: string;
}

export function loadLabFolder(folder: string, folderName: string): LoadedLab {
  const manifestFile = join(folder, 'lab.yaml');
  if (!existsSync(manifestFile)) throw new LabCatalogError(`${manifestFile}: file is missing`);
  let raw: unknown;
  try {
    raw = loadYaml(readFileSync(manifestFile, 'utf8'));
  } catch (error) {
    throw new LabCatalogError(`${manifestFile}: not valid YAML: ${(error as Error).message}`);
  }
  const manifest = parseLabManifest(raw, manifestFile, folderName);
  const readmeFile = join(folder, 'README.md');
  if (!existsSync(readmeFile)) throw new LabCatalogError(`${readmeFile}: file is missing`);
  const content: LabContent = {
    manifest,
    readme: readFileSync(readmeFile, 'utf8'),
    starter: readTree(join(folder, 'starter')),
    tests: readTree(join(folder, 'tests')),
    hidden: readTree(join(folder, 'hidden')),
    solution: readTree(join(folder, 'solution')),
    variants: readVariants(join(folder, 'variants')),
  };
  checkConsistency(content, folder);
  return { content, contentHash: hashContent(content) };
}

function checkConsistency(content: LabContent, folder: string): void {
  const { manifest } = content;
  const where = join(folder, 'lab.yaml');
  for (const path of manifest.editable) {
    if (!(path in content.starter)) throw new LabCatalogError(`${where}: field "editable" names ${path}, which starter/ does not have`);
  }
  if (manifest.kind === 'fix-tests') {
    const variants = Object.keys(content.variants);
    if (variants.length === 0) throw new LabCatalogError(`${join(folder, 'variants')}: a fix-tests lab needs at least one variant`);
    for (const path of manifest.codeUnderTest) {
      if (!(path in content.solution))
        throw new LabCatalogError(`${where}: field "codeUnderTest" names ${path}, which solution/ does not have`);
      for (const name of variants) {
        if (!(path in content.variants[name])) throw new LabCatalogError(`${join(folder, 'variants', name)}: ${path} is missing`);
      }
    }
  }
}

function readVariants(dir: string): Record<string, Files> {
  if (!existsSync(dir)) return {};
  const variants: Record<string, Files> = {};
  for (const name of readdirSync(dir).sort()) {
    if (statSync(join(dir, name)).isDirectory()) variants[name] = readTree(join(dir, name));
  }
  return variants;
}

function readTree(dir: string): Files {
  const files: Files = {};
  if (!existsSync(dir)) return files;
  const walk = (current: string) => {
    for (const name of readdirSync(current).sort()) {
      if (name === '__pycache__' || name.startsWith('.')) continue;
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path).split('\\').join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return files;
}

/** Stable over key order: the same lab always hashes the same, on any machine. */
function hashContent(content: LabContent): string {
  return createHash('sha256').update(stableJson(content)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
