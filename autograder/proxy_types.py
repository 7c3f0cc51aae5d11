"""Kernel B's stand-ins for the learner's objects: the proxy, shadow classes, library types.

See ``proxies`` for what crosses and why; this module holds the types. A ``Proxy`` answers
every operation by asking its connection (``proxies.Connection.op``); a learner's class is a
*shadow* made here (``ShadowMeta``) from its name and bases, an exception class a real one;
a library type is this side's own class, found among modules already imported.
"""

from __future__ import annotations

import sys
import types

from autograder import safevalues as sv

NOTE = None  # bside.note, set by bside (a note for the grader in the current cell's outputs)
ALLOWED_DUNDERS = {"__name__", "__qualname__", "__wrapped__", "__annotations__", "__func__"}
ALLOWED_DUNDERS |= {"__self__", "__defaults__", "__kwdefaults__"}
UNREACHABLE_BUILTINS = {
    "function": types.FunctionType,
    "generator": types.GeneratorType,
    "builtin_function_or_method": types.BuiltinFunctionType,
    "method": types.MethodType,
    "coroutine": types.CoroutineType,
    "async_generator": types.AsyncGeneratorType,
    "module": types.ModuleType,
    "code": types.CodeType,
    "mappingproxy": types.MappingProxyType,
}


class LearnerError(Exception):
    """The learner's code failed at the boundary (no answer, an answer that cannot cross)."""


def note(kind: str, name: str, text: str) -> None:
    if NOTE is not None:
        NOTE(kind, name, text)


def _bind(proxy, conn, oid: int, claim) -> None:
    object.__setattr__(proxy, "_etika_ref", (conn, oid, claim))


def _ref(proxy):
    return object.__getattribute__(proxy, "_etika_ref")


def oid_of(obj) -> int | None:
    if getattr(type(obj), "_etika_proxy", False) and not isinstance(obj, type):
        return _ref(obj)[1]
    if isinstance(obj, type) and "_etika_oid" in obj.__dict__:
        return obj.__dict__["_etika_oid"]
    return None


def owner_of(obj):
    if getattr(type(obj), "_etika_proxy", False) and not isinstance(obj, type):
        return _ref(obj)[0]
    if isinstance(obj, type):
        return obj.__dict__.get("_etika_conn")
    return None


def _op(proxy, op, name="", args=(), kwargs=None):
    conn, oid, _ = _ref(proxy)
    return conn.op(op, oid, name, args, kwargs, what=_what(proxy))


def _what(proxy) -> str:
    conn = _ref(proxy)[0]
    for name, value in conn.synced.items():
        if value is proxy:
            return name
    return "the learner's object"


def _exact(value, kinds, op):
    if type(value) not in kinds:
        raise TypeError(
            f"{op} of a learner's object must be {kinds[0].__name__}, not {type(value).__name__}"
        )
    return value


def _compared(proxy, other) -> None:
    if not getattr(type(other), "_etika_proxy", False) or other is not proxy:
        name = _what(proxy)
        if name == "the learner's object" and type(proxy) is not Proxy:
            name = f"a {type(proxy).__name__} object"
        note(
            "compare",
            name,
            "was compared by a test (==, <): the grader compares identity and does not ask "
            "the learner's code (whose __eq__ would see the expected value)",
        )


class Proxy:
    """A learner's object (see the module's docstring). Every name here is the proxy's own."""

    __slots__ = ("__weakref__", "_etika_ref")
    _etika_proxy = True

    @property
    def __class__(self):
        claim = _ref(self)[2]
        return claim if claim is not None else type(self)

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__") and name not in ALLOWED_DUNDERS:
            raise AttributeError(name)
        if name.startswith("_etika"):
            raise AttributeError(name)
        return _op(self, "getattr", name)

    def __setattr__(self, name, value):
        _op(self, "setattr", name, (value,))

    def __delattr__(self, name):
        _op(self, "delattr", name)

    def __call__(self, *args, **kwargs):
        return _op(self, "call", args=args, kwargs=kwargs)

    def __iter__(self):
        it = _op(self, "iter")
        return it if getattr(type(it), "_etika_proxy", False) else iter(it)

    def __next__(self):
        return _op(self, "next")

    def __len__(self):
        return _exact(_op(self, "len"), (int,), "len()")

    def __bool__(self):
        return _exact(_op(self, "bool"), (bool,), "bool()")

    def __contains__(self, item):
        return _exact(_op(self, "contains", args=(item,)), (bool,), "in")

    def __getitem__(self, key):
        return _op(self, "getitem", args=(key,))

    def __setitem__(self, key, value):
        _op(self, "setitem", args=(key, value))

    def __delitem__(self, key):
        _op(self, "delitem", args=(key,))

    def __repr__(self):
        try:
            return _exact(_op(self, "repr"), (str,), "repr()")
        except Exception:
            return "<a learner's object>"

    def __str__(self):
        return _exact(_op(self, "str"), (str,), "str()")

    def __format__(self, spec):
        return _exact(_op(self, "format", args=(spec,)), (str,), "format()")

    def __dir__(self):
        return _exact(_op(self, "dir"), (list,), "dir()")

    def __int__(self):
        return _exact(_op(self, "int"), (int,), "int()")

    def __float__(self):
        return _exact(_op(self, "float"), (float,), "float()")

    def __index__(self):
        return _exact(_op(self, "index"), (int,), "index")

    def __hash__(self):
        return object.__hash__(self)

    def __eq__(self, other):
        if self is other:
            return True
        _compared(self, other)
        return False

    def __ne__(self, other):
        return not self.__eq__(other)

    def __lt__(self, other):
        _compared(self, other)
        return NotImplemented

    __le__ = __gt__ = __ge__ = __lt__

    def __reduce_ex__(self, protocol):
        raise TypeError("a learner's object cannot be copied or pickled by the grader")

    def __neg__(self):
        return _op(self, "unop", "neg")

    def __pos__(self):
        return _op(self, "unop", "pos")

    def __abs__(self):
        return _op(self, "unop", "abs")

    def __invert__(self):
        return _op(self, "unop", "invert")


def _binary(name: str):
    def forward(self, other):
        return _op(self, "binop", name, (other,))

    def reflected(self, other):
        return _op(self, "rbinop", name, (other,))

    return forward, reflected


for _name in ("add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "matmul"):
    _f, _r = _binary(_name)
    setattr(Proxy, f"__{_name}__", _f)
    setattr(Proxy, f"__r{_name}__", _r)
for _name, _dunder in (
    ("lshift", "lshift"),
    ("rshift", "rshift"),
    ("and_", "and"),
    ("or_", "or"),
    ("xor", "xor"),
):
    _f, _r = _binary(_name)
    setattr(Proxy, f"__{_dunder}__", _f)
    setattr(Proxy, f"__r{_dunder}__", _r)


class ShadowMeta(type):
    """The type of a learner's class's shadow: calling it makes an instance on the learner's
    side; a class attribute is read there."""

    def __call__(cls, *args, **kwargs):
        conn, oid = cls.__dict__["_etika_conn"], cls.__dict__["_etika_oid"]
        return conn.op("call", oid, "", args, kwargs, what=f"{cls.__qualname__}()")

    def __getattr__(cls, name):
        if name.startswith("__") and name.endswith("__") and name not in ALLOWED_DUNDERS:
            raise AttributeError(name)
        if name.startswith("_etika") or "_etika_conn" not in cls.__dict__:
            raise AttributeError(name)
        conn, oid = cls.__dict__["_etika_conn"], cls.__dict__["_etika_oid"]
        return conn.op("getattr", oid, name, what=cls.__qualname__)


def _class_shadow(name: str, bases: list) -> type:
    try:
        return ShadowMeta(name, tuple(bases), {"__slots__": (), "__module__": "__main__"})
    except TypeError:  # bases that cannot be combined (an MRO conflict): the proxy alone
        return ShadowMeta(name, (Proxy,), {"__slots__": (), "__module__": "__main__"})


def _exception_shadow(name: str, bases: list) -> type | None:
    try:
        return type(name, tuple(bases), {"__module__": "__main__"})
    except TypeError:
        return None


def _unique(items: list) -> list:
    out = []
    for x in items:
        if x not in out:
            out.append(x)
    return out


def _library_class(doc: dict):
    """The class ``doc`` names, if it is one of this side's own: in a module imported here
    already (no import runs for the learner's side), found by its name, and a class."""
    mod, name = doc.get("module"), doc.get("name")
    if type(mod) is not str or type(name) is not str or mod == "__main__":
        return None
    if mod == "builtins" and name in UNREACHABLE_BUILTINS:
        return UNREACHABLE_BUILTINS[name]
    module = sys.modules.get(mod)
    if module is None or not sv.MODULE.match(name):
        return None
    obj = module
    for part in name.split("."):
        obj = getattr(obj, part, None)  # this side's own modules: no learner code runs
        if obj is None:
            return None
    return obj if isinstance(obj, type) else None


def _claimable(cls) -> bool:
    """A library type a proxy may say it is (for ``isinstance``): never a class of classes
    (a proxy is no class) nor an exception (only real exceptions can be raised)."""
    return (
        isinstance(cls, type)
        and not issubclass(cls, type)
        and not issubclass(cls, BaseException)
        and not getattr(cls, "_etika_proxy", False)
    )
