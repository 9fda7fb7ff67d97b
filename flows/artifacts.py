"""Turn a run's BatchReport into Prefect artifacts with stable keys (history per key)."""

from __future__ import annotations

from collections import Counter

from prefect.artifacts import create_markdown_artifact, create_table_artifact

from cleaners.report import BatchReport

SUMMARY_KEY = "pagewash-summary"
QUALITY_KEY = "pagewash-quality"
CHROME_KEY = "pagewash-chrome"
QUARANTINE_KEY = "pagewash-quarantine"
REPORT_KEY = "pagewash-report"
PROGRESS_KEY = "pagewash-progress"


def summary_rows(report: BatchReport, found: int) -> list[dict[str, object]]:
    """Return a total row, then one row per input format and one per site."""
    rows = [_row("total", "all", report.docs_total, sum(report.docs_out.values()))]
    rows[0].update(
        inputs_found=found,
        inputs_cleaned=report.inputs_cleaned,
        inputs_skipped=report.inputs_skipped,
    )
    rows += [
        _row("format", f, report.docs_in[f], report.docs_out[f]) for f in sorted(report.docs_in)
    ]
    rows += [_row("site", s, n, n) for s, n in sorted(report.sites.items())]
    return rows


def _row(scope: str, name: str, docs_in: int, docs_out: int) -> dict[str, object]:
    return {
        "scope": scope,
        "name": name,
        "docs_in": docs_in,
        "docs_out": docs_out,
        "quarantined": docs_in - docs_out,
    }


def quality_rows(report: BatchReport) -> list[dict[str, object]]:
    """Return the quality figures a layout change would move."""
    out = max(sum(report.docs_out.values()), 1)
    figures: dict[str, object] = {
        "chrome_share_of_chars": round(report.chrome_share(), 4),
        "quarantine_share": round(report.quarantine_share(), 4),
        "very_short_bodies": report.short_bodies,
        "without_title": report.no_title,
        "without_date": report.no_date,
        "share_without_date": round(report.no_date / out, 4),
        "languages": _top(report.languages),
        "sites": _top(report.sites),
    }
    return [{"figure": k, "value": v} for k, v in figures.items()]


def chrome_rows(report: BatchReport) -> list[dict[str, object]]:
    """Return chrome removed per rule: lines and characters, and the share of all characters."""
    total = sum(report.removed_chars.values()) + report.body_chars
    return [
        {
            "rule": rule,
            "removed": report.removed_lines[rule],
            "chars": chars,
            "share_of_chars": round(chars / total, 4) if total else 0.0,
        }
        for rule, chars in report.removed_chars.most_common()
    ]


def quarantine_rows(report: BatchReport) -> list[dict[str, object]]:
    """Return one row per quarantined document."""
    return [{"input": p, "reason": r, "detail": d} for p, r, d in sorted(report.quarantined)]


def _top(counter: Counter[str], n: int = 8) -> str:
    return ", ".join(f"{k} {v}" for k, v in counter.most_common(n))


def publish_artifacts(report: BatchReport, found: int, run_label: str) -> None:
    """Publish the summary, quality, chrome and quarantine tables and a markdown report."""
    create_table_artifact(summary_rows(report, found), key=SUMMARY_KEY, description=run_label)
    create_table_artifact(quality_rows(report), key=QUALITY_KEY, description=run_label)
    create_table_artifact(chrome_rows(report), key=CHROME_KEY, description=run_label)
    create_table_artifact(quarantine_rows(report), key=QUARANTINE_KEY, description=run_label)
    create_markdown_artifact(render_markdown(report, found, run_label), key=REPORT_KEY)


def render_markdown(report: BatchReport, found: int, run_label: str) -> str:
    """Render the run summary as markdown."""
    lines = [
        f"# {run_label}",
        "",
        f"- inputs found: **{found}**, cleaned: **{report.inputs_cleaned}**, "
        f"skipped as current: **{report.inputs_skipped}**",
        f"- documents: **{report.docs_total}** in, **{sum(report.docs_out.values())}** out, "
        f"**{len(report.quarantined)}** quarantined",
        f"- chrome share of characters: **{report.chrome_share():.1%}**",
        "",
        "| format | in | out |",
        "| --- | --- | --- |",
    ]
    lines += [
        f"| {f} | {report.docs_in[f]} | {report.docs_out[f]} |" for f in sorted(report.docs_in)
    ]
    if report.reasons:
        lines += ["", "## Quarantined", "", "| reason | documents |", "| --- | --- |"]
        lines += [f"| {r} | {n} |" for r, n in report.reasons.most_common()]
    if report.removed_lines:
        lines += [
            "",
            "## Chrome removed per rule",
            "",
            "| rule | removed | chars |",
            "| --- | --- | --- |",
        ]
        lines += [
            f"| {r} | {report.removed_lines[r]} | {c} |"
            for r, c in report.removed_chars.most_common()
        ]
    return "\n".join(lines) + "\n"
