import asyncio


class Monitor:
    """Checks a port every `interval` seconds until stopped, counting the checks."""

    def __init__(self, check, interval=0.01):
        self.check = check
        self.interval = interval
        self.checks = 0
        self.stopped = False

    async def run(self):
        while not self.stopped:
            self.checks += 1
            self.check()
            asyncio.sleep(self.interval)  # expect: never-awaited

    async def stop_after(self, seconds):
        await asyncio.sleep(seconds)
        self.stopped = True


async def monitor_for(check, seconds):
    monitor = Monitor(check)
    stopper = asyncio.create_task(monitor.stop_after(seconds))
    await monitor.run()
    await stopper
    return monitor.checks
