// Learner programs for the e2e tests, each with its bug at a known line.
export const correctNews = {
  'news.py': `import asyncio


async def fetch(source):
    await asyncio.sleep(0.01)
    return f"news from {source}"


async def fetch_all(sources):
    return await asyncio.gather(*(fetch(s) for s in sources))
`,
  'test_news.py': `import pytest
import news


@pytest.mark.asyncio
async def test_fetch_all():
    assert await news.fetch_all(["a", "b"]) == ["news from a", "news from b"]
`,
};

/** never-awaited at news.py:7; silent-pass (assert on a coroutine) at test_news.py:9. */
export const neverAwaitedAndSilentPass = {
  'news.py': `import asyncio

async def log(message):
    await asyncio.sleep(0)

async def fetch(source):
    log(f"fetching {source}")
    await asyncio.sleep(0.01)
    return f"news from {source}"
`,
  'test_news.py': `import pytest
import news

@pytest.mark.asyncio
async def test_fetch():
    assert await news.fetch("a") == "news from a"

def test_fetch_is_truthy():
    assert news.fetch("b")
`,
};

/** Lock re-entry: the inner `async with lock` at news.py:8 waits for a lock its own caller holds. */
export const lockReentryDeadlock = {
  'news.py': `import asyncio

async def update(cache, lock):
    async with lock:
        await refresh(cache, lock)

async def refresh(cache, lock):
    async with lock:
        cache["fresh"] = True
`,
  'test_news.py': `import asyncio
import pytest
import news

@pytest.mark.asyncio
async def test_update():
    cache = {}
    await news.update(cache, asyncio.Lock())
    assert cache["fresh"]
`,
};

/** A busy loop at news.py:3-4 that never yields. */
export const busyLoop = {
  'news.py': `def spin():
    n = 0
    while True:
        n += 1
`,
  'test_news.py': `import news

def test_spin():
    news.spin()

def test_other():
    assert 1 + 1 == 2
`,
};

/** Touches 400 MiB inside a 256 MiB sandbox. */
export const memoryHog = {
  'test_hog.py': `def test_hog():
    blob = b"x" * (400 * 1024 * 1024)
    assert len(blob) > 0
`,
};

/** Sleeps (synchronously) long enough to kill the worker while the sandbox runs. */
export const slowTest = (seconds: number) => ({
  'test_slow.py': `import time

def test_slow():
    time.sleep(${seconds})
`,
});
