"""Kernel B's process: stock nbgrader autograde on ONE grading notebook.

``python -m autograder.worker`` runs inside its own sandbox on a scratch course that the parent
(``autograder grade``) prepared: the grading notebook built from the release version (no
learner code in it, see ``grade.build_grading_notebook``), the assignment's data files and a
copy of the gradebook stripped of every learner. The parent then copies the grades into the
real gradebook. This process never sees the real gradebook, the answer key or other learners.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time


def _watch_parent() -> None:
    """Exit (and take the kernel with us) if the parent dies: a killed run leaves no orphans."""
    parent = os.getppid()
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(3)


class _CheckedSchemas:
    """``jsonschema`` for nbgrader's cell-metadata check, with each schema checked once.

    ``jsonschema.validate`` checks the SCHEMA against its meta-schema before every call: for
    nbgrader's one fixed schema that is 90% of the cost, twice per cell of every submission.
    The instance is validated exactly as ``jsonschema.validate`` does (best error raised).
    """

    def __init__(self, real):
        self._real = real
        self._validators: dict[int, tuple] = {}

    def __getattr__(self, name):
        return getattr(self._real, name)

    def validate(self, instance, schema, *args, **kwargs):
        if args or kwargs:
            return self._real.validate(instance, schema, *args, **kwargs)
        held = self._validators.get(id(schema))
        if held is None or held[0] is not schema:
            cls = self._real.validators.validator_for(schema)
            cls.check_schema(schema)
            held = self._validators[id(schema)] = (schema, cls(schema))
        error = self._real.exceptions.best_match(held[1].iter_errors(instance))
        if error is not None:
            raise error


def scratch_grades(db_url: str, course_id: str, aid: str, sid: str) -> dict | None:
    """What autograde recorded for this submission, as plain JSON for the parent: read here,
    where nbgrader's database layer is already loaded, not by the grader once per learner."""
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(db_url, course_id) as gb:
        try:
            sub = gb.find_submission(aid, sid)
        except MissingEntry:
            return None
        return {
            "timestamp": sub.timestamp.isoformat() if sub.timestamp else None,
            "notebooks": {
                nb.name: {
                    "late": nb.late_submission_penalty,
                    "grades": {g.name: [g.auto_score, g.needs_manual_grade] for g in nb.grades},
                    "comments": {c.name: c.auto_comment for c in nb.comments},
                }
                for nb in sub.notebooks
            },
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m autograder.worker")
    parser.add_argument("--scratch", required=True)
    parser.add_argument("--assignment", required=True)
    parser.add_argument("--student", required=True)
    parser.add_argument("--course-id", required=True)
    parser.add_argument("--config", help="the course's nbgrader_config.py")
    parser.add_argument("--timeout", type=int, default=30, help="seconds per cell")
    parser.add_argument(
        "--in-process",
        action="store_true",
        help="run the cells in this process (inprocess.py) instead of a new kernel",
    )
    args = parser.parse_args(argv)
    threading.Thread(target=_watch_parent, daemon=True).start()
    # jsonschema imports rfc3987_syntax (if installed) to check "iri" strings, which no notebook
    # schema uses; building its grammar costs ~1 s per submission
    sys.modules.setdefault("rfc3987_syntax", None)

    import logging

    import nbgrader.nbgraderformat.common as nbformat_common
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config import Config
    from traitlets.config.loader import PyFileConfigLoader

    if not isinstance(nbformat_common.jsonschema, _CheckedSchemas):
        nbformat_common.jsonschema = _CheckedSchemas(nbformat_common.jsonschema)
    cfg = Config()
    if args.config:
        cfg.merge(
            PyFileConfigLoader(
                os.path.basename(args.config), path=os.path.dirname(args.config)
            ).load_config()
        )
    scratch = os.path.abspath(args.scratch)
    cfg.CourseDirectory.root = scratch
    cfg.CourseDirectory.course_id = args.course_id
    cfg.CourseDirectory.db_url = f"sqlite:///{os.path.join(scratch, 'gradebook.db')}"
    cfg.Execute.timeout = args.timeout
    cfg.Execute.startup_timeout = 60
    if args.in_process:
        from nbgrader.converters import Autograde
        from nbgrader.preprocessors import Execute

        from autograder.inprocess import InProcessExecute

        steps = Autograde.class_traits()["autograde_preprocessors"].default()
        cfg.Autograde.autograde_preprocessors = [
            InProcessExecute if step is Execute else step for step in steps
        ]
        cfg.InProcessExecute.timeout = args.timeout
    cd = CourseDirectory(config=cfg)
    api = NbGraderAPI(coursedir=cd, config=cfg)
    api.log.setLevel(logging.INFO)
    result = api.autograde(args.assignment, args.student, force=True, create=True)
    doc = {"success": bool(result.get("success")), "error": result.get("error", "")}
    if doc["success"]:
        doc["grades"] = scratch_grades(cd.db_url, args.course_id, args.assignment, args.student)
    with open(os.path.join(scratch, "result.json"), "w") as fh:
        json.dump(doc, fh)
    with open(os.path.join(scratch, "nbgrader.log"), "w") as fh:
        fh.write(result.get("log", "") or "")
    return 0 if result.get("success") else 1


if __name__ == "__main__":
    sys.exit(main())
