import Docker from 'dockerode';
import { readFileSync } from 'node:fs';
import { loadAppConfig } from '@asynclab/config';
import { loadCatalog, planRuns } from '@asynclab/lab-catalog';
import { DockerSandboxDriver } from '@asynclab/sandbox';
async function main() {
  const config = loadAppConfig();
  const sandbox = new DockerSandboxDriver(new Docker({ socketPath: config.sandbox.dockerSocket }), config.sandbox.image, config.sandbox, null);
  const lab = loadCatalog(config.labsDir).find((l) => l.content.manifest.id === process.argv[2])!;
  const files = JSON.parse(readFileSync(process.argv[3], 'utf8'));
  for (const plan of planRuns(lab.content, files)) {
    const r = await sandbox.run({ runId: 'dev', files: plan.files, config: plan.config, timeLimitMs: plan.timeLimitMs });
    console.log(plan.variant, JSON.stringify(r, null, 1).slice(0, Number(process.env.CHARS ?? 4000)));
  }
  await sandbox.close();
}
main();
