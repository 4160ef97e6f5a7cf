// The catalog of labs/ loaded once at start: validated (a bad lab stops the start with a message
// naming file and field) and synced into the database as versions keyed by content hash.
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { APP_CONFIG, AppConfig } from '@asynclab/config';
import { LabsRepository } from '@asynclab/database';
import type { LabDetail, LabSummary } from '@asynclab/contracts';
import { LabCatalogError } from './lab-manifest';
import { LabContent, LoadedLab, loadLabFolder } from './lab-content';

export interface CatalogEntry extends LoadedLab {
  versionId: string;
}

/** Stores a loaded lab as the version its content hash names (the same content, the same version); returns its id. */
export function syncLabVersion(labs: LabsRepository, lab: LoadedLab): Promise<string> {
  const { manifest } = lab.content;
  return labs.syncLab({
    id: manifest.id,
    title: manifest.title,
    chapter: manifest.chapter,
    difficulty: manifest.difficulty,
    kind: manifest.kind,
    objectives: manifest.objectives,
    contentHash: lab.contentHash,
    content: lab.content as unknown as object,
  });
}

export function loadCatalog(labsDir: string): LoadedLab[] {
  if (!existsSync(labsDir)) throw new LabCatalogError(`${labsDir}: the labs folder is missing`);
  return readdirSync(labsDir)
    .filter((name) => !name.startsWith('.') && !name.startsWith('_') && statSync(join(labsDir, name)).isDirectory())
    .sort()
    .map((name) => loadLabFolder(join(labsDir, name), name));
}

@Injectable()
export class LabCatalogService implements OnModuleInit {
  private readonly logger = new Logger(LabCatalogService.name);
  private entries = new Map<string, CatalogEntry>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly labs: LabsRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    const loaded = loadCatalog(this.config.labsDir);
    const entries = new Map<string, CatalogEntry>();
    for (const lab of loaded) {
      const { manifest } = lab.content;
      const versionId = await syncLabVersion(this.labs, lab);
      entries.set(manifest.id, { ...lab, versionId });
    }
    this.entries = entries;
    this.logger.log(`loaded ${entries.size} labs from ${this.config.labsDir}`);
  }

  find(id: string): CatalogEntry | undefined {
    return this.entries.get(id);
  }

  /** What anyone may see of the labs: never hidden tests, solutions or variants. */
  list(): LabSummary[] {
    return [...this.entries.values()].map(toSummary).sort((a, b) => a.chapter - b.chapter || a.id.localeCompare(b.id));
  }

  describe(id: string): LabDetail | undefined {
    const entry = this.entries.get(id);
    return entry && toDetail(entry);
  }
}

function toSummary(entry: CatalogEntry): LabSummary {
  const { manifest } = entry.content;
  return {
    id: manifest.id,
    title: manifest.title,
    chapter: manifest.chapter,
    difficulty: manifest.difficulty,
    kind: manifest.kind,
    objectives: manifest.objectives,
    timeLimitSec: manifest.timeLimitSec,
    exhibits: manifest.exhibits,
    version: entry.contentHash.slice(0, 12),
  };
}

function toDetail(entry: CatalogEntry): LabDetail {
  const { manifest } = entry.content;
  return {
    ...toSummary(entry),
    instructions: entry.content.readme,
    editable: manifest.editable,
    starterFiles: entry.content.starter,
    visibleTests: entry.content.tests,
    codeUnderTest: Object.fromEntries(manifest.codeUnderTest.map((path) => [path, entry.content.solution[path]])),
  };
}

/** The content stored with a lab version, as the worker reads it back. */
export function labContentFromStored(stored: unknown): LabContent {
  return stored as LabContent;
}
