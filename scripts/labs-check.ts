// `npm run labs:check`: every lab of labs/ through the real sandbox (see lab-self-check.ts),
// two at a time, then a table. Exits non-zero when any lab is unsound.
import { errorMessage, loadAppConfig } from '@asynclab/config';
import { checkLab, LabCheck } from '@asynclab/grading';
import { loadCatalog } from '@asynclab/lab-catalog';
import { createSandboxDriver } from '@asynclab/sandbox';

const CONCURRENCY = 2;

async function main(): Promise<void> {
  const config = loadAppConfig();
  const sandbox = createSandboxDriver(config.sandbox, null);
  await sandbox.assertReady();
  // LABS=a,b checks only those labs (while writing one); all of them otherwise.
  const only = process.env.LABS ? new Set(process.env.LABS.split(',')) : null;
  const labs = loadCatalog(config.labsDir).filter(
    (lab) => lab.content.manifest.kind !== 'playground' && (!only || only.has(lab.content.manifest.id)),
  );
  const results: LabCheck[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < labs.length) {
        const lab = labs[next++];
        results.push(await checkLab(lab, sandbox));
      }
    }),
  );
  await sandbox.close();
  results.sort((a, b) => a.labId.localeCompare(b.labId));
  const byId = new Map(labs.map((lab) => [lab.content.manifest.id, lab.content.manifest]));
  const manifestOf = (labId: string) => {
    const manifest = byId.get(labId);
    if (!manifest) throw new Error(`labs:check: a result for ${labId}, which is not in the catalog`);
    return manifest;
  };
  console.log('| lab | kind | ch. | declares | starter shows | solution | variants caught (reference / starter) | verdict |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    const m = manifestOf(r.labId);
    const variants =
      r.variants.length === 0
        ? '-'
        : `${r.variants.filter((v) => v.caughtByReference).length}/${r.variants.length} / ${r.variants.filter((v) => v.caughtByStarter).length}/${r.variants.length}`;
    console.log(
      `| ${r.labId} | ${r.kind} | ${m.chapter} | ${m.exhibits.join(', ')} | ${r.starterCodes.join(', ') || '-'} | ${r.solutionDiagnostics.length === 0 ? 'clean' : r.solutionDiagnostics.join('; ')} | ${variants} | ${r.problems.length === 0 ? 'ok' : 'FAIL'} (${r.seconds}s) |`,
    );
  }
  const covered = new Set(results.flatMap((r) => manifestOf(r.labId).exhibits));
  console.log(`\n${results.length} labs; codes covered: ${[...covered].sort().join(', ')}`);
  const unsound = results.filter((r) => r.problems.length > 0);
  for (const r of unsound) console.log(`\n${r.labId}:\n  - ${r.problems.join('\n  - ')}`);
  console.log(`\nlabs:check: ${results.length - unsound.length} ok, ${unsound.length} failing`);
  process.exit(unsound.length === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(`labs:check: ${errorMessage(error)}`);
  process.exit(1);
});
