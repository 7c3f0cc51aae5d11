"""The reference boundary (issue 12): the learner's objects as proxies, the tests' objects as
callbacks, and what a learner's side that lies can and cannot make the grader's side do.

A real learner runner (``autograder.learner_run``, no sandbox: the sandbox is tested elsewhere)
runs a small notebook; the grader's half (``bside.Loader``) runs here, in the test process, as
it does in kernel B. A second set of tests puts a forged learner side on the socket.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import types

import pytest

from autograder import bside, proxies
from autograder.proxies import LearnerError

SETUP = "import os\nimport collections\n"

LEARNER = r"""
import functools

class Account:
    rate = 0.05

    def __init__(self, owner, balance=0):
        self.owner, self.balance = owner, balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit a positive amount")
        self.balance += amount
        return self.balance


class Savings(Account):
    pass


class ConsentError(ValueError):
    pass


def record(answer):
    if answer not in ("yes", "no"):
        raise ConsentError(answer)
    return answer == "yes"


_count = 0


def ticket():
    global _count
    _count += 1
    return _count


def countdown(n):
    while n > 0:
        yield n
        n -= 1


def apply(f, xs):
    return [f(x) for x in xs]


def peek(f):
    return [hasattr(f, name) for name in ("__globals__", "__code__", "__closure__", "__dict__")]


def uses_record(answer):
    return record(answer)


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def double(xs):
    for i, x in enumerate(xs):
        xs[i] = 2 * x


def shout(name):
    print("HALO", name)


def save(path, text):
    with open(path, "w") as fh:
        fh.write(text)


def hang():
    import signal
    signal.signal(signal.SIGALRM, signal.SIG_IGN)
    while True:
        pass


def huge():
    return [0.0] * 3_000_000


@functools.lru_cache(maxsize=None)
def square(n):
    return n * n


class _Liar(list):
    def __eq__(self, other):
        return True
    __hash__ = list.__hash__
    def __getattr__(self, name):
        return self


class _Meta(type):
    def __instancecheck__(cls, obj):
        return True
    def __subclasscheck__(cls, sub):
        return True


class Anything(metaclass=_Meta):
    pass


class _Fake:
    __class__ = property(lambda self: Account)


liar = _Liar()
fake = _Fake()
savings = Savings("Dewi", 500)
"""


@pytest.fixture(scope="module")
def learner(tmp_path_factory):
    """A learner runner that has run SETUP and LEARNER, and a grader's namespace loaded from
    it (as kernel B's first answer cell would)."""
    base = tmp_path_factory.mktemp("refs")
    (base / "xchg").mkdir()
    (base / "work").mkdir()
    plan = {
        "xchg": str(base / "xchg"),
        "work": str(base / "work"),
        "files": [],
        "cell_timeout": 10,
        "output_bytes": 100_000,
        "call_timeout": 2,
        "skip": [],
        "cells": [
            {"source": SETUP, "locked": True},
            {"source": LEARNER, "snapshot": "answer"},
        ],
    }
    (base / "plan.json").write_text(json.dumps(plan))
    log = open(base / "a.log", "wb")  # noqa: SIM115 (closed after the module's tests)
    proc = subprocess.Popen(
        [sys.executable, "-m", "autograder.learner_run", str(base / "plan.json")],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while not (base / "xchg" / "ready").exists():
        assert proc.poll() is None, (base / "a.log").read_text()
        assert time.monotonic() < deadline, "the learner runner did not get ready"
        time.sleep(0.05)
    here = os.getcwd()
    os.chdir(base)  # the grader's working directory: files the learner writes arrive here
    ns: dict = {}
    loader = bside.Loader(str(base / "xchg"), 3)
    loader(ns, "answer")
    yield types.SimpleNamespace(ns=ns, loader=loader, base=base)
    os.chdir(here)
    loader.conn.close()
    proc.kill()
    proc.wait()
    log.close()


def test_a_learners_class_and_its_instances(learner):
    ns = learner.ns
    Account, Savings = ns["Account"], ns["Savings"]
    acct = Account("Sari")
    assert acct.deposit(100) == 100 and acct.deposit(20) == 120
    assert acct.balance == 120 and acct.owner == "Sari"
    assert isinstance(acct, Account) and not isinstance(acct, Savings)
    assert isinstance(ns["savings"], Savings) and isinstance(ns["savings"], Account)
    assert issubclass(Savings, Account) and Account.rate == 0.05
    assert type(acct.balance) is int  # a plain value of an exact type
    with pytest.raises(ValueError, match="positive"):
        acct.deposit(-1)


def test_a_learners_exception_class_is_a_real_one(learner):
    ns = learner.ns
    ConsentError, record = ns["ConsentError"], ns["record"]
    assert issubclass(ConsentError, ValueError) and issubclass(ConsentError, Exception)
    assert record("yes") is True and record("no") is False
    with pytest.raises(ConsentError) as info:
        record("maybe")
    assert isinstance(info.value, ValueError) and info.value.args == ("maybe",)


def test_state_is_kept_between_calls(learner):
    ticket = learner.ns["ticket"]
    a = ticket()
    assert ticket() == a + 1


def test_generators_closures_and_cached_functions(learner):
    ns = learner.ns
    gen = ns["countdown"](3)
    assert isinstance(gen, types.GeneratorType)
    assert next(gen) == 3 and list(gen) == [2, 1]
    square = ns["square"]
    square.cache_clear()
    assert square(3) == 9 and square(3) == 9 and square.cache_info().hits == 1


def test_the_tests_functions_are_called_here_and_expose_nothing(learner):
    ns = learner.ns
    seen = []

    def spy(x):
        seen.append(x)
        return x + 1

    assert ns["apply"](spy, [1, 2]) == [2, 3] and seen == [1, 2]
    assert ns["apply"](str.upper, ["a"]) == ["A"]
    # the learner's side holds a callable and nothing else of ours
    assert ns["peek"](spy) == [False, False, False, False]


def test_the_tests_rebinding_reaches_the_learners_code(learner):
    ns = learner.ns
    calls = []
    real = ns["fib"]

    def fib(n):
        calls.append(n)
        return real(n)

    ns["fib"] = fib
    try:
        assert real(5) == 5 and len(calls) > 1
    finally:
        ns["fib"] = real
    calls.clear()
    assert real(4) == 3 and calls == []
    record = ns.pop("record")  # as `del record` in a test cell
    try:
        with pytest.raises(NameError):
            ns["uses_record"]("yes")
    finally:
        ns["record"] = record
    assert ns["uses_record"]("yes") is True


def test_changes_prints_and_files_come_back(learner, capsys):
    ns = learner.ns
    data = [1, 2]
    assert ns["double"](data) is None and data == [2, 4]
    ns["shout"]("Ayu")
    assert capsys.readouterr().out == "HALO Ayu\n"
    ns["save"]("report.txt", "a\nb\n")
    assert (learner.base / "report.txt").read_text() == "a\nb\n"
    ns["save"]("evil.py", "import os")  # could be imported as code here: not copied
    assert not (learner.base / "evil.py").exists()


def test_lies_do_not_cross(learner):
    ns = learner.ns
    liar = ns["liar"]
    assert (liar == [1, 2]) is False and (liar != 3) is True
    assert (liar.anything == 1) is False  # traversal gives more proxies, still no ==
    assert not isinstance(ns["fake"], ns["Account"])  # a forged __class__
    assert not isinstance(1, ns["Anything"]) and not isinstance(ns["savings"], ns["Anything"])
    with pytest.raises(TypeError):
        assert liar < 3


def test_a_call_that_ignores_signals_is_stopped_and_the_next_one_works(learner):
    began = time.monotonic()
    with pytest.raises((LearnerError, RuntimeError)):
        learner.ns["hang"]()
    assert time.monotonic() - began < 10
    assert learner.ns["record"]("yes") is True


def test_an_answer_too_large_is_refused_and_the_next_call_works(learner):
    with pytest.raises(LearnerError):
        learner.ns["huge"]()
    assert learner.ns["record"]("no") is False


# ------------------------------------------------------------------ a forged learner side


def forged_side(tmp_path, answers):
    """A learner's side that answers each request with the next of ``answers`` (or sends a
    request of its own first: a dict with "cb")."""
    xchg = tmp_path / "xchg"
    xchg.mkdir()
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(xchg / "call.sock"))
    server.listen(1)
    got: list[dict] = []

    def run():
        with server:
            conn, _ = server.accept()
        with conn:
            talk(conn)

    def talk(conn):
        buf = b""
        for answer in answers:
            while b"\n" not in buf:
                chunk = conn.recv(65536)
                if not chunk:
                    return
                buf += chunk
            line, _, buf = buf.partition(b"\n")
            msg = json.loads(line)
            got.append(msg)
            if "cb" in answer:
                conn.sendall(json.dumps(dict(answer, id=9999)).encode() + b"\n")
                while b"\n" not in buf:
                    buf += conn.recv(65536)
                line, _, buf = buf.partition(b"\n")
                got.append(json.loads(line))
                answer = {"ok": {"t": "none"}}
            conn.sendall(json.dumps(dict(answer, re=msg["id"])).encode() + b"\n")

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    conn = proxies.Connection(str(xchg), 2)
    OPEN.append(conn)
    return conn, got


OPEN: list = []


@pytest.fixture(autouse=True)
def _close_connections():
    yield
    while OPEN:
        OPEN.pop().close()


REF = {"t": "ref", "oid": 7, "class": None}


@pytest.mark.parametrize(
    "answer,check",
    [
        # a type that claims to be a class of classes, or an exception: not believed
        (dict(REF, type={"oid": 1, "module": "builtins", "name": "type", "bases": []}), "plain"),
        (dict(REF, type={"oid": 1, "module": "builtins", "name": "OSError", "bases": []}), "plain"),
        # a module this side has not imported is not imported for the learner
        (dict(REF, type={"oid": 1, "module": "antigravity", "name": "X", "bases": []}), "shadow"),
        # a name with a path in it, a shadow with an impossible name
        (dict(REF, type={"oid": 1, "module": "__main__", "name": "../x", "bases": []}), "shadow"),
    ],
)
def test_forged_types_are_not_believed(tmp_path, answer, check):
    conn, _ = forged_side(tmp_path, [{"ok": answer}])
    made = conn.op("call", 1, what="f()")
    assert getattr(type(made), "_etika_proxy", False)
    assert not isinstance(made, type) and not isinstance(made, BaseException)
    assert "antigravity" not in sys.modules
    if check == "shadow":
        assert type(made).__module__ == "__main__" and type(made).__name__.isidentifier()


@pytest.mark.parametrize(
    "answer",
    [
        {"ok": {"t": "bref", "oid": 5}},  # one of ours it was never given
        {"ok": {"t": "aref", "oid": 5}},  # our own tag, from the wrong side
        {"ok": {"t": "float", "v": "1e400"}},
        {"ok": {"t": "pickle", "v": "gASV"}},
        {"ok": {"t": "ticks", "dtype": "datetime64[D]", "shape": [1], "v": ["x"]}},
        {"ok": {"t": "timestamp", "v": 0, "unit": "ns", "tz": "../../etc/passwd"}},
    ],
)
def test_forged_answers_are_refused(tmp_path, answer):
    conn, _ = forged_side(tmp_path, [answer])
    with pytest.raises(LearnerError):
        conn.op("call", 1, what="f()")


def test_a_forged_callback_can_call_only_what_the_test_gave(tmp_path):
    called = []
    conn, got = forged_side(tmp_path, [{"cb": 1, "args": [{"t": "int", "v": "4"}]}])
    # nothing given yet: the learner's side asks to call "our object 1"
    assert conn.op("call", 1, what="f()") is None
    assert got[1]["error"].startswith("not a function the tests gave")
    (tmp_path / "b").mkdir()
    conn2, got2 = forged_side(tmp_path / "b", [{"cb": 1, "args": [{"t": "int", "v": "4"}]}])
    assert conn2.op("call", 1, args=(lambda x: called.append(x),), what="f()") is None
    assert called == [4] and got2[1]["ok"] == {"t": "none"}


def test_an_unanswered_request_is_named_not_hung(tmp_path):
    conn, _ = forged_side(tmp_path, [])
    began = time.monotonic()
    with pytest.raises(LearnerError):
        conn.op("call", 1, what="f()")
    assert time.monotonic() - began < 6
    with pytest.raises(LearnerError, match="no longer answers"):
        conn.op("call", 1, what="f()")
