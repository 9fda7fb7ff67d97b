"""Measure throughput and scale on generated copies of the dev-set pages (`make bench-scale`).

Parts (each in fresh processes, compared inside one run since timings here are noisy):
  overhead      2,000 HTML pages: the clean-pages flow (embedded server, one worker) vs the
                library in a plain loop over the same files.
  workers       the same pages: 1 vs 2 workers through the flow (processes inside the batch
                tasks, or Prefect's process-pool tasks), a local Dask cluster of 2, and
                worker processes over the library without Prefect.
  memory        one ~2 GB JSON Lines export of HTML pages: peak RSS of the whole process
                tree of `pagewash clean` (server, flow, workers), sampled from /proc.
  incremental   20,000 text dumps: first run vs a rerun over the unchanged inputs.
  pathological  a 10 MB page, 100,000 nested tags and a 5 MB single line, beside normal pages.

Run: ``python bench/bench_scale.py [--parts a,b] [--docs N] [--inputs N] [--gb X] [--json F]``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from bench_common import BENCHMARKS, ROOT, print_table

PARTS = ("overhead", "workers", "memory", "incremental", "pathological")
HTML_SET = BENCHMARKS / "article-extraction" / "html"
TEXT_SET = BENCHMARKS / "text-dumps" / "lxml"
TARGETS = {"overhead": 1.10, "workers": 1.8, "memory_mb": 1024, "incremental": 0.10}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Parse the command line."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--parts", default=",".join(PARTS), help="comma-separated: " + ",".join(PARTS))
    ap.add_argument("--docs", type=int, default=2000, help="HTML pages for overhead/workers")
    ap.add_argument("--inputs", type=int, default=20000, help="text inputs for incremental")
    ap.add_argument("--gb", type=float, default=2.0, help="size of the export for memory")
    ap.add_argument("--work", type=Path, help="scratch folder (default: a temp folder, removed)")
    ap.add_argument("--json", type=Path, help="save every number to this JSON file")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--child-args", help=argparse.SUPPRESS)
    return ap.parse_args(argv)


# ---------------------------------------------------------------- generated inputs


def dev_pages() -> list[bytes]:
    """Return the decompressed dev-set HTML pages."""
    return [gzip.decompress(p.read_bytes()) for p in sorted(HTML_SET.glob("*.html.gz"))]


def write_html_copies(raw: Path, count: int) -> None:
    """Write ``count`` HTML files, cycling through the dev pages, each a distinct file."""
    pages = dev_pages()
    folder = raw / "html"
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"{i:06d}.html").write_bytes(pages[i % len(pages)] + f"\n<!-- {i} -->".encode())


def write_text_copies(raw: Path, count: int) -> None:
    """Write ``count`` text dumps, cycling through the dev set, 1,000 to a folder."""
    texts = [p.read_bytes() for p in sorted(TEXT_SET.glob("*.txt"))]
    for i in range(count):
        folder = raw / f"part-{i // 1000:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{i:06d}.txt").write_bytes(texts[i % len(texts)])


def write_big_export(raw: Path, gigabytes: float) -> tuple[int, int]:
    """Write one JSON Lines export of HTML pages of about ``gigabytes``; return (records, bytes)."""
    pages = [p.decode("utf-8", "replace") for p in dev_pages()]
    target = int(gigabytes * 1e9)
    raw.mkdir(parents=True, exist_ok=True)
    path = raw / "export.jsonl"
    written = records = 0
    with path.open("w", encoding="utf-8") as fh:
        while written < target:
            page = pages[records % len(pages)]
            url = f"https://site{records % 40}.example.org/news/{records}.html"
            line = json.dumps({"url": url, "html": page}, ensure_ascii=False) + "\n"
            fh.write(line)
            written += len(line.encode("utf-8"))
            records += 1
    return records, path.stat().st_size


def write_pathological(raw: Path) -> dict[str, str]:
    """Write the three pathological pages beside a few normal ones; return name -> kind."""
    raw.mkdir(parents=True, exist_ok=True)
    para = "<p>" + "The committee heard evidence from residents about the plan. " * 20 + "</p>\n"
    cases = {
        "huge-10mb.html": (
            "<html><body><article>" + para * (10_000_000 // len(para)) + "</article></body></html>"
        ).encode(),
        "nested-100k.html": (
            "<html><body>" + "<div>" * 100_000 + para + "</div>" * 100_000 + "</body></html>"
        ).encode(),
        "line-5mb.txt": ("The committee heard evidence. " * 170_000).encode(),
    }
    for name, data in cases.items():
        (raw / name).write_bytes(data)
    for i, page in enumerate(dev_pages()[:5]):
        (raw / f"normal-{i}.html").write_bytes(page)
    return {name: "pathological" for name in cases}


# ---------------------------------------------------------------- children (fresh processes)


def child_loop(raw: str, clean: str) -> dict[str, Any]:
    """Clean through the library in a plain loop: plan, then clean_inputs over the todo."""
    from cleaners.batch import clean_inputs
    from cleaners.config import Config
    from cleaners.plan import plan_run

    start = time.perf_counter()
    config = Config()
    plan = plan_run(Path(raw), Path(clean), config)
    report = clean_inputs(plan.todo, Path(raw), Path(clean), config)
    return {"seconds": time.perf_counter() - start, "docs": report.docs_total}


def child_pool(raw: str, clean: str, workers: int) -> dict[str, Any]:
    """Clean through the library with processes inside one call (no Prefect), by batches."""
    from concurrent.futures import ProcessPoolExecutor

    from cleaners.config import Config
    from cleaners.plan import plan_run, split_batches

    start = time.perf_counter()
    plan = plan_run(Path(raw), Path(clean), Config())
    batches = [[str(p) for p in b] for b in split_batches(plan.todo, 200)]
    with ProcessPoolExecutor(workers) as pool:
        docs = sum(pool.map(_pool_batch, batches, [raw] * len(batches), [clean] * len(batches)))
    return {"seconds": time.perf_counter() - start, "docs": docs}


def _pool_batch(paths: list[str], raw: str, clean: str) -> int:
    from cleaners.batch import clean_inputs
    from cleaners.config import Config

    report = clean_inputs([Path(p) for p in paths], Path(raw), Path(clean), Config())
    return report.docs_total


def child_flow(raw: str, clean: str, workers: int, dask: str | None) -> dict[str, Any]:
    """Run the clean-pages flow on Prefect's embedded server, started before the clock."""
    from prefect.client.orchestration import get_client

    from flows.clean_flow import clean_pages

    warm = time.perf_counter()
    with get_client(sync_client=True) as client:
        client.hello()
    server_seconds = time.perf_counter() - warm
    start = time.perf_counter()
    state = clean_pages(
        raw_dir=raw,
        clean_dir=clean,
        workers=workers,
        dask_address=dask,
        max_quarantine_share=1.0,
        return_state=True,
    )
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "server_start_seconds": server_seconds,
        "state": state.name,
        "message": state.message,
    }


def run_child(kind: str, pool_mode: str = "inside", **kwargs: Any) -> dict[str, Any]:
    """Run one measurement in a fresh interpreter and return what it printed as JSON."""
    env = {**os.environ, "PREFECT_HOME": tempfile.mkdtemp(prefix="pagewash-scale-prefect-")}
    env["PAGEWASH_POOL_MODE"] = pool_mode
    env.pop("PREFECT_API_URL", None)
    cmd = [sys.executable, __file__, "--child", kind, "--child-args", json.dumps(kwargs)]
    out = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"{kind} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main_child(kind: str, kwargs: dict[str, Any]) -> None:
    """Run a child measurement and print its result as the last line."""
    sys.path.insert(0, str(ROOT))
    result = {"loop": child_loop, "pool": child_pool, "flow": child_flow}[kind](**kwargs)
    print(json.dumps(result))


# ---------------------------------------------------------------- memory sampling


def tree_rss(root_pid: int) -> int:
    """Return the summed resident memory (bytes) of a process and all its descendants."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [root_pid]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            with open(f"/proc/{pid}/statm", encoding="ascii") as fh:
                total += int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            continue
    return total


def run_sampled(cmd: list[str], env: dict[str, str]) -> dict[str, Any]:
    """Run a command, sampling its process tree's RSS every 0.25 s; return peak and time."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, tree_rss(proc.pid))
            stop.wait(0.25)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    stop.set()
    sampler.join()
    return {
        "seconds": time.perf_counter() - start,
        "peak_rss_mb": peak / 1e6,
        "returncode": proc.returncode,
        "last_line": (out.decode(errors="replace").strip().splitlines() or [""])[-1],
        "stderr_tail": err.decode(errors="replace")[-800:] if proc.returncode else "",
    }


# ---------------------------------------------------------------- the parts


def part_overhead(work: Path, docs: int) -> dict[str, Any]:
    """Flow (embedded server, one worker) vs the library in a plain loop, same pages."""
    raw = work / "raw-html"
    if not raw.exists():
        write_html_copies(raw, docs)
    loop = run_child("loop", raw=str(raw), clean=str(work / "clean-loop"))
    flow = run_child("flow", raw=str(raw), clean=str(work / "clean-flow"), workers=1, dask=None)
    ratio = flow["seconds"] / loop["seconds"]
    print_table(
        ["way", "seconds", "docs/s"],
        [
            ["library, plain loop", f"{loop['seconds']:.1f}", f"{docs / loop['seconds']:.1f}"],
            [
                "clean-pages flow, 1 worker",
                f"{flow['seconds']:.1f}",
                f"{docs / flow['seconds']:.1f}",
            ],
        ],
    )
    print(
        f"flow / loop time: {ratio:.3f} (target <= {TARGETS['overhead']}); embedded server start "
        f"before the flow: {flow['server_start_seconds']:.1f} s (not in the ratio)"
    )
    return {"loop": loop, "flow": flow, "ratio": ratio, "docs": docs}


def part_workers(work: Path, docs: int) -> dict[str, Any]:
    """Docs/s with 1 and 2 workers: inner processes, Prefect's pool, Dask, no Prefect."""
    raw = work / "raw-html"
    if not raw.exists():
        write_html_copies(raw, docs)
    runs = {
        "flow, 1 worker": run_child(
            "flow", raw=str(raw), clean=str(work / "w1"), workers=1, dask=None
        ),
        "flow, 2 workers (processes inside the batch tasks)": run_child(
            "flow", raw=str(raw), clean=str(work / "w2"), workers=2, dask=None
        ),
        "flow, 2 workers (Prefect process-pool tasks)": run_child(
            "flow", "tasks", raw=str(raw), clean=str(work / "w2t"), workers=2, dask=None
        ),
        "flow, 2 workers (Dask LocalCluster)": run_child(
            "flow", raw=str(raw), clean=str(work / "wd"), workers=2, dask="local"
        ),
        "library, 1 process": run_child("pool", raw=str(raw), clean=str(work / "p1"), workers=1),
        "library, 2 processes": run_child("pool", raw=str(raw), clean=str(work / "p2"), workers=2),
    }
    base_flow = docs / runs["flow, 1 worker"]["seconds"]
    base_lib = docs / runs["library, 1 process"]["seconds"]
    rows, speedups = [], {}
    for name, run in runs.items():
        rate = docs / run["seconds"]
        base = base_lib if name.startswith("library") else base_flow
        speedups[name] = rate / base
        rows.append([name, f"{run['seconds']:.1f}", f"{rate:.1f}", f"{rate / base:.2f}x"])
    print_table(["way", "seconds", "docs/s", "vs 1 worker"], rows)
    target = speedups["flow, 2 workers (processes inside the batch tasks)"]
    print(f"2 workers / 1 worker (flow): {target:.2f}x (target >= {TARGETS['workers']})")
    return {"runs": runs, "speedups": speedups, "docs": docs}


def part_memory(work: Path, gigabytes: float) -> dict[str, Any]:
    """Peak RSS of `pagewash clean` over one big JSON Lines export."""
    raw = work / "raw-big"
    records, size = write_big_export(raw, gigabytes)
    env = {**os.environ, "PREFECT_HOME": tempfile.mkdtemp(prefix="pagewash-scale-prefect-")}
    env.pop("PREFECT_API_URL", None)
    cmd = [
        str(Path(sys.executable).parent / "pagewash"),
        "clean",
        str(raw),
        str(work / "clean-big"),
    ]
    result = run_sampled([*cmd, "--workers", "1"], env)
    print(
        f"export: {size / 1e9:.2f} GB, {records} records; run: {result['seconds']:.0f} s, "
        f"{records / result['seconds']:.1f} docs/s; peak RSS of the process tree "
        f"{result['peak_rss_mb']:.0f} MB (target < {TARGETS['memory_mb']} MB); "
        f"'{result['last_line']}'"
    )
    if result["returncode"]:
        print(result["stderr_tail"])
    shutil.rmtree(raw, ignore_errors=True)
    return {"records": records, "bytes": size, **result}


def part_incremental(work: Path, inputs: int) -> dict[str, Any]:
    """First run vs a rerun over unchanged inputs, both through the flow with 2 workers."""
    raw = work / "raw-text"
    if not raw.exists():
        write_text_copies(raw, inputs)
    clean = str(work / "clean-text")
    first = run_child("flow", raw=str(raw), clean=clean, workers=2, dask=None)
    again = run_child("flow", raw=str(raw), clean=clean, workers=2, dask=None)
    ratio = again["seconds"] / first["seconds"]
    print(
        f"{inputs} inputs: first run {first['seconds']:.1f} s ({first['message']}); rerun "
        f"{again['seconds']:.1f} s ({again['message']}); rerun / first: {ratio:.3f} "
        f"(target < {TARGETS['incremental']})"
    )
    return {"first": first, "again": again, "ratio": ratio, "inputs": inputs}


def part_pathological(work: Path) -> dict[str, Any]:
    """Clean pathological pages beside normal ones; report each outcome and the run time."""
    raw = work / "raw-patho"
    write_pathological(raw)
    clean = work / "clean-patho"
    run = run_child("loop", raw=str(raw), clean=str(clean))
    rows, outcomes = [], {}
    for path in sorted(raw.iterdir()):
        name = path.name
        done = clean / f"{name}.json"
        held = clean / "_quarantine" / f"{name}.json"
        if done.exists():
            outcome = f"cleaned, {json.loads(done.read_text())['word_count']} words"
        elif held.exists():
            record = json.loads(held.read_text())
            outcome = f"quarantined: {record['reason']} ({record['detail']})"
        else:
            outcome = "MISSING"
        outcomes[name] = outcome
        rows.append([name, f"{path.stat().st_size / 1e6:.1f} MB", outcome])
    print_table(["input", "size", "outcome"], rows)
    print(f"whole batch of {len(rows)} inputs: {run['seconds']:.1f} s")
    return {"outcomes": outcomes, "seconds": run["seconds"]}


def main(argv: list[str] | None = None) -> int:
    """Run the chosen parts and print their tables."""
    args = parse_args(argv)
    if args.child:
        main_child(args.child, json.loads(args.child_args))
        return 0
    if not HTML_SET.is_dir():
        print(f"the dev sets are not at {BENCHMARKS}; nothing to measure", file=sys.stderr)
        return 2
    work = args.work or Path(tempfile.mkdtemp(prefix="pagewash-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {}
    try:
        for part in args.parts.split(","):
            print(f"\n## {part}")
            if part == "overhead":
                results[part] = part_overhead(work, args.docs)
            elif part == "workers":
                results[part] = part_workers(work, args.docs)
            elif part == "memory":
                results[part] = part_memory(work, args.gb)
            elif part == "incremental":
                results[part] = part_incremental(work, args.inputs)
            elif part == "pathological":
                results[part] = part_pathological(work)
            else:
                raise SystemExit(f"unknown part {part!r}")
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
