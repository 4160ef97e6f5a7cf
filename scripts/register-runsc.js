// `node scripts/register-runsc.js <daemon.json> <runsc path>`: adds the gVisor runtime to the Docker
// engine's configuration, keeping everything else in it. Exits 0 when the file changed, 1 when it
// already said so (the caller reloads the engine only on a change).
const { existsSync, readFileSync, writeFileSync, mkdirSync } = require('node:fs');
const { dirname } = require('node:path');

const [file, runscPath] = process.argv.slice(2);
const config = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8') || '{}') : {};
const wanted = { path: runscPath, runtimeArgs: ['--network=none'] };
if (JSON.stringify(config.runtimes?.runsc) === JSON.stringify(wanted)) process.exit(1);
config.runtimes = { ...config.runtimes, runsc: wanted };
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
process.exit(0);
