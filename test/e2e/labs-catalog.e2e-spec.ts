// Every lab proves itself in the real sandbox (lab-self-check.ts), and the catalog as a whole
// teaches every diagnostic code of the contract.
import { loadAppConfig } from '@asynclab/config';
import { checkLab } from '@asynclab/grading';
import { loadCatalog } from '@asynclab/lab-catalog';
import { createSandboxDriver } from '@asynclab/sandbox';
import { DIAGNOSTIC_CODES } from '@asynclab/contracts';

const config = loadAppConfig();
const labs = loadCatalog(config.labsDir);
const graded = labs.filter((lab) => lab.content.manifest.kind !== 'playground');
const sandbox = createSandboxDriver(config.sandbox, null);

describe('the lab catalog', () => {
  afterAll(() => sandbox.close());

  it('has a playground and at least 12 graded labs, fix-code and fix-tests, covering every diagnostic code', () => {
    expect(labs.map((lab) => lab.content.manifest.id)).toContain('playground');
    expect(graded.length).toBeGreaterThanOrEqual(12);
    const kinds = new Set(graded.map((lab) => lab.content.manifest.kind));
    expect([...kinds].sort()).toEqual(['fix-code', 'fix-tests']);
    const covered = new Set(graded.flatMap((lab) => lab.content.manifest.exhibits));
    expect(DIAGNOSTIC_CODES.filter((code) => !covered.has(code))).toEqual([]);
  });

  it.each(graded.map((lab) => [lab.content.manifest.id, lab] as const))(
    '%s: starter shows its bugs, solution is clean',
    async (_id, lab) => {
      const check = await checkLab(lab, sandbox);
      expect(check.problems).toEqual([]);
    },
  );
});
