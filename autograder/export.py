"""Export grades (CSV per assignment) and an offline HTML report for programme managers."""

from __future__ import annotations

import csv
import hashlib
import html
import re
import secrets
import statistics
from pathlib import Path

from .course import Course, protect
from .errors import UserError
from .roster import Roster

PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"]  # Okabe-Ito


def pseudonymiser(course: Course):
    salt_file = course.state / "salt"
    if not salt_file.exists():
        salt_file.write_text(secrets.token_hex(16))
        protect(salt_file)
    salt = salt_file.read_text().strip()
    return lambda sid: "p-" + hashlib.sha256(f"{salt}:{sid}".encode()).hexdigest()[:12]


def gather(course: Course, roster: Roster, assignments: list[str] | None, pass_mark: float):
    if not course.db_path.exists():
        raise UserError(f"no gradebook at {course.db_path}", "release, collect and grade first")
    data: dict[str, dict] = {}
    ledger = course.ledger()
    inexact = course.inexact()
    with course.gradebook() as gb:
        known = [a.name for a in gb.assignments]
        for aid in assignments or known:
            if aid not in known:
                raise UserError(
                    f"assignment '{aid}' is not in the gradebook "
                    f"(known: {', '.join(known) or 'none'})",
                    f"run: autograder release {aid}",
                )
            a = gb.find_assignment(aid)
            parts = [f"{nb.name}:{g.name}" for nb in a.notebooks for g in nb.grade_cells]
            maxes = {
                f"{nb.name}:{g.name}": g.max_score for nb in a.notebooks for g in nb.grade_cells
            }
            rows = []
            for sub in a.submissions:
                scores, pending = {}, 0
                for nb in sub.notebooks:
                    for g in nb.grades:
                        key = f"{nb.name}:{g.name}"
                        if g.needs_manual_grade:
                            scores[key] = None
                            pending += 1
                        else:
                            scores[key] = float(g.score)
                sid = sub.student.id
                total = float(sub.score)
                maximum = float(sub.max_score) or 1.0
                entry = ledger.get((aid, sid)) or {}
                failed = entry.get("status") == "failed"
                rows.append(
                    {
                        # grading failed: no score is known (never a 0 or a "no")
                        "failed": (entry.get("detail") or "grading failed") if failed else "",
                        "inexact": [
                            f"{p['notebook']}:{p['part']}" for p in inexact.get((aid, sid), [])
                        ],
                        "student": sid,
                        "cohort": roster.get(sid, "cohort", "—"),
                        "venue": roster.get(sid, "venue", "—"),
                        "scores": scores,
                        "total": total,
                        "max": maximum,
                        "pending": pending,
                        "passed": total / maximum >= pass_mark,
                    }
                )
            data[aid] = {
                "parts": parts,
                "maxes": maxes,
                "rows": sorted(rows, key=lambda r: r["student"]),
            }
    return data


def write_csv(path: Path, aid: str, info: dict, name) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(
            [
                "assignment",
                "learner",
                "cohort",
                "venue",
                *info["parts"],
                "total",
                "max",
                "percent",
                "passed",
                "parts_waiting_for_manual_grading",
                "grading",
                "parts_not_graded_exactly",
            ]
        )
        for r in info["rows"]:
            if r.get("failed"):
                w.writerow(
                    [
                        aid,
                        name(r["student"]),
                        r["cohort"],
                        r["venue"],
                        *["" for _ in info["parts"]],
                        "",
                        f"{r['max']:g}",
                        "",
                        "grading failed",
                        "",
                        f"FAILED: {r['failed'][:300]}",
                        "",
                    ]
                )
                continue
            w.writerow(
                [
                    aid,
                    name(r["student"]),
                    r["cohort"],
                    r["venue"],
                    *[
                        "" if r["scores"].get(p) is None else f"{r['scores'][p]:g}"
                        for p in info["parts"]
                    ],
                    f"{r['total']:g}",
                    f"{r['max']:g}",
                    f"{100 * r['total'] / r['max']:.1f}",
                    "yes" if r["passed"] else "no",
                    r["pending"],
                    "NOT EXACT: check by hand" if r.get("inexact") else "ok",
                    "; ".join(r.get("inexact", [])),
                ]
            )
    protect(path)


def _svg(chart, alt: str) -> str:
    import vl_convert as vlc

    svg = vlc.vegalite_to_svg(chart.to_dict())
    svg = re.sub(r"<svg ", '<svg role="img" aria-label="' + html.escape(alt) + '" ', svg, count=1)
    svg = re.sub(
        r"(<svg[^>]*>)",
        lambda m: m.group(1) + f"<title>{html.escape(alt)}</title>",
        svg,
        count=1,
    )
    return f"<figure>{svg}<figcaption>{html.escape(alt)}</figcaption></figure>"


def _bar(df, x, y, title, xtitle, ytitle, domain=(0, 100)):
    import altair as alt

    return (
        alt.Chart(df, title=title)
        .mark_bar(color=PALETTE[0])
        .encode(
            x=alt.X(x, title=xtitle, scale=alt.Scale(domain=list(domain))),
            # question names are long ("part5_tests: Part 5: ..."): show them whole
            y=alt.Y(y, title=ytitle, sort=None, axis=alt.Axis(labelLimit=320)),
            tooltip=[x, y],
        )
        .properties(width=420)
    )


def _rate(rows) -> float:
    return 100.0 * sum(r["passed"] for r in rows) / len(rows) if rows else 0.0


def section(aid: str, info: dict, pass_mark: float, titles: dict | None = None) -> str:
    """One assignment's part of the report; ``titles`` maps "notebook:grade_id" to a title."""
    import altair as alt
    import pandas as pd

    failed = [r for r in info["rows"] if r.get("failed")]
    inexact = [r for r in info["rows"] if r.get("inexact") and not r.get("failed")]
    rows = [r for r in info["rows"] if not r.get("failed")]
    flags = ""
    if failed:
        flags += (
            f" Grading FAILED for {len(failed)} submission(s): they are left out of these "
            "figures (see `autograder status`)."
        )
    if inexact:
        flags += (
            f" {len(inexact)} submission(s) have parts that could not be graded exactly: "
            "their points there need checking by hand (column parts_not_graded_exactly)."
        )
    if not rows:
        return (
            f"<section><h2>{html.escape(aid)}</h2><p>No graded submissions yet.{flags}</p>"
            "</section>"
        )
    pct = [100 * r["total"] / r["max"] for r in rows]
    out = [f"<section><h2>Assignment {html.escape(aid)}</h2>"]
    pending = sum(1 for r in rows if r["pending"])
    out.append(
        f"<p>{len(rows)} submissions; median score {statistics.median(pct):.0f}%; "
        f"pass rate {_rate(rows):.0f}% (pass mark {100 * pass_mark:.0f}%)."
        + (
            f" {pending} submissions still have answers waiting for manual grading; "
            "their totals are provisional."
            if pending
            else ""
        )
        + flags
        + "</p>"
    )
    bins = [f"{lo}–{lo + 10}%" for lo in range(0, 100, 10)]
    counts = [0] * 10
    for p in pct:
        counts[min(int(p // 10), 9)] += 1
    hist = pd.DataFrame({"score": bins, "learners": counts})
    chart = (
        alt.Chart(hist, title="Score distribution")
        .mark_bar(color=PALETTE[0])
        .encode(
            x=alt.X("score", sort=None, title="score (% of maximum)"),
            y=alt.Y("learners", title="learners", axis=alt.Axis(tickMinStep=1, format="d")),
        )
        .properties(width=420)
    )
    desc = ", ".join(f"{b}: {c}" for b, c in zip(bins, counts, strict=True) if c)
    out.append(_svg(chart, f"Bar chart of {aid} score distribution. Learners per band: {desc}."))
    # per question: share with full marks (hard questions at the bottom)
    q = []
    for part in info["parts"]:
        graded = [r["scores"].get(part) for r in rows if r["scores"].get(part) is not None]
        if graded:
            full = 100.0 * sum(s >= info["maxes"][part] for s in graded) / len(graded)
            name = (titles or {}).get(part, part)
            q.append({"question": name, "full marks (%)": round(full, 1), "graded": len(graded)})
    if q:
        qdf = pd.DataFrame(q).sort_values("full marks (%)", ascending=False)
        alt_q = "; ".join(f"{r['question']}: {r['full marks (%)']:.0f}%" for r in q)
        out.append(
            _svg(
                _bar(
                    qdf,
                    "full marks (%)",
                    "question",
                    "Which questions were hard",
                    "learners with full marks (%)",
                    "question",
                ),
                f"Bar chart of the share of learners with full marks per question in {aid}: "
                f"{alt_q}.",
            )
        )
    for group in ("cohort", "venue"):
        values = sorted({r[group] for r in rows})
        if values == ["—"]:
            continue
        gdf = pd.DataFrame(
            [
                {
                    group: v,
                    "pass rate (%)": round(_rate([r for r in rows if r[group] == v]), 1),
                    "learners": sum(r[group] == v for r in rows),
                }
                for v in values
            ]
        )
        alt_g = "; ".join(
            f"{r[group]}: {r['pass rate (%)']:.0f}% of {r['learners']}"
            for r in gdf.to_dict("records")
        )
        out.append(
            _svg(
                _bar(gdf, "pass rate (%)", group, f"Pass rate by {group}", "pass rate (%)", group),
                f"Bar chart of the pass rate by {group} in {aid}: {alt_g}.",
            )
        )
        table = "".join(
            f"<tr><td>{html.escape(str(r[group]))}</td><td>{r['learners']}</td>"
            f"<td>{r['pass rate (%)']:.0f}%</td></tr>"
            for r in gdf.to_dict("records")
        )
        out.append(
            f"<table><caption>Pass rate by {group}</caption><thead><tr><th>{group}</th>"
            f"<th>learners</th><th>pass rate</th></tr></thead><tbody>{table}</tbody></table>"
        )
    out.append("</section>")
    return "\n".join(out)


def export(
    course: Course,
    roster: Roster,
    pseudonymise: bool = False,
    assignments: list[str] | None = None,
    pass_mark: float = 0.5,
    out_dir: Path | None = None,
) -> list[Path]:
    if not 0 < pass_mark <= 1:
        raise UserError(f"--pass-mark {pass_mark} is not between 0 and 1", "e.g. --pass-mark 0.6")
    data = gather(course, roster, assignments, pass_mark)
    name = pseudonymiser(course) if pseudonymise else (lambda sid: sid)
    out_dir = out_dir or course.root / "exports"
    out_dir.mkdir(mode=0o700, exist_ok=True)
    written = []
    for aid, info in data.items():
        path = out_dir / f"grades-{aid}.csv"
        write_csv(path, aid, info, name)
        written.append(path)
    from .feedback import part_titles

    def titles(aid: str) -> dict[str, str]:
        found = part_titles(course, aid)
        return {f"{nb}:{gid}": f"{gid}: {t['en']}" for (nb, gid), t in found.items()}

    body = "\n".join(section(aid, info, pass_mark, titles(aid)) for aid, info in data.items())
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Etika AI grading report: {html.escape(course.course_id)}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:50rem;margin:auto;padding:1rem;}}
figure{{margin:1rem 0}} svg{{max-width:100%;height:auto}} table{{border-collapse:collapse}}
td,th{{border:1px solid #999;padding:.2rem .5rem}}</style></head><body>
<h1>Grading report: {html.escape(course.course_id)}</h1>
<p>Generated by <code>autograder export</code>. Charts are drawn in this file; it makes no
network request. {"Learners are pseudonymised." if pseudonymise else ""}</p>
{body}
</body></html>"""
    report = out_dir / "report.html"
    report.write_text(page, encoding="utf-8")
    protect(report)
    written.append(report)
    return written
