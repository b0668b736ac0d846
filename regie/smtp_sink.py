"""A local SMTP server that keeps what it receives: for the integration tests and the
invitation benchmark (aiosmtpd is a test dependency; nothing in the app imports this)."""

from __future__ import annotations

import email
import logging
import socket
import threading
from email.message import Message
from email.policy import default


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SmtpSink:
    def __init__(self):
        self.port = free_port()
        self.berichten: list[Message] = []
        self.ontvangen = threading.Condition()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        bericht = email.message_from_bytes(envelope.content, policy=default)
        with self.ontvangen:
            self.berichten.append(bericht)
            self.ontvangen.notify_all()
        return "250 OK"

    def wacht_op(self, aantal: int, timeout: float = 30) -> list[Message]:
        with self.ontvangen:
            self.ontvangen.wait_for(lambda: len(self.berichten) >= aantal, timeout)
            return list(self.berichten)

    def __enter__(self) -> SmtpSink:
        from aiosmtpd.controller import Controller

        logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every line
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self.controller.stop()
