// The catalog of labs/ loaded once at start: validated (a bad lab stops the start with a message
// naming file and field) and synced into the database as versions keyed by content hash.
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { APP_CONFIG, AppConfig } from '@asynclab/config';
import { LabsRepository } from '@asynclab/database';
import { LabCatalogError } from './lab-manifest';
import { LabContent, LoadedLab, loadLabFolder } from './lab-content';

export interface CatalogEntry extends LoadedLab {
  versionId: string;
}

/** What anyone may see of a lab: never hidden tests, solutions or variants. */
export interface PublicLab {
  id: string;
  title: string;
  chapter: number;
  difficulty: string;
  kind: string;
  objectives: string[];
  timeLimitSec: number;
  exhibits: string[];
  version: string;
  instructions?: string;
  editable?: string[];
  starterFiles?: Record<string, string>;
  visibleTests?: Record<string, string>;
  /** fix-tests labs: the correct code the learner's tests exercise, read-only. */
  codeUnderTest?: Record<string, string>;
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
      const versionId = await this.labs.syncLab({
        id: manifest.id,
        title: manifest.title,
        chapter: manifest.chapter,
        difficulty: manifest.difficulty,
        kind: manifest.kind,
        objectives: manifest.objectives,
        contentHash: lab.contentHash,
        content: lab.content as unknown as object,
      });
      entries.set(manifest.id, { ...lab, versionId });
    }
    this.entries = entries;
    this.logger.log(`loaded ${entries.size} labs from ${this.config.labsDir}`);
  }

  find(id: string): CatalogEntry | undefined {
    return this.entries.get(id);
  }

  list(): PublicLab[] {
    return [...this.entries.values()]
      .map((entry) => toPublic(entry, false))
      .sort((a, b) => a.chapter - b.chapter || a.id.localeCompare(b.id));
  }

  describe(id: string): PublicLab | undefined {
    const entry = this.entries.get(id);
    return entry && toPublic(entry, true);
  }
}

function toPublic(entry: CatalogEntry, detailed: boolean): PublicLab {
  const { manifest } = entry.content;
  const summary: PublicLab = {
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
  if (!detailed) return summary;
  return {
    ...summary,
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
