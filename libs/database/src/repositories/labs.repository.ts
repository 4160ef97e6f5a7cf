import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service';
import { Prisma } from '../../../../generated/prisma/client';

export interface LabRecord {
  id: string;
  title: string;
  chapter: number;
  difficulty: string;
  kind: string;
  objectives: string[];
  contentHash: string;
  content: Prisma.InputJsonValue;
}

@Injectable()
export class LabsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Stores the lab's current content as a version (once per hash) and returns that version's id. */
  async syncLab(lab: LabRecord): Promise<string> {
    return this.prisma.$transaction(async (tx) => {
      await tx.lab.upsert({
        where: { id: lab.id },
        create: {
          id: lab.id,
          title: lab.title,
          chapter: lab.chapter,
          difficulty: lab.difficulty,
          kind: lab.kind,
          objectives: lab.objectives,
        },
        update: { title: lab.title, chapter: lab.chapter, difficulty: lab.difficulty, kind: lab.kind, objectives: lab.objectives },
      });
      const version = await tx.labVersion.upsert({
        where: { labId_contentHash: { labId: lab.id, contentHash: lab.contentHash } },
        create: { labId: lab.id, contentHash: lab.contentHash, content: lab.content },
        update: {},
      });
      await tx.lab.update({ where: { id: lab.id }, data: { currentVersionId: version.id } });
      return version.id;
    });
  }

  async findVersion(versionId: string): Promise<{ id: string; labId: string; contentHash: string; content: unknown } | null> {
    return this.prisma.labVersion.findUnique({ where: { id: versionId } });
  }
}
