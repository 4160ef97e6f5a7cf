import socket
import unittest

import tcpcheck


class TcpCheckTests(unittest.TestCase):
    def setUp(self):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.closed_port = s.getsockname()[1]

    def test_port_number_is_valid(self):
        self.assertGreater(self.closed_port, 0)

    async def test_closed_port_is_reported_open(self):  # expect: silent-pass
        self.assertTrue(await tcpcheck.is_open("127.0.0.1", self.closed_port))
