// Prints the one closing line CI reads, `N passed, N failed`, adding jest's JSON results to
// pytest's own summary line and to the checks file (one `pass <name>` or `fail <name>` a line,
// for steps that are one verdict each, like `npm run check`). A suite that could not run at all
// counts as one failure.
const { existsSync, readFileSync } = require('node:fs');

const [jestJson, pytestOutput, checksFile] = process.argv.slice(2);
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

if (checksFile && existsSync(checksFile)) {
  for (const line of readFileSync(checksFile, 'utf8').split('\n').filter(Boolean)) {
    if (line.startsWith('pass ')) passed += 1;
    else failed += 1;
  }
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
