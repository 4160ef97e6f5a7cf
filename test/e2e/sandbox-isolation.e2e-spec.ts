// Learner code cannot hurt the host or other learners: what the sandbox lets a test see and do,
// checked from inside a real container, and the limits that stop a run that misbehaves. Every
// test runs for a warm sandbox from the pool and for one started for the run, under runc and,
// where the engine has it registered, gVisor (runsc).
import { execFileSync } from 'node:child_process';
import { loadAppConfig } from '@asynclab/config';
import { createSandboxDriver, dockerClient, SANDBOX_LABEL, SandboxRequest, warmRunLabel } from '@asynclab/sandbox';

const config = loadAppConfig();
const docker = dockerClient(config.sandbox);
const runtimes = execFileSync('docker', ['info', '--format', '{{json .Runtimes}}']).toString().includes('"runsc"')
  ? ['runc', 'runsc']
  : ['runc'];
const modes = runtimes.flatMap((runtime) => [
  { name: `${runtime}, warm sandbox from the pool`, runtime, poolSize: 1 },
  { name: `${runtime}, sandbox started for the run`, runtime, poolSize: 0 },
]);

const request = (runId: string, files: Record<string, string>): SandboxRequest => ({
  runId: `isolation/${runId}`,
  files,
  config: { testPaths: [], learnerFiles: Object.keys(files), perTestTimeoutSec: 10, blockingThresholdMs: 100 },
  timeLimitMs: 20_000,
});

describe.each(modes)('the sandbox ($name)', ({ runtime, poolSize }) => {
  const driverWith = (limits: Partial<typeof config.sandbox> = {}) =>
    createSandboxDriver({ ...config.sandbox, runtime, pool: { ...config.sandbox.pool, size: poolSize }, ...limits }, null, docker);

  it('runs learner code with no network, a read-only root, no capabilities and no root user', async () => {
    const sandbox = driverWith();
    const result = await sandbox.run(
      request('inside', {
        'test_inside.py': `import ctypes, os, socket

def test_only_loopback():
    assert [name for _, name in socket.if_nameindex()] == ["lo"]

def test_not_root():
    assert os.getuid() == 10001 and os.getgid() == 10001

def test_no_capabilities():
    status = open("/proc/self/status").read()
    assert "CapEff:\\t0000000000000000" in status
    PR_GET_NO_NEW_PRIVS = 39  # asked of the kernel: gVisor's /proc does not show NoNewPrivs
    assert ctypes.CDLL(None).prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == 1

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
    const left = (await docker.listContainers({ all: true, filters: { label: [`${SANDBOX_LABEL}=true`] } })).filter((c) => {
      const run = c.Labels['org.asynclab.run'] ?? '';
      return run.startsWith('isolation/') || run === warmRunLabel();
    });
    expect(left).toEqual([]);
  });

  it('shows a run nothing of the run before it: no file, no process, not the same container', async () => {
    const sandbox = driverWith();
    const first = await sandbox.run(
      request('leave', {
        'test_leave.py': `import os, socket, subprocess

def test_leave_things_behind():
    open("/tmp/left-behind.txt", "w").write("secret")
    subprocess.Popen(["sleep", "600"], start_new_session=True)
    assert False, "host=" + socket.gethostname()
`,
      }),
    );
    const second = await sandbox.run(
      request('look', {
        'test_look.py': `import os, socket

def test_nothing_left():
    commands = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            commands.append(open(f"/proc/{pid}/cmdline", "rb").read().split(b"\\0")[0])
        except OSError:
            pass
    assert not os.path.exists("/tmp/left-behind.txt")
    assert not os.path.exists("/work/test_leave.py")
    assert b"sleep" not in commands
    assert False, "host=" + socket.gethostname()
`,
      }),
    );
    await sandbox.close();
    const messageOf = (result: typeof first) => (result.status === 'completed' ? (result.report.tests[0]?.message ?? '') : result.status);
    expect(messageOf(first)).toMatch(/host=\w+/);
    expect(messageOf(second)).toMatch(/host=\w+/); // only the last assert failed: nothing was left
    expect(messageOf(second).match(/host=\w+/)?.[0]).not.toEqual(messageOf(first).match(/host=\w+/)?.[0]);
  });

  it('counts the time limit from the start of the learner code, not of the container', async () => {
    const sandbox = driverWith();
    sandbox.warm();
    // A warm sandbox may have waited longer than the whole limit before the run comes.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const timed = (name: string, sleepSec: number) => ({
      ...request(name, { [`test_${name}.py`]: `import time\n\ndef test_sleep():\n    time.sleep(${sleepSec})\n` }),
      timeLimitMs: 2_500,
    });
    const quick = await sandbox.run(timed('quick', 0.5));
    const slow = await sandbox.run(timed('slow', 4));
    await sandbox.close();
    expect(quick).toMatchObject({ status: 'completed', report: { outcome: 'pass' } });
    expect(slow.status).toBe('timeout');
    expect(slow.timings.runMs).toBeGreaterThanOrEqual(2_500);
    expect(slow.timings.runMs).toBeLessThan(4_000);
  });
});
