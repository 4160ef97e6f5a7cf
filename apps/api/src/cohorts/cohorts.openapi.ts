// Response schemas for the OpenAPI document: what an LMS or a spreadsheet reads from the matrix
// export. The wire types themselves live in libs/contracts (cohort-views.ts); these classes only
// describe them to @nestjs/swagger, and `implements` keeps the two from drifting apart.
import { ApiProperty } from '@nestjs/swagger';
import type { CohortLearner, MatrixCell, MatrixRow } from '@asynclab/contracts';

export class CohortLearnerDoc implements CohortLearner {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) displayName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "the LMS's own id" }) externalId!: string | null;
  @ApiProperty() joinedAt!: Date;
}

export class MatrixCellDoc implements MatrixCell {
  @ApiProperty({ format: 'uuid' }) assignmentId!: string;
  @ApiProperty() labId!: string;
  @ApiProperty({ description: 'counted attempts (late ones under "lock" are not)' }) attempts!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'best score after the late penalty' }) bestScore!: number | null;
  @ApiProperty() passed!: boolean;
  @ApiProperty({ description: 'first pass after the due date, or not passed and the due date has gone by' }) late!: boolean;
  @ApiProperty({ type: Date, nullable: true }) lastActivityAt!: Date | null;
  @ApiProperty({ description: "the learner's own due date (after an extension)" }) dueAt!: Date;
  @ApiProperty() extended!: boolean;
  @ApiProperty({ type: Number, nullable: true }) attemptsToPass!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'from the first attempt to the first pass' }) msToPass!: number | null;
}

export class MatrixRowDoc implements MatrixRow {
  @ApiProperty({ type: CohortLearnerDoc }) learner!: CohortLearnerDoc;
  @ApiProperty({ type: [MatrixCellDoc], description: "one per assignment, in the cohort's order" }) cells!: MatrixCellDoc[];
}

export class MatrixPageDoc {
  @ApiProperty({ type: [MatrixRowDoc] }) rows!: MatrixRowDoc[];
  @ApiProperty({ type: String, nullable: true, description: 'pass as cursor for the next page; null on the last' }) nextCursor!:
    string | null;
}
