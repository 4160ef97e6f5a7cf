// Generates the Prisma client into generated/prisma. `prisma generate` does not need the schema
// engine, but the CLI insists that the binary exists before it starts: on machines where it
// cannot be downloaded, point it at any existing file.
const { execFileSync } = require('node:child_process');
const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
execFileSync(process.execPath, [require.resolve('prisma/build/index.js'), 'generate'], {
  stdio: 'inherit',
  env,
  cwd: require('node:path').join(__dirname, '..'),
});
