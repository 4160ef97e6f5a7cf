// Runs a compiled entry point from dist/ with the @asynclab/* aliases of tsconfig.json mapped
// onto the compiled libraries.
const path = require('node:path');
const tsConfigPaths = require('tsconfig-paths');

const root = path.join(__dirname, '..');
const entry = process.argv[2];
if (!entry) {
  console.error('usage: node scripts/run-dist.js <path inside dist/>');
  process.exit(2);
}
tsConfigPaths.register({ baseUrl: path.join(root, 'dist'), paths: { '@asynclab/*': ['libs/*/src'] } });
process.argv.splice(2, 1);
require(path.join(root, 'dist', entry));
