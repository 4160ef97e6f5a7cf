// Learner code cannot hurt the host or other learners: what the sandbox lets a test see and do,
// checked from inside a real container, and the limits that stop a run that misbehaves.
import { loadAppConfig } from '@asynclab/config';
import { createSandboxDriver, dockerClient, SANDBOX_LABEL, SandboxRequest } from '@asynclab/sandbox';

const config = loadAppConfig();
const docker = dockerClient(config.sandbox);
const driverWith = (limits: Partial<typeof config.sandbox> = {}) => createSandboxDriver({ ...config.sandbox, ...limits }, null, docker);

const request = (runId: string, files: Record<string, string>): SandboxRequest => ({
  runId: `isolation/${runId}`,
  files,
  config: { testPaths: [], learnerFiles: Object.keys(files), perTestTimeoutSec: 10, blockingThresholdMs: 100 },
  timeLimitMs: 20_000,
});

describe('the sandbox', () => {
  it('runs learner code with no network, a read-only root, no capabilities and no root user', async () => {
    const sandbox = driverWith();
    const result = await sandbox.run(
      request('inside', {
        'test_inside.py': `import os, socket

def test_only_loopback():
    assert [name for _, name in socket.if_nameindex()] == ["lo"]

def test_not_root():
    assert os.getuid() == 10001 and os.getgid() == 10001

def test_no_capabilities():
    status = open("/proc/self/status").read()
    assert "CapEff:\\t0000000000000000" in status
    assert "NoNewPrivs:\\t1" in status

def test_read_only_root_and_work():
    for path in ("/etc/asynclab", "/usr/asynclab", "/work/asynclab"):
        try:
            open(path, "w")
        except OSError:
            continue
        raise AssertionError(path + " was writable")

def test_tmp_is_a_small_tmpfs():
    stat = os.statvfs("/tmp")
    assert stat.f_blocks * stat.f_frsize <= 64 * 1024 * 1024
    open("/tmp/scratch.txt", "w").write("ok")
`,
      }),
    );
    await sandbox.close();
    expect(result.status).toBe('completed');
    if (result.status !== 'completed') return;
    expect(result.report.tests.map((t) => [t.id.split('::')[1], t.outcome, t.message])).toEqual([
      ['test_only_loopback', 'passed', null],
      ['test_not_root', 'passed', null],
      ['test_no_capabilities', 'passed', null],
      ['test_read_only_root_and_work', 'passed', null],
      ['test_tmp_is_a_small_tmpfs', 'passed', null],
    ]);
  });

  it('kills a run whose output passes the cap and says so', async () => {
    const sandbox = driverWith({ outputCapBytes: 8 * 1024 });
    const result = await sandbox.run(
      // pytest prints a failing test's captured output in full
      request('output', { 'test_loud.py': `def test_loud():\n    print("x" * 50_000)\n    assert False\n` }),
    );
    await sandbox.close();
    expect(result).toMatchObject({ status: 'resource-limit', limit: 'output' });
  });

  it('stops a thread bomb at the process limit and says which limit', async () => {
    const sandbox = driverWith();
    const result = await sandbox.run(
      request('pids', {
        'test_bomb.py': `import threading

def test_bomb():
    stop = threading.Event()
    for _ in range(1000):
        threading.Thread(target=stop.wait, daemon=True).start()
`,
      }),
    );
    await sandbox.close();
    expect(result).toMatchObject({ status: 'resource-limit', limit: 'processes' });
  });

  it('leaves no container or volume of its runs behind', async () => {
    const sandbox = driverWith();
    await sandbox.run(request('cleanup', { 'test_ok.py': 'def test_ok():\n    pass\n' }));
    await sandbox.close();
    const left = (await docker.listContainers({ all: true, filters: { label: [`${SANDBOX_LABEL}=true`] } })).filter((c) =>
      (c.Labels['org.asynclab.run'] ?? '').startsWith('isolation/'),
    );
    expect(left).toEqual([]);
  });
});
