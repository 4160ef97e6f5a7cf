import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import schema from '../../../sandboxes/python/report.schema.json';
import { DIAGNOSTIC_CODES, TEST_OUTCOMES } from './harness-report';

const GENERATOR = join(__dirname, '../../../scripts/generate-report-types.js');

describe('the report contract', () => {
  // In a child process: the generator's formatter loads ES modules, which jest's sandbox cannot.
  it('has its TypeScript types generated from the schema as it is now', () => {
    const check = spawnSync(process.execPath, [GENERATOR, '--check'], { encoding: 'utf8' });
    expect(check.stdout).toContain('report types are up to date');
    expect(check.status).toBe(0);
  });

  it('lists the same diagnostic codes and test outcomes as the schema, in its order', () => {
    const { diagnostics, tests } = schema.properties;
    expect([...DIAGNOSTIC_CODES]).toEqual(diagnostics.items.properties.code.enum);
    expect([...TEST_OUTCOMES]).toEqual(tests.items.properties.outcome.enum);
  });
});
