"""The agreement corpus: small assignments of the kinds trainers write, one per answer kind.

Each is graded by stock ``nbgrader autograde`` and by ``autograder grade`` on identical copies
(``harness.py``); ``test_grading_agreement.py`` asserts per grade cell that they agree, and
marks where they do not yet as strict xfails with the reason (``known``), so that every fix of
the boundary flips a test. ``ps1`` is written in the shape of nbgrader's user-guide problem set
(``squares``, ``sum_of_squares``), saved once as nbformat 4.0 (no cell ids) and once as 4.5.
"""

from __future__ import annotations

from builder import SOLVED, Assignment, Part, Test

# A value that says it equals anything: the oldest way to forge a test.
LIAR = """
class _Anything(list):
    def __eq__(self, other):
        return True
    def __ne__(self, other):
        return False
    def __bool__(self):
        return True
    def __gt__(self, other):
        return True
    __lt__ = __ge__ = __le__ = __gt__
    def __getattr__(self, name):
        return self
    def __call__(self, *args, **kwargs):
        return self
    def __getitem__(self, key):
        return self
    def __hash__(self):
        return 0
"""

# --------------------------------------------------------------------------------------- ps1

SQUARES = '''def squares(n):
    """The squares of the numbers from 1 to n (a ValueError if n < 1)."""
    ### BEGIN SOLUTION
    if n < 1:
        raise ValueError("n must be at least 1")
    return [i ** 2 for i in range(1, n + 1)]
    ### END SOLUTION'''

SUM_OF_SQUARES = '''def sum_of_squares(n):
    """The sum of the squares of the numbers from 1 to n, using squares()."""
    ### BEGIN SOLUTION
    return sum(squares(n))
    ### END SOLUTION'''

USES_SQUARES = '''"""Check that sum_of_squares relies on squares."""
orig_squares = squares
del squares
try:
    sum_of_squares(1)
except NameError:
    pass
else:
    raise AssertionError("sum_of_squares does not use squares")
finally:
    squares = orig_squares'''


def ps1(minor: int) -> Assignment:
    return Assignment(
        name=f"ps1_v4{minor}",
        title="Problem set 1",
        nbformat_minor=minor,
        parts=[
            Part(
                "squares",
                "## Part A (2 points)\n\nWrite `squares(n)`: the list of the squares of 1 to n. "
                "If n is smaller than 1, raise a `ValueError`.",
                SQUARES,
                [
                    Test(
                        "correct_squares",
                        '"""Check that squares returns the correct output."""\n'
                        "assert squares(1) == [1]\nassert squares(2) == [1, 4]\n"
                        "assert squares(10) == [1, 4, 9, 16, 25, 36, 49, 64, 81, 100]\n"
                        "### BEGIN HIDDEN TESTS\n"
                        "assert squares(11) == [1, 4, 9, 16, 25, 36, 49, 64, 81, 100, 121]\n"
                        "### END HIDDEN TESTS",
                        1,
                        "list result",
                    ),
                    Test(
                        "squares_invalid_input",
                        '"""Check that squares raises an error for invalid inputs."""\n'
                        "try:\n    squares(0)\nexcept ValueError:\n    pass\nelse:\n"
                        "    raise AssertionError('did not raise')\n"
                        "### BEGIN HIDDEN TESTS\n"
                        "try:\n    squares(-4)\nexcept ValueError:\n    pass\nelse:\n"
                        "    raise AssertionError('did not raise')\n"
                        "### END HIDDEN TESTS",
                        1,
                        "expected exception (try/except)",
                    ),
                ],
            ),
            Part(
                "sum_of_squares",
                "## Part B (2 points)\n\nUsing `squares`, write `sum_of_squares(n)`.",
                SUM_OF_SQUARES,
                [
                    Test(
                        "correct_sum_of_squares",
                        "assert sum_of_squares(1) == 1\nassert sum_of_squares(2) == 5\n"
                        "### BEGIN HIDDEN TESTS\nassert sum_of_squares(10) == 385\n"
                        "### END HIDDEN TESTS",
                        1,
                        "int result",
                    ),
                    Test("sum_of_squares_uses_squares", USES_SQUARES, 1, "test deletes a name"),
                ],
            ),
            Part(
                "sum_of_squares_equation",
                "## Part C (1 point)\n\nWrite the sum of squares as an equation.",
                "$\\sum_{i=1}^n i^2$",
                [],
                manual_points=1,
                markdown=True,
            ),
        ],
        states={
            "submitted-alternative-correct": {
                "squares": "def squares(n):\n    if not n >= 1:\n        raise ValueError(n)\n"
                "    out = []\n    for i in range(n):\n        out.append((i + 1) * (i + 1))\n"
                "    return out",
                "sum_of_squares": "def sum_of_squares(n):\n    total = 0\n"
                "    for s in squares(n):\n        total += s\n    return total",
            },
            "submitted-partial": {
                "squares": SOLVED,
                "sum_of_squares": "def sum_of_squares(n):\n    return n * (n + 1) * (2 * n + 1) // 6",
            },
            "submitted-erroring": {
                "squares": "def squares(n):\n    return [i ** 2 for i in range(1, n + 1)]\n"
                "squares(None)",
            },
            "submitted-forging": {
                "squares": LIAR + "\ndef squares(n):\n    return _Anything()",
                "sum_of_squares": LIAR + "\ndef sum_of_squares(n):\n    squares(n)\n"
                "    return _Anything()",
            },
        },
        # honest: the forged sum_of_squares does call squares (the NameError test)
        forging_cap={"sum_of_squares_uses_squares": 1},
    )


# ------------------------------------------------------------------------------------ errors

PARSE_AGE = '''def parse_age(text):
    """An age in whole years from a form field; a ValueError unless it is 0 to 150."""
    ### BEGIN SOLUTION
    age = int(text)
    if not 0 <= age <= 150:
        raise ValueError(f"age {age} is not between 0 and 150")
    return age
    ### END SOLUTION'''

CONSENT = '''### BEGIN SOLUTION
class ConsentError(ValueError):
    """An answer to the consent question that is neither yes nor no."""


def record_consent(answer):
    answer = answer.strip().lower()
    if answer not in ("yes", "no"):
        raise ConsentError(f"not an answer: {answer!r}")
    return answer == "yes"
### END SOLUTION'''

ERRORS = Assignment(
    name="errors",
    title="Errors: refusing bad input",
    parts=[
        Part(
            "parse_age",
            "## Part 1 (3 points)\n\nWrite `parse_age(text)`.",
            PARSE_AGE,
            [
                Test(
                    "age_values",
                    "assert parse_age('42') == 42\nassert parse_age(' 7 ') == 7",
                    1,
                    "int result",
                ),
                Test(
                    "age_try_except",
                    "try:\n    parse_age('-3')\nexcept ValueError:\n    pass\nelse:\n"
                    "    raise AssertionError('-3 accepted')",
                    1,
                    "expected exception (try/except)",
                ),
                Test(
                    "age_pytest_raises",
                    "import pytest\n\nwith pytest.raises(ValueError):\n    parse_age('abc')\n"
                    "### BEGIN HIDDEN TESTS\nwith pytest.raises(ValueError):\n    parse_age('200')\n"
                    "### END HIDDEN TESTS",
                    1,
                    "expected exception (pytest.raises)",
                ),
            ],
        ),
        Part(
            "consent",
            "## Part 2 (1 point)\n\nDefine `ConsentError`, a kind of `ValueError`, and "
            "`record_consent(answer)`.",
            CONSENT,
            [
                Test(
                    "consent_subclass",
                    "assert issubclass(ConsentError, ValueError)\n"
                    "assert record_consent(' Yes') is True and record_consent('no') is False\n"
                    "try:\n    record_consent('maybe')\nexcept ConsentError as exc:\n"
                    "    assert isinstance(exc, ValueError)\nelse:\n"
                    "    raise AssertionError('maybe accepted')",
                    1,
                    "learner's ValueError subclass",
                ),
            ],
        ),
    ],
    states={
        "submitted-alternative-correct": {
            "parse_age": "def parse_age(text):\n    value = int(text.strip())\n"
            "    if value < 0 or value > 150:\n        raise ValueError('out of range')\n"
            "    return value",
            "consent": "class ConsentError(ValueError):\n    pass\n\n"
            "ANSWERS = {'yes': True, 'no': False}\n\n"
            "def record_consent(answer):\n    try:\n        return ANSWERS[answer.strip().lower()]\n"
            "    except KeyError:\n        raise ConsentError(answer) from None",
        },
        "submitted-partial": {
            "parse_age": "def parse_age(text):\n    return int(text)",
            "consent": SOLVED,
        },
        "submitted-forging": {
            "parse_age": LIAR + "\ndef parse_age(text):\n    return _Anything()",
            "consent": "class _Meta(type):\n    def __instancecheck__(cls, obj):\n        return True\n"
            "    def __subclasscheck__(cls, sub):\n        return True\n\n"
            "class ConsentError(Exception, metaclass=_Meta):\n    pass\n\n"
            "def record_consent(answer):\n    raise ConsentError(answer)",
        },
    },
)

# ------------------------------------------------------------------------------------ spies

FIB = '''def fib(n):
    """The n-th Fibonacci number, computed by calling fib itself."""
    ### BEGIN SOLUTION
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
    ### END SOLUTION'''

AVERAGE = '''def total(xs):
    ### BEGIN SOLUTION
    return sum(xs)
    ### END SOLUTION


def average(xs):
    """The mean of xs, using total()."""
    ### BEGIN SOLUTION
    return total(xs) / len(xs)
    ### END SOLUTION'''

SPIES = Assignment(
    name="spies",
    title="Recursion, checked by a spy",
    parts=[
        Part(
            "fib",
            "## Part 1 (2 points)\n\nWrite `fib(n)` recursively.",
            FIB,
            [
                Test(
                    "fib_values",
                    "assert [fib(i) for i in range(8)] == [0, 1, 1, 2, 3, 5, 8, 13]",
                    1,
                    "int result",
                ),
                Test(
                    "fib_is_recursive",
                    "calls = []\nreal_fib = fib\n\ndef fib(n):\n    calls.append(n)\n"
                    "    return real_fib(n)\n\ntry:\n    assert real_fib(5) == 5\n"
                    "    assert len(calls) > 1, 'fib does not call itself'\nfinally:\n"
                    "    fib = real_fib",
                    1,
                    "spy rebinds a recursive function",
                ),
            ],
        ),
        Part(
            "average",
            "## Part 2 (2 points)\n\nWrite `total(xs)` and `average(xs)` (which uses `total`).",
            AVERAGE,
            [
                Test("average_values", "assert average([1, 2, 3, 6]) == 3.0", 1, "float result"),
                Test(
                    "average_uses_total",
                    "real_total = total\ntotal = lambda xs: 100\ntry:\n"
                    "    assert average([1, 2]) == 50\nfinally:\n    total = real_total",
                    1,
                    "test rebinds a helper",
                ),
            ],
        ),
    ],
    states={
        "submitted-alternative-correct": {
            "fib": "def fib(n):\n    return n if n < 2 else fib(n - 2) + fib(n - 1)",
            "average": "def total(xs):\n    t = 0\n    for x in xs:\n        t += x\n    return t\n\n"
            "def average(xs):\n    return total(xs) / float(len(xs))",
        },
        "submitted-partial": {
            "fib": "def fib(n):\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n"
            "    return a",
            "average": "def total(xs):\n    return sum(xs)\n\ndef average(xs):\n"
            "    return sum(xs) / len(xs)",
        },
        "submitted-forging": {
            "fib": LIAR + "\ndef fib(n):\n    return _Anything()",
            "average": LIAR + "\ndef total(xs):\n    return 0\n\ndef average(xs):\n"
            "    return _Anything()",
        },
    },
)

# ----------------------------------------------------------------------------------- objects

ACCOUNT = """### BEGIN SOLUTION
class BankAccount:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit a positive amount")
        self.balance += amount

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError("not enough money")
        self.balance -= amount
### END SOLUTION"""

OBJECTS = Assignment(
    name="objects",
    title="A class of your own",
    parts=[
        Part(
            "account_class",
            "## Part 1 (2 points)\n\nWrite a class `BankAccount(owner, balance=0)` with "
            "`deposit` and `withdraw`.",
            ACCOUNT,
            [
                Test(
                    "account_methods",
                    "acct = BankAccount('Sari')\nacct.deposit(100)\nacct.withdraw(30)\n"
                    "assert acct.balance == 70\nassert acct.owner == 'Sari'",
                    1,
                    "learner's class (methods, state)",
                ),
                Test(
                    "account_refuses",
                    "acct = BankAccount('Budi', 10)\ntry:\n    acct.withdraw(50)\n"
                    "except ValueError:\n    pass\nelse:\n    raise AssertionError('overdrawn')\n"
                    "assert acct.balance == 10",
                    1,
                    "learner's class (exception from a method)",
                ),
            ],
        ),
        Part(
            "savings",
            "## Part 2 (1 point)\n\nOpen `savings`, an account of Dewi's with 500, and deposit 250.",
            "### BEGIN SOLUTION\nsavings = BankAccount('Dewi', 500)\nsavings.deposit(250)\n"
            "### END SOLUTION",
            [
                Test(
                    "savings_instance",
                    "assert isinstance(savings, BankAccount)\nassert savings.balance == 750",
                    1,
                    "instance as the answer",
                ),
            ],
        ),
    ],
    states={
        "submitted-alternative-correct": {
            "account_class": "class BankAccount:\n    def __init__(self, owner, balance=0):\n"
            "        self.owner, self._cents = owner, balance * 100\n\n    @property\n"
            "    def balance(self):\n        return self._cents / 100\n\n"
            "    def deposit(self, amount):\n        assert amount > 0\n"
            "        self._cents += amount * 100\n\n    def withdraw(self, amount):\n"
            "        if amount * 100 > self._cents:\n            raise ValueError(amount)\n"
            "        self._cents -= amount * 100",
            "savings": "savings = BankAccount(owner='Dewi', balance=250)\nsavings.deposit(500)",
        },
        "submitted-partial": {
            "account_class": "class BankAccount:\n    def __init__(self, owner, balance=0):\n"
            "        self.owner, self.balance = owner, balance\n\n    def deposit(self, amount):\n"
            "        self.balance += amount\n\n    def withdraw(self, amount):\n"
            "        self.balance -= amount",
            "savings": SOLVED,
        },
        "submitted-forging": {
            "account_class": LIAR + "\nclass BankAccount:\n    def __init__(self, *a, **k):\n"
            "        pass\n    def __getattr__(self, name):\n        return _Anything()",
            "savings": "class _Fake:\n    __class__ = property(lambda self: BankAccount)\n"
            "    balance = _Anything()\n\nsavings = _Fake()",
        },
    },
)

# --------------------------------------------------------------------------------- callables

CALLABLES = Assignment(
    name="callables",
    title="Functions that make and take functions",
    parts=[
        Part(
            "countdown",
            "## Part 1 (1 point)\n\nWrite a generator `countdown(n)`: n, n-1, ..., 1.",
            "def countdown(n):\n    ### BEGIN SOLUTION\n    while n > 0:\n        yield n\n"
            "        n -= 1\n    ### END SOLUTION",
            [
                Test(
                    "countdown_values",
                    "import types\n\nassert list(countdown(3)) == [3, 2, 1]\n"
                    "assert isinstance(countdown(2), types.GeneratorType)\n"
                    "gen = countdown(2)\nassert next(gen) == 2 and next(gen) == 1",
                    1,
                    "generator",
                ),
            ],
        ),
        Part(
            "multiplier",
            "## Part 2 (1 point)\n\nWrite `make_multiplier(k)`, which returns a function.",
            "def make_multiplier(k):\n    ### BEGIN SOLUTION\n    def times(x):\n"
            "        return k * x\n    return times\n    ### END SOLUTION",
            [
                Test(
                    "multiplier_closure",
                    "triple = make_multiplier(3)\nassert triple(4) == 12\n"
                    "assert make_multiplier(0)(5) == 0",
                    1,
                    "returned closure",
                ),
            ],
        ),
        Part(
            "apply",
            "## Part 3 (1 point)\n\nWrite `apply_to_all(f, xs)`: f applied to each of xs.",
            "def apply_to_all(f, xs):\n    ### BEGIN SOLUTION\n    return [f(x) for x in xs]\n"
            "    ### END SOLUTION",
            [
                Test(
                    "apply_lambda",
                    "assert apply_to_all(lambda x: x + 1, [1, 2]) == [2, 3]\n"
                    "assert apply_to_all(str.upper, ['a']) == ['A']",
                    1,
                    "lambda passed by the test",
                ),
            ],
        ),
        Part(
            "cached",
            "## Part 4 (1 point)\n\nWrite `slow_square(n)`, cached with `functools.lru_cache`.",
            "import functools\n\n### BEGIN SOLUTION\n@functools.lru_cache(maxsize=None)\n"
            "def slow_square(n):\n    return n * n\n### END SOLUTION",
            [
                Test(
                    "cached_hits",
                    "slow_square.cache_clear()\nassert slow_square(3) == 9\n"
                    "assert slow_square(3) == 9\nassert slow_square.cache_info().hits == 1",
                    1,
                    "functools.lru_cache function",
                ),
            ],
        ),
    ],
    states={
        "submitted-alternative-correct": {
            "countdown": "def countdown(n):\n    yield from range(n, 0, -1)",
            "multiplier": "def make_multiplier(k):\n    return lambda x: x * k",
            "apply": "def apply_to_all(f, xs):\n    return list(map(f, xs))",
            "cached": "from functools import lru_cache\n\n@lru_cache\ndef slow_square(n):\n"
            "    return n ** 2",
        },
        "submitted-partial": {
            "countdown": "def countdown(n):\n    return list(range(n, 0, -1))",
            "multiplier": SOLVED,
            "apply": SOLVED,
        },
        "submitted-forging": {
            "countdown": LIAR + "\ndef countdown(n):\n    return _Anything()",
            "multiplier": LIAR + "\ndef make_multiplier(k):\n    return _Anything()",
            "apply": LIAR + "\ndef apply_to_all(f, xs):\n    return _Anything()",
            "cached": LIAR + "\nslow_square = _Anything()",
        },
    },
)

# -------------------------------------------------------------------------------- containers

CONTAINERS = Assignment(
    name="containers",
    title="Sets, counters and dictionaries",
    parts=[
        Part(
            "unique",
            "## Part 1 (1 point)\n\nWrite `unique_words(text)`: the set of its lower-case words.",
            "def unique_words(text):\n    ### BEGIN SOLUTION\n"
            "    return set(text.lower().split())\n    ### END SOLUTION",
            [
                Test(
                    "unique_set",
                    "assert unique_words('a b A') == {'a', 'b'}\n"
                    "assert type(unique_words('x')) is set",
                    1,
                    "set",
                ),
            ],
        ),
        Part(
            "counts",
            "## Part 2 (1 point)\n\nWrite `word_counts(text)`, a `collections.Counter`.",
            "from collections import Counter\n\n\ndef word_counts(text):\n"
            "    ### BEGIN SOLUTION\n    return Counter(text.split())\n    ### END SOLUTION",
            [
                Test(
                    "counts_counter",
                    "from collections import Counter\n\nc = word_counts('a b a')\n"
                    "assert isinstance(c, Counter)\nassert c['a'] == 2 and c['zzz'] == 0\n"
                    "assert c.most_common(1) == [('a', 2)]",
                    1,
                    "collections.Counter",
                ),
            ],
        ),
        Part(
            "groups",
            "## Part 3 (1 point)\n\nWrite `group_by_province(records)`: a "
            "`collections.defaultdict(list)` of values by province.",
            "from collections import defaultdict\n\n\ndef group_by_province(records):\n"
            "    ### BEGIN SOLUTION\n    out = defaultdict(list)\n"
            "    for province, value in records:\n        out[province].append(value)\n"
            "    return out\n    ### END SOLUTION",
            [
                Test(
                    "groups_defaultdict",
                    "g = group_by_province([('Aceh', 1), ('Bali', 2), ('Aceh', 3)])\n"
                    "assert g['Aceh'] == [1, 3]\nassert g['Papua'] == []\n"
                    "assert isinstance(g, dict)",
                    1,
                    "dict subclass (defaultdict)",
                ),
            ],
        ),
    ],
    states={
        "submitted-alternative-correct": {
            "unique": "def unique_words(text):\n    return {w.lower() for w in text.split()}",
            "counts": "import collections\n\ndef word_counts(text):\n"
            "    c = collections.Counter()\n    for w in text.split():\n        c[w] += 1\n"
            "    return c",
            "groups": "import collections\n\ndef group_by_province(records):\n"
            "    out = collections.defaultdict(list)\n    for p, v in records:\n"
            "        out[p] = out[p] + [v]\n    return out",
        },
        "submitted-partial": {
            "unique": SOLVED,
            "counts": "def word_counts(text):\n    out = {}\n    for w in text.split():\n"
            "        out[w] = out.get(w, 0) + 1\n    return out",
        },
        "submitted-forging": {
            "unique": LIAR + "\ndef unique_words(text):\n    return _Anything()",
            "counts": "from collections import Counter\n" + LIAR + "\nclass _C(dict):\n"
            "    __class__ = Counter\n    def __getitem__(self, k):\n        return 2 if k == 'a' else 0\n"
            "    def most_common(self, n):\n        return [('a', 2)]\n\n"
            "def word_counts(text):\n    return _C()",
            "groups": LIAR + "\ndef group_by_province(records):\n    return _Anything()",
        },
    },
)

# ------------------------------------------------------------------------------------ frames

FRAMES_SETUP = """import numpy as np
import pandas as pd

sales = pd.DataFrame(
    {
        "date": pd.date_range("2026-01-01", periods=14, freq="D"),
        "province": ["Bali", "Aceh"] * 7,
        "district": ["Badung", "Banda Aceh", "Gianyar", "Banda Aceh"] * 3 + ["Badung", "Pidie"],
        "amount": [10 * (i + 1) for i in range(14)],
    }
)"""

FRAMES = Assignment(
    name="frames",
    title="Time series and grouped tables",
    setup=FRAMES_SETUP,
    parts=[
        Part(
            "daily",
            "## Part 1 (1 point)\n\nMake `daily`: `sales` indexed by its date.",
            "### BEGIN SOLUTION\ndaily = sales.set_index('date')\n### END SOLUTION",
            [
                Test(
                    "daily_datetimeindex",
                    "assert isinstance(daily.index, pd.DatetimeIndex)\n"
                    "assert daily.loc['2026-01-03', 'amount'] == 30\nassert len(daily) == 14",
                    1,
                    "DataFrame with DatetimeIndex",
                ),
            ],
        ),
        Part(
            "weekly",
            "## Part 2 (1 point)\n\nWrite `weekly_total(df)`: the weekly sum of `amount`, a "
            "Series indexed by week (weeks ending on Sunday).",
            "def weekly_total(df):\n    ### BEGIN SOLUTION\n"
            "    return df['amount'].resample('W').sum()\n    ### END SOLUTION",
            [
                Test(
                    "weekly_series",
                    "w = weekly_total(daily)\nassert isinstance(w, pd.Series)\n"
                    "assert isinstance(w.index, pd.DatetimeIndex)\n"
                    "assert w.iloc[0] == 100 and w.iloc[1] == 560",
                    1,
                    "Series with DatetimeIndex",
                ),
            ],
        ),
        Part(
            "regions",
            "## Part 3 (1 point)\n\nMake `by_region`: total `amount` by province and district.",
            "### BEGIN SOLUTION\nby_region = sales.groupby(['province', 'district'])['amount'].sum()\n"
            "### END SOLUTION",
            [
                Test(
                    "regions_multiindex",
                    "assert by_region.index.nlevels == 2\n"
                    "assert by_region.loc[('Bali', 'Badung')] == 10 + 50 + 90 + 130\n"
                    "assert by_region.loc['Aceh'].sum() == sum(10 * i for i in range(2, 15, 2))",
                    1,
                    "Series with MultiIndex",
                ),
            ],
        ),
        Part(
            "arrays",
            "## Part 4 (2 points)\n\nWrite `upper_names(names)` (a NumPy array of strings) and "
            "`days_left(deadlines, today)` (NumPy `datetime64[D]` in, `timedelta64[D]` out).",
            "def upper_names(names):\n    ### BEGIN SOLUTION\n    return np.char.upper(names)\n"
            "    ### END SOLUTION\n\n\ndef days_left(deadlines, today):\n"
            "    ### BEGIN SOLUTION\n    return deadlines - np.datetime64(today, 'D')\n"
            "    ### END SOLUTION",
            [
                Test(
                    "arrays_strings",
                    "out = upper_names(np.array(['ayu', 'budi']))\n"
                    "assert out.dtype.kind == 'U'\nassert out.tolist() == ['AYU', 'BUDI']",
                    1,
                    "string array",
                ),
                Test(
                    "arrays_datetimes",
                    "d = np.array(['2026-03-01', '2026-03-11'], dtype='datetime64[D]')\n"
                    "left = days_left(d, '2026-02-27')\n"
                    "assert left.dtype == np.dtype('timedelta64[D]')\n"
                    "assert left.astype(int).tolist() == [2, 12]",
                    1,
                    "datetime array",
                ),
            ],
        ),
    ],
    states={
        "submitted-alternative-correct": {
            "daily": "daily = sales.copy()\ndaily.index = pd.DatetimeIndex(daily.pop('date'))",
            "weekly": "def weekly_total(df):\n    return df.groupby(pd.Grouper(freq='W'))['amount'].sum()",
            "regions": "by_region = sales.pivot_table(index=['province', 'district'], "
            "values='amount', aggfunc='sum')['amount']",
            "arrays": "def upper_names(names):\n    return np.array([n.upper() for n in names])\n\n"
            "def days_left(deadlines, today):\n"
            "    return (deadlines - np.datetime64(today)).astype('timedelta64[D]')",
        },
        "submitted-partial": {
            "daily": SOLVED,
            "regions": "by_region = sales.groupby('province')['amount'].sum()",
        },
        "submitted-forging": {
            "daily": LIAR + "\ndaily = _Anything()",
            "weekly": LIAR + "\ndef weekly_total(df):\n    return _Anything()",
            "regions": LIAR + "\nby_region = _Anything()",
            "arrays": LIAR + "\ndef upper_names(names):\n    return _Anything()\n\n"
            "def days_left(d, t):\n    return _Anything()",
        },
    },
)

# ------------------------------------------------------------------------------------ models

MODELS_SETUP = """import numpy as np
from sklearn.linear_model import LogisticRegression

rng = np.random.default_rng(0)
X = rng.normal(size=(200, 2))
y = (X[:, 0] + X[:, 1] > 0).astype(int)"""

MODELS = Assignment(
    name="models",
    title="A fitted model as the answer",
    setup=MODELS_SETUP,
    parts=[
        Part(
            "model",
            "## Part 1 (1 point)\n\nFit `model`, a `LogisticRegression`, on `X` and `y`.",
            "### BEGIN SOLUTION\nmodel = LogisticRegression().fit(X, y)\n### END SOLUTION",
            [
                Test(
                    "model_predicts",
                    "assert model.predict(np.array([[2.0, 2.0]]))[0] == 1\n"
                    "assert (model.predict(X) == y).mean() > 0.9",
                    1,
                    "fitted model in a global (.predict)",
                ),
            ],
        ),
        Part(
            "train",
            "## Part 2 (1 point)\n\nWrite `train(X, y)`, which returns a fitted classifier.",
            "def train(X, y):\n    ### BEGIN SOLUTION\n    return LogisticRegression().fit(X, y)\n"
            "    ### END SOLUTION",
            [
                Test(
                    "train_returns_model",
                    "m = train(X, y)\nassert m.predict(np.array([[-2.0, -2.0]]))[0] == 0\n"
                    "assert (m.predict(X) == y).mean() > 0.9",
                    1,
                    "fitted model returned (.predict)",
                ),
            ],
        ),
    ],
    states={
        "submitted-alternative-correct": {
            "model": "from sklearn.neighbors import KNeighborsClassifier\n\n"
            "model = KNeighborsClassifier(n_neighbors=5)\nmodel.fit(X, y)",
            "train": "from sklearn.tree import DecisionTreeClassifier\n\ndef train(X, y):\n"
            "    clf = DecisionTreeClassifier(random_state=0)\n    clf.fit(X, y)\n    return clf",
        },
        "submitted-partial": {
            "model": SOLVED,
            "train": "def train(X, y):\n    return LogisticRegression()",
        },
        "submitted-forging": {
            "model": LIAR
            + "\nclass _Model:\n    def predict(self, X):\n        return _Anything()\n\n"
            "model = _Model()",
            "train": LIAR + "\ndef train(X, y):\n    return _Anything()",
        },
    },
)

# ------------------------------------------------------------------------------------- plots

PLOTS_SETUP = """import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

incomes = [1.5, 2.0, 2.2, 3.1, 3.3, 3.4, 4.0, 5.5, 6.1, 8.0]"""

PLOTS = Assignment(
    name="plots",
    title="Charts that say what they show",
    setup=PLOTS_SETUP,
    parts=[
        Part(
            "bar",
            "## Part 1 (1 point)\n\nWrite `plot_rates(rates)`: a bar chart of a dict, titled "
            "'Approval rate', returned as a matplotlib Figure.",
            "def plot_rates(rates):\n    ### BEGIN SOLUTION\n    fig, ax = plt.subplots()\n"
            "    ax.bar(list(rates), list(rates.values()))\n    ax.set_title('Approval rate')\n"
            "    return fig\n    ### END SOLUTION",
            [
                Test(
                    "bar_returned_figure",
                    "fig = plot_rates({'a': 0.5, 'b': 0.7})\nax = fig.axes[0]\n"
                    "assert ax.get_title() == 'Approval rate'\nassert len(ax.patches) == 2",
                    1,
                    "matplotlib figure returned",
                ),
            ],
        ),
        Part(
            "line",
            "## Part 2 (1 point)\n\nDraw [1, 2, 3] as a line on new axes `line_ax`, x label 'month'.",
            "### BEGIN SOLUTION\nfig, line_ax = plt.subplots()\nline_ax.plot([1, 2, 3])\n"
            "line_ax.set_xlabel('month')\n### END SOLUTION",
            [
                Test(
                    "line_global_axes",
                    "assert line_ax.get_xlabel() == 'month'\nassert len(line_ax.lines) == 1\n"
                    "assert list(line_ax.lines[0].get_ydata()) == [1, 2, 3]",
                    1,
                    "matplotlib axes in a global",
                ),
            ],
        ),
        Part(
            "hist",
            "## Part 3 (1 point)\n\nStart a new figure (`plt.figure()`) and draw a histogram of "
            "`incomes` with 5 bins with `plt.hist`; label the y axis 'learners'.",
            "### BEGIN SOLUTION\nplt.figure()\nplt.hist(incomes, bins=5)\nplt.ylabel('learners')\n"
            "### END SOLUTION",
            [
                Test(
                    "hist_current_axes",
                    "ax = plt.gca()\nassert len(ax.patches) == 5\nassert ax.get_ylabel() == 'learners'",
                    1,
                    "drawn on plt.gca()",
                ),
            ],
        ),
    ],
    states={
        "submitted-alternative-correct": {
            "bar": "def plot_rates(rates):\n    fig = plt.figure()\n    ax = fig.add_subplot()\n"
            "    names = sorted(rates)\n    ax.bar(names, [rates[n] for n in names])\n"
            "    ax.set(title='Approval rate')\n    return fig",
            "line": "line_ax = plt.figure().gca()\nline_ax.plot([0, 1, 2], [1, 2, 3])\n"
            "line_ax.set(xlabel='month')",
            "hist": "fig, ax = plt.subplots()\nax.hist(incomes, bins=5)\nax.set_ylabel('learners')",
        },
        "submitted-partial": {
            "bar": SOLVED,
            "line": "fig, line_ax = plt.subplots()\nline_ax.plot([1, 2, 3])",
        },
        "submitted-forging": {
            "bar": LIAR + "\ndef plot_rates(rates):\n    return _Anything()",
            "line": LIAR + "\nline_ax = _Anything()",
            "hist": LIAR + "\nplt.gca = lambda: _Anything()",
        },
    },
)

# ----------------------------------------------------------------------------------- effects

EFFECTS = Assignment(
    name="effects",
    title="Side effects: changes, prints, state and files",
    parts=[
        Part(
            "normalise",
            "## Part 1 (1 point)\n\nWrite `normalise(xs)`: divide each of xs by their sum, in "
            "place; return nothing.",
            "def normalise(xs):\n    ### BEGIN SOLUTION\n    total = sum(xs)\n"
            "    for i, x in enumerate(xs):\n        xs[i] = x / total\n    ### END SOLUTION",
            [
                Test(
                    "normalise_in_place",
                    "data = [1.0, 3.0]\nassert normalise(data) is None\nassert data == [0.25, 0.75]",
                    1,
                    "argument changed in place",
                ),
            ],
        ),
        Part(
            "greet",
            "## Part 2 (1 point)\n\nWrite `greet(name)`, which prints `Selamat pagi, <name>!`.",
            "def greet(name):\n    ### BEGIN SOLUTION\n    print(f'Selamat pagi, {name}!')\n"
            "    ### END SOLUTION",
            [
                Test(
                    "greet_prints",
                    "import contextlib\nimport io\n\nbuf = io.StringIO()\n"
                    "with contextlib.redirect_stdout(buf):\n    greet('Ayu')\n"
                    "assert buf.getvalue() == 'Selamat pagi, Ayu!\\n'",
                    1,
                    "printed output captured",
                ),
            ],
        ),
        Part(
            "tickets",
            "## Part 3 (1 point)\n\nWrite `next_ticket()`: 1 on the first call, then 2, 3, ...",
            "### BEGIN SOLUTION\n_last = 0\n\n\ndef next_ticket():\n    global _last\n"
            "    _last += 1\n    return _last\n### END SOLUTION",
            [
                Test(
                    "tickets_state",
                    "a = next_ticket()\nb = next_ticket()\nassert b == a + 1",
                    1,
                    "state kept between calls",
                ),
            ],
        ),
        Part(
            "report",
            "## Part 4 (1 point)\n\nWrite `save_report(path, rows)`: one row per line.",
            "def save_report(path, rows):\n    ### BEGIN SOLUTION\n"
            "    with open(path, 'w') as fh:\n        for row in rows:\n"
            "            fh.write(row + '\\n')\n    ### END SOLUTION",
            [
                Test(
                    "report_file",
                    "save_report('report.txt', ['a', 'b'])\n"
                    "with open('report.txt') as fh:\n    assert fh.read() == 'a\\nb\\n'",
                    1,
                    "file written, read by the test",
                ),
            ],
        ),
        Part(
            "own_check",
            "## Part 5 (2 points, graded by hand)\n\nWrite code that shows one way a score could "
            "harm a group of people.",
            "### BEGIN SOLUTION\nscores = {'village': 0.4, 'city': 0.7}\n"
            "print(max(scores.values()) - min(scores.values()))\n### END SOLUTION",
            [],
            manual_points=2,
        ),
    ],
    states={
        "submitted-alternative-correct": {
            "normalise": "def normalise(xs):\n    s = sum(xs)\n    xs[:] = [x / s for x in xs]",
            "greet": "import sys\n\ndef greet(name):\n    sys.stdout.write('Selamat pagi, ' + name + '!\\n')",
            "tickets": "import itertools\n_counter = itertools.count(1)\n\n"
            "def next_ticket():\n    return next(_counter)",
            "report": "def save_report(path, rows):\n    with open(path, 'w') as fh:\n"
            "        fh.write(''.join(r + '\\n' for r in rows))",
        },
        "submitted-partial": {
            "normalise": "def normalise(xs):\n    s = sum(xs)\n    return [x / s for x in xs]",
            "greet": SOLVED,
        },
        "submitted-forging": {
            "normalise": LIAR + "\ndef normalise(xs):\n    return None",
            "greet": "def greet(name):\n    import builtins\n    builtins.AssertionError = Exception",
            "tickets": LIAR + "\ndef next_ticket():\n    return _Anything()",
            "report": "import builtins\n_real_open = builtins.open\n"
            "builtins.open = lambda *a, **k: __import__('io').StringIO('a\\nb\\n')\n\n"
            "def save_report(path, rows):\n    pass",
        },
    },
)

# ----------------------------------------------------------------------------------- records

RECORDS = Assignment(
    name="records",
    title="Records that compare by value",
    parts=[
        Part(
            "point",
            "## Part 1 (2 points)\n\nWrite `Point(x, y)`, a record whose equal points compare "
            "equal (a dataclass or a named tuple).",
            "from dataclasses import dataclass\n\n### BEGIN SOLUTION\n@dataclass\nclass Point:\n"
            "    x: float\n    y: float\n### END SOLUTION",
            [
                Test(
                    "point_fields",
                    "p = Point(3, 4)\nassert p.x == 3 and p.y == 4",
                    1,
                    "learner's object (fields)",
                ),
                Test(
                    "point_equal",
                    "assert Point(1, 2) == Point(1, 2)\nassert Point(1, 2) != Point(2, 1)",
                    1,
                    "learner's objects compared with ==",
                ),
            ],
        ),
    ],
    states={
        "submitted-alternative-correct": {
            "point": "import collections\n\nPoint = collections.namedtuple('Point', 'x y')",
        },
        "submitted-partial": {
            "point": "class Point:\n    def __init__(self, x, y):\n        self.x, self.y = x, y",
        },
        "submitted-forging": {
            "point": LIAR + "\ndef Point(x, y):\n    return _Anything()",
        },
    },
)

ALL = [
    ps1(0),
    ps1(5),
    ERRORS,
    SPIES,
    OBJECTS,
    CALLABLES,
    CONTAINERS,
    FRAMES,
    MODELS,
    PLOTS,
    EFFECTS,
    RECORDS,
]
BY_NAME = {a.name: a for a in ALL}
