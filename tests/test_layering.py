"""cleaners/ is the pure library: it never imports prefect or flows."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CLEANERS = Path(__file__).resolve().parent.parent / "cleaners"
FORBIDDEN = ("prefect", "flows")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_no_cleaners_module_imports_prefect_or_flows() -> None:
    offenders = {
        str(path.relative_to(CLEANERS)): sorted(mod)
        for path in CLEANERS.rglob("*.py")
        if (mod := {m for m in imported_modules(path) if m.split(".")[0] in FORBIDDEN})
    }
    assert offenders == {}


def test_importing_the_pipeline_does_not_load_prefect() -> None:
    code = "import sys, cleaners.pipeline, cleaners.batch; print('prefect' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
