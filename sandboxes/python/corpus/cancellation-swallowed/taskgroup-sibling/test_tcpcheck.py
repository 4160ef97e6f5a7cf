import pytest

import tcpcheck


@pytest.mark.asyncio
async def test_one_failure_fails_the_group():
    with pytest.raises(ExceptionGroup):
        await tcpcheck.check_all()
