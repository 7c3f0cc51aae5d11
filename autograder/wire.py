"""One connection between the grader's kernel (B) and the learner's (A): JSON lines, both ways.

B sends requests (an operation on a learner's object) and A answers; while a request is open,
either side may receive a request from the other (A calls a function the test passed; inside
it, the test calls the learner's code again), so ``Channel.request`` serves those until its own
answer arrives. Every request has an id and every answer names it: an answer to a request that
was given up (a timeout) is recognised and dropped. Nothing here decides anything: messages are
data, checked by whoever reads them.
"""

from __future__ import annotations

import json
import socket
import time

LINE_LIMIT = 64 * 1024 * 1024
MAX_NESTING = 60  # requests open at once, both ways together (a spy on a recursive function)


class ChannelClosed(ConnectionError):
    """The other side hung up, answered nothing in time, or sent something unreadable."""


class NoAnswerInTime(ChannelClosed):
    """The other side did not answer in time: the channel still works (a late answer is
    recognised by its id and dropped)."""


class Channel:
    def __init__(self, sock: socket.socket):
        self.sock = sock
        self.buf = b""
        self.next_id = 1
        self.open = 0  # requests of ours still waiting for their answer

    def send(self, msg: dict) -> None:
        try:
            data = json.dumps(msg).encode() + b"\n"
        except (TypeError, ValueError) as exc:
            raise ChannelClosed(f"could not send ({type(exc).__name__})") from None
        if len(data) > LINE_LIMIT:
            raise ChannelClosed("a message too large to send")
        try:
            self.sock.sendall(data)
        except OSError as exc:
            raise ChannelClosed(f"could not send ({type(exc).__name__})") from None

    def answer(self, answer: dict, rid: int) -> None:
        """Send the answer to request ``rid``; one too large to send is answered as an error,
        and the channel goes on."""
        try:
            self.send(dict(answer, re=rid))
        except ChannelClosed as exc:
            if "too large" not in str(exc):
                raise
            text = "an answer too large to send (more than 64 MB)"
            self.send({"error": text, "kinds": [], "message": text, "re": rid})

    def receive(self, deadline: float | None) -> dict:
        while b"\n" not in self.buf:
            if deadline is not None:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise NoAnswerInTime("no answer in time")
                self.sock.settimeout(left)
            else:
                self.sock.settimeout(None)
            try:
                chunk = self.sock.recv(1 << 16)
            except TimeoutError:
                raise NoAnswerInTime("no answer in time") from None
            except OSError as exc:
                raise ChannelClosed(f"connection failed ({type(exc).__name__})") from None
            if not chunk:
                raise ChannelClosed("the other side hung up")
            self.buf += chunk
            if len(self.buf) > LINE_LIMIT:
                raise ChannelClosed("a message too large")
        line, _, self.buf = self.buf.partition(b"\n")
        try:
            msg = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise ChannelClosed("an unreadable message") from None
        if type(msg) is not dict:
            raise ChannelClosed("an unreadable message")
        return msg

    def request(self, msg: dict, serve, deadline: float | None = None) -> dict:
        """Send ``msg`` and return its answer; requests from the other side arriving meanwhile
        go to ``serve(request) -> answer`` (which may itself make requests)."""
        if self.open >= MAX_NESTING:
            raise ChannelClosed("calls nested too deeply between the two sides")
        rid = self.next_id
        self.next_id += 1
        self.send(dict(msg, id=rid))
        self.open += 1
        try:
            while True:
                got = self.receive(deadline)
                if "re" in got:
                    if got["re"] == rid:
                        return got
                    continue  # the answer to a request that was given up
                if type(got.get("id")) is not int:
                    raise ChannelClosed("an unreadable message")
                self.answer(serve(got), got["id"])
        finally:
            self.open -= 1

    def serve_forever(self, serve) -> None:
        """Answer the other side's requests until it hangs up (A's main loop)."""
        while True:
            got = self.receive(None)
            if "re" in got:
                continue
            if type(got.get("id")) is not int:
                raise ChannelClosed("an unreadable message")
            self.answer(serve(got), got["id"])
