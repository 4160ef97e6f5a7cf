from unittest.mock import Mock

import pytest

import tcpcheck


@pytest.fixture
def connector():
    fake = Mock()  # expect: sync-mock-awaited
    fake.connect.return_value = True
    return fake


@pytest.mark.asyncio
async def test_all_targets_checked(connector):
    result = await tcpcheck.check_all(connector, [("127.0.0.1", 80)])
    assert result == {("127.0.0.1", 80): True}
