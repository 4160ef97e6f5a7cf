// Every sandbox run of a submission has a name, stored in runs.variant: the main run, and in a
// fix-tests lab one run per broken variant of the code under test. Stored names are a contract.
export const MAIN_RUN = 'main';
const VARIANT_PREFIX = 'variant:';

export function variantRunName(variant: string): string {
  return `${VARIANT_PREFIX}${variant}`;
}

/** The variant a run name stands for; null for the main run. */
export function variantOfRun(runName: string): string | null {
  return runName.startsWith(VARIANT_PREFIX) ? runName.slice(VARIANT_PREFIX.length) : null;
}
