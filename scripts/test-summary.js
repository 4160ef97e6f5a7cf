// Prints the one closing line CI reads, `N passed, N failed`, adding jest's JSON results,
// pytest's own summary line and the fault suite's rows (one test each). A suite that could not
// run at all counts as one failure.
const { existsSync, readFileSync } = require('node:fs');

const [jestJson, pytestOutput, faultsJson] = process.argv.slice(2);
let passed = 0;
let failed = 0;

if (jestJson && existsSync(jestJson)) {
  const jest = JSON.parse(readFileSync(jestJson, 'utf8'));
  passed += jest.numPassedTests;
  failed += jest.numFailedTests + jest.numRuntimeErrorTestSuites;
} else {
  failed += 1;
}

if (pytestOutput && existsSync(pytestOutput)) {
  const lines = readFileSync(pytestOutput, 'utf8').trim().split('\n');
  const summary = lines.reverse().find((line) => /\d+ (passed|failed|error)/.test(line)) ?? '';
  const count = (word) => Number((new RegExp(`(\\d+) ${word}`).exec(summary) ?? [0, 0])[1]);
  passed += count('passed');
  failed += count('failed') + count('errors?');
  if (!summary) failed += 1;
}

if (faultsJson !== undefined) {
  let rows = null;
  try {
    rows = JSON.parse(readFileSync(faultsJson, 'utf8'));
  } catch {
    rows = null;
  }
  if (Array.isArray(rows) && rows.length > 0) {
    for (const row of rows) row.passed === true ? (passed += 1) : (failed += 1);
  } else {
    failed += 1;
  }
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
