import { ErrorCode } from '@asynclab/contracts';
import { DomainException } from '../common/domain.exception';

/** Cohorts, assignments, members. */
export class CohortsException extends DomainException {}

export const cohortNotFound = (id: string) => new CohortsException(ErrorCode.CohortNotFound, `cohort "${id}" does not exist`, 'cohortId');
