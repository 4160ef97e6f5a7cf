import asyncio

import pytest

import news


class FakeSource:
    def __init__(self, name, titles, delay=0.01):
        self.name, self.titles, self.delay = name, titles, delay

    async def fetch(self):
        await asyncio.sleep(self.delay)
        return list(self.titles)


class FakeAudit:
    """The audit store; `refuse` names the sources whose records it will not accept."""

    def __init__(self, refuse=()):
        self.refuse, self.records = set(refuse), []

    async def record(self, source_name, count):
        await asyncio.sleep(0)  # the round trip to the store
        if source_name in self.refuse:
            raise news.AuditError(f"audit store refused the record for {source_name}")
        self.records.append((source_name, count))


@pytest.mark.asyncio
async def test_every_fetch_is_audited():
    audit = FakeAudit()
    await news.fetch_all([FakeSource("wire", ["a", "b"]), FakeSource("blog", ["c"])], audit)
    assert sorted(audit.records) == [("blog", 1), ("wire", 2)]


@pytest.mark.asyncio
async def test_a_refused_audit_record_fails_the_fetch():
    audit = FakeAudit(refuse={"wire"})
    with pytest.raises(news.AuditError):
        await news.fetch_all([FakeSource("wire", ["a", "b"])], audit)
