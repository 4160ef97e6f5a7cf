import asyncio

RETRIES = 3


async def health(probe, host, port):
    """'up' when the probe answers within a few tries, 'down' otherwise."""
    for attempt in range(RETRIES):
        try:
            await probe.ping(host, port)
            return "up"
        except Exception:
            await asyncio.sleep(0.001 * attempt)
    return "down"


async def health_all(probe, targets):
    return {t: await health(probe, *t) for t in targets}
