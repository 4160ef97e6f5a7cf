from unittest import mock

import pytest

from news import Importer


@pytest.mark.asyncio
async def test_every_line_is_handed_over():
    handler = mock.AsyncMock()
    await Importer(handler).run("a\nb\n")
    assert [c.args for c in handler.call_args_list] == [("a",), ("b",)]
