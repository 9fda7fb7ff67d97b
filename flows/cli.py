"""The `pagewash` command: `clean` runs the flow, `inspect` cleans one file without Prefect."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from cleaners.config import load_config
from cleaners.output import render_json
from cleaners.pipeline import clean_item, learn_profile
from cleaners.readers import read_input
from cleaners.schema import CleanDocument, QuarantineRecord


def main(argv: list[str] | None = None) -> int:
    """Run the pagewash command line."""
    args = build_parser().parse_args(argv)
    return int(args.func(args))


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with its subcommands."""
    parser = argparse.ArgumentParser(prog="pagewash", description="Clean scraped pages into JSON.")
    sub = parser.add_subparsers(required=True, metavar="COMMAND")

    clean = sub.add_parser("clean", help="clean RAW_DIR into CLEAN_DIR through the Prefect flow")
    clean.add_argument("raw_dir", metavar="RAW_DIR")
    clean.add_argument("clean_dir", metavar="CLEAN_DIR")
    clean.add_argument(
        "--workers",
        type=int,
        help="processes to clean with (default: PAGEWASH_WORKERS, else the config's, 2)",
    )
    clean.add_argument("--batch-size", type=int, default=200, help="inputs per task (default 200)")
    clean.add_argument(
        "--force", action="store_true", help="clean inputs whose outputs are current"
    )
    clean.add_argument("--config", type=Path, help="TOML file with a [pagewash] table of overrides")
    clean.add_argument(
        "--dask-address",
        metavar="ADDRESS",
        help="clean the batches on the Dask cluster at this scheduler, e.g. tcp://host:8786",
    )
    clean.add_argument(
        "--dask",
        choices=["local"],
        help="'local': start a Dask LocalCluster of --workers processes here for this run",
    )
    clean.set_defaults(func=run_clean)

    reprocess = sub.add_parser(
        "reprocess", help="clean chosen inputs again through the served reprocess deployment"
    )
    reprocess.add_argument("--glob", help="inputs whose path under raw/ matches, e.g. 'exports/*'")
    reprocess.add_argument("--site", help="inputs whose documents come from this host or site")
    reprocess.add_argument("--since", help="raw files modified on or after this day (YYYY-MM-DD)")
    reprocess.add_argument("--until", help="raw files modified on or before this day (YYYY-MM-DD)")
    reprocess.add_argument(
        "--quarantined", action="store_true", help="only inputs quarantined last time"
    )
    reprocess.add_argument(
        "--outdated", action="store_true", help="only outputs of another cleaner version or config"
    )
    reprocess.add_argument(
        "--no-force", action="store_true", help="skip selected inputs whose outputs are current"
    )
    reprocess.add_argument("--raw-dir", default="raw", help="raw folder, as the worker sees it")
    reprocess.add_argument(
        "--clean-dir", default="clean", help="clean folder, as the worker sees it"
    )
    reprocess.add_argument("--no-wait", action="store_true", help="return once the run is created")
    reprocess.set_defaults(func=run_reprocess)

    inspect = sub.add_parser("inspect", help="print the record(s) of one input as JSON")
    inspect.add_argument("file", metavar="FILE", type=Path)
    inspect.add_argument(
        "--explain",
        action="store_true",
        help="list each removed line, its rule and the model's keep probability",
    )
    inspect.add_argument(
        "--config", type=Path, help="TOML file with a [pagewash] table of overrides"
    )
    inspect.set_defaults(func=run_inspect)
    return parser


def run_clean(args: argparse.Namespace) -> int:
    """Run the clean-pages flow and report its final state."""
    from prefect import tags

    from flows.clean_flow import clean_pages
    from flows.preflight import require_api

    require_api()  # a configured server that is down: say so now, not after Prefect's retries
    with tags("manual"):
        state = run_flow(clean_pages, args)
    print(f"{state.name}: {state.message or ''}")
    return 0 if state.is_completed() else 1


def run_flow(runner: Any, args: argparse.Namespace) -> Any:
    """Call the flow with the command's arguments and return its final state."""
    return runner(
        raw_dir=str(args.raw_dir),
        clean_dir=str(args.clean_dir),
        batch_size=args.batch_size,
        force=args.force,
        config_path=str(args.config) if args.config else None,
        workers=args.workers,
        dask_address=args.dask_address or args.dask,
        return_state=True,
    )


DEFAULT_API_URL = "http://127.0.0.1:4200/api"
REPROCESS_DEPLOYMENT = "reprocess-pages/reprocess"


def reprocess_parameters(args: argparse.Namespace) -> dict[str, object]:
    """Turn the reprocess options into the deployment's parameters."""
    params: dict[str, object] = {
        "raw_dir": args.raw_dir,
        "clean_dir": args.clean_dir,
        "quarantined_only": args.quarantined,
        "outdated_only": args.outdated,
        "force": not args.no_force,
    }
    for name in ("glob", "site", "since", "until"):
        if getattr(args, name):
            params[name] = getattr(args, name)
    return params


def run_reprocess(args: argparse.Namespace) -> int:
    """Create a run of the reprocess deployment on the served Prefect API and follow it."""
    import os

    os.environ.setdefault("PREFECT_API_URL", DEFAULT_API_URL)
    from prefect.deployments import run_deployment

    run = run_deployment(
        REPROCESS_DEPLOYMENT,
        parameters=reprocess_parameters(args),
        tags=["manual"],
        timeout=0 if args.no_wait else None,
    )
    state = run.state
    print(f"{run.name} ({run.id}): {state.name if state else 'Scheduled'}", end="")
    print(f": {state.message}" if state and state.message else "")
    return 0 if args.no_wait or (state is not None and state.is_completed()) else 1


def run_inspect(args: argparse.Namespace) -> int:
    """Clean one input in single-document mode and print its records."""
    path: Path = args.file
    if not path.is_file():
        print(f"pagewash: no such file: {path}", file=sys.stderr)
        return 2
    config = load_config(args.config)
    items = read_input(path, path.parent, config.max_doc_bytes)
    profile = learn_profile(items)
    records = [clean_item(item, config, profile) for item in items]
    if args.explain:
        print("\n".join(explain(record) for record in records))
    else:
        # One input, one JSON value: an object, or an array for a container's records.
        dumped = [record.model_dump(mode="json") for record in records]
        print(render_json(dumped[0] if len(dumped) == 1 else dumped), end="")
    return 0 if not all(isinstance(r, QuarantineRecord) for r in records) else 1


def explain(record: CleanDocument | QuarantineRecord) -> str:
    """Render a record's removals, one line per removed piece with its rule."""
    if isinstance(record, QuarantineRecord):
        return f"{record.source.path}: quarantined: {record.reason}: {record.detail}"
    head = f"{record.source.path}: kept {record.word_count} words, removed {len(record.removed)}:"
    lines = [head]
    for item in record.removed:
        text = item.text if len(item.text) <= 160 else item.text[:157] + "..."
        rule = item.rule if item.score is None else f"{item.rule} p={item.score:.2f}"
        lines.append(f"  [{rule}] {json.dumps(text, ensure_ascii=False)}")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
