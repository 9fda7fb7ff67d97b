"""The README documents every CLI command and option, and opens with the two set-up commands."""

from __future__ import annotations

import argparse
from pathlib import Path

from flows.cli import build_parser

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_command_and_option_is_documented() -> None:
    missing = []
    for name, sub in subcommands().items():
        if f"pagewash {name}" not in README:
            missing.append(f"pagewash {name}")
        for action in sub._actions:
            missing += [
                opt for opt in action.option_strings if opt.startswith("--") and opt not in README
            ]
    assert [m for m in missing if m != "--help"] == []


def test_readme_opens_with_make_run_then_make_test() -> None:
    quick_start = README.split("## Quick start", 1)[1].split("##", 1)[0]
    assert quick_start.index("make run") < quick_start.index("make test")
