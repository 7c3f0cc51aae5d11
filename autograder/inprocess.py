"""Run a grading notebook's cells in this process: nbgrader's Execute step without a kernel.

Kernel B (``worker.py``) runs no learner code: its notebook is the release notebook with the
answers replaced by loads of plain values (``bside``), and its tests come from the gradebook.
So B gains nothing from a separate kernel process, and a fresh one costs more than the tests:
about a second to start, and again as long to import pandas and scikit-learn, for every
submission. In a warm slot the worker is forked from a zygote that has imported them already;
``InProcessExecute`` then runs the cells in a fresh IPython shell inside that fork.

It takes the place of ``nbgrader.preprocessors.Execute`` in ``Autograde.autograde_preprocessors``
(nbgrader's own configuration point), and makes the outputs that nbgrader grades from the way an
IPython kernel does: an ``error`` output for an exception (its name, value and traceback), a
``stderr`` stream for whatever the cell writes there, an ``execute_result`` for the value of a
cell's last expression (which nbgrader reads as partial credit). Those three decide a grade
(``nbgrader.utils.determine_grade``), so grades match the kernel's; ``test_grade.py`` and the
benchmark compare them with stock ``nbgrader autograde``.
"""

from __future__ import annotations

import copy
import io
import json
import os
import signal
import sys
import time

from nbformat.v4 import new_output
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Integer

OUTPUT_LIMIT = 4 * 1024 * 1024  # characters kept per stream per cell; LimitOutput trims further


class CellTimeout(Exception):
    """The cell ran past ``InProcessExecute.timeout`` (as a kernel's CellTimeoutError)."""


class _Sink:
    """The outputs of the cell being run, in order; consecutive stream text is joined."""

    def __init__(self):
        self.outputs: list = []

    def stream(self, name: str, text: str) -> None:
        last = self.outputs[-1] if self.outputs else None
        if last is not None and last.output_type == "stream" and last.name == name:
            if len(last.text) < OUTPUT_LIMIT:
                last.text += text[: OUTPUT_LIMIT - len(last.text)]
            return
        self.outputs.append(new_output("stream", name=name, text=text[:OUTPUT_LIMIT]))


class _Stream(io.TextIOBase):
    def __init__(self, sink: _Sink, name: str):
        self.sink, self.name = sink, name

    def writable(self) -> bool:
        return True

    def write(self, s) -> int:
        s = str(s)
        if s:
            self.sink.stream(self.name, s)
        return len(s)


def _shell(sink: _Sink):
    """A fresh IPython shell whose display hook, display publisher and tracebacks go to sink."""
    from IPython.core.displayhook import DisplayHook
    from IPython.core.displaypub import DisplayPublisher
    from IPython.core.interactiveshell import InteractiveShell

    class Hook(DisplayHook):
        def write_output_prompt(self):
            pass

        def write_format_data(self, format_dict, md_dict=None):
            sink.outputs.append(
                new_output(
                    "execute_result",
                    data=format_dict,
                    metadata=md_dict or {},
                    execution_count=self.prompt_count,
                )
            )

        def finish_displayhook(self):
            pass

    class Publisher(DisplayPublisher):
        def publish(self, data, metadata=None, source=None, *, transient=None, update=False):
            sink.outputs.append(new_output("display_data", data=data, metadata=metadata or {}))

        def clear_output(self, wait=False):
            sink.outputs.clear()

    class Shell(InteractiveShell):
        def _showtraceback(self, etype, evalue, stb):
            sink.outputs.append(
                new_output(
                    "error", ename=str(etype.__name__), evalue=str(evalue), traceback=list(stb)
                )
            )

    from traitlets.config import Config

    cfg = Config()
    cfg.HistoryManager.hist_file = ":memory:"  # as nbgrader's kernels: nothing written to HOME
    InteractiveShell.clear_instance()
    shell = Shell.instance(config=cfg, colors="NoColor")
    shell.displayhook = Hook(shell=shell, cache_size=0)
    shell.display_pub = Publisher(shell=shell)
    shell.display_trap.hook = shell.displayhook
    return shell


def _on_alarm(signum, frame):
    raise CellTimeout("the cell ran past its time limit")


# Warm zygote only: notebook name -> the shell that has run the notebook's leading setup
# cells (see ``prepare``), with their sources, outputs and execution counts.
PRELUDES: dict[str, tuple] = {}
PREPARE_SECONDS = 60  # all setup cells together; the zygote must answer "ready" within 120 s


def prepare(path: str) -> None:
    """Run a notebook's leading cells once, in the zygote, for each forked worker to reuse.

    Every submission's grading notebook starts with the same trusted cells: the loader cell and
    the release's setup cells (data generation, a model fit: a third of kernel B's work). The
    parent writes them, with the assignment's files folder, to ``path`` (JSON: ``name``,
    ``cells``, ``cwd``, ``timeout``). ``InProcessExecute`` uses the result only if the notebook
    it grades starts with exactly these sources; a fork gets its own copy of the shell, so no
    submission sees another's state. A cell that fails here means no prelude.
    """
    with open(path, encoding="utf-8") as fh:
        plan = json.load(fh)
    sink = _Sink()
    shell = _shell(sink)
    done = []
    here = os.getcwd()
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    os.chdir(plan["cwd"])
    sys.path.insert(0, plan["cwd"])
    try:
        deadline = time.monotonic() + PREPARE_SECONDS
        for source in plan["cells"]:
            sink.outputs = []
            budget = min(int(plan["timeout"]), int(deadline - time.monotonic()))
            if budget <= 0:
                return
            result = _run(shell, sink, source, budget)
            if not result.success:
                return
            done.append((source, sink.outputs, result.execution_count))
        PRELUDES[plan["name"]] = (shell, sink, done)
    finally:
        sys.path.remove(plan["cwd"])
        os.chdir(here)
        signal.signal(signal.SIGALRM, previous)


def _run(shell, sink: _Sink, source: str, timeout: int):
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Stream(sink, "stdout"), _Stream(sink, "stderr")
    signal.alarm(max(1, timeout))
    try:
        return shell.run_cell(source, store_history=True)
    finally:
        signal.alarm(0)
        sys.stdout, sys.stderr = saved


def _take_prelude(name: str, code_cells: list):
    """The prepared shell for this notebook if it starts with exactly the prepared cells."""
    prelude = PRELUDES.pop(name, None)
    if prelude is None:
        return None
    shell, _, done = prelude
    if len(code_cells) < len(done):
        return None
    if any(cell.source != source for cell, (source, _, _) in zip(code_cells, done, strict=False)):
        return None
    for klass in type(shell).mro():  # make it the current instance, as get_ipython() expects
        if "_instance" in vars(klass):
            klass._instance = shell
    return prelude


class InProcessExecute(NbGraderPreprocessor):
    """Execute code cells in a fresh in-process IPython shell (see the module's docstring)."""

    timeout = Integer(30, help="seconds per cell; a longer cell ends with CellTimeout").tag(
        config=True
    )

    def preprocess(self, nb, resources):
        code = [cell for cell in nb.cells if cell.cell_type == "code"]
        name = (resources or {}).get("unique_key", "")
        prelude = _take_prelude(name, code)
        if prelude is None:
            sink = _Sink()
            shell, ready = _shell(sink), {}
        else:
            shell, sink, done = prelude
            pairs = zip(code, done, strict=False)
            ready = {id(cell): (outputs, n) for cell, (_, outputs, n) in pairs}
        # as a kernel started by nbclient: the notebook's folder is the working directory
        where = (resources or {}).get("metadata", {}).get("path") or os.getcwd()
        here = os.getcwd()
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        os.chdir(where)
        sys.path.insert(0, where)
        try:
            for cell in code:
                if id(cell) in ready:
                    cell.outputs, cell.execution_count = copy.deepcopy(ready[id(cell)])
                    continue
                sink.outputs = []
                result = _run(shell, sink, cell.source, int(self.timeout))
                cell.outputs = sink.outputs
                cell.execution_count = result.execution_count
        finally:
            sys.path.remove(where)
            os.chdir(here)
            signal.signal(signal.SIGALRM, previous)
            from IPython.core.interactiveshell import InteractiveShell

            InteractiveShell.clear_instance()
        return nb, resources
