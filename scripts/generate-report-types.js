// Generates libs/contracts/src/harness-report.generated.ts from sandboxes/python/report.schema.json,
// the single source of the report contract. `npm run generate:report-types` rewrites the file; a
// unit test (libs/contracts/src/harness-report.spec.ts, through --check) fails when it is out of date.
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const SCHEMA = join(root, 'sandboxes/python/report.schema.json');
const TARGET = join(root, 'libs/contracts/src/harness-report.generated.ts');
const BANNER = `// GENERATED from sandboxes/python/report.schema.json by scripts/generate-report-types.js.
// Do not edit: change the schema and run \`npm run generate:report-types\`.`;

async function renderReportTypes() {
  const { compile } = require('json-schema-to-typescript');
  // The root's title is prose for readers of the schema; the type is named HarnessReport.
  const schema = { ...JSON.parse(readFileSync(SCHEMA, 'utf8')), title: 'HarnessReport' };
  return compile(schema, 'HarnessReport', {
    bannerComment: BANNER,
    additionalProperties: false,
    strictIndexSignatures: true,
    style: { singleQuote: true, printWidth: 140 },
  });
}

module.exports = { renderReportTypes, TARGET };

// `--check`: exit 1, writing nothing, when the committed file differs from what the schema gives.
if (require.main === module) {
  renderReportTypes().then((text) => {
    if (process.argv.includes('--check')) {
      const upToDate = readFileSync(TARGET, 'utf8') === text;
      console.log(upToDate ? 'report types are up to date' : `${TARGET} is out of date: run npm run generate:report-types`);
      process.exit(upToDate ? 0 : 1);
    }
    writeFileSync(TARGET, text);
    console.log(`wrote ${TARGET}`);
  });
}
