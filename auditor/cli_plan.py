"""What a check or extract run reads and writes: the settings, the review files, the walk, outputs never over inputs."""
from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from auditor.cli_args import UsageError

if TYPE_CHECKING:
    from auditor.config import Settings
    from auditor.model import DocumentResult, Waiver
    from auditor.walk import Skip, Walk


def walk_paths(raw_paths: Sequence[str], own: Sequence[str]) -> Walk:
    from auditor.walk import walk

    return walk(raw_paths, own)


def skip_result(skip: Skip) -> DocumentResult:
    from auditor.model import DocError, DocumentResult

    return DocumentResult(skip.path, "", 0, "", error=DocError(skip.code, skip.reason))


def same_file(a: Path, b: Path) -> bool:
    try:
        if a.resolve() == b.resolve():
            return True
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except (OSError, RuntimeError):
        return False


def check_outputs(outputs: Sequence[tuple[str, str]], inputs: Sequence[Path]) -> None:
    """Refuse to write a report or a baseline over any input: the tool never writes to its inputs."""
    for flag, output in outputs:
        for p in inputs:
            if same_file(Path(output), p):
                raise UsageError(f"refusing to write the report over the input file {str(p)!r}; "
                                 f"choose another {flag}")
    for i, (flag, output) in enumerate(outputs):
        for other_flag, other in outputs[i + 1:]:
            if same_file(Path(output), Path(other)):
                raise UsageError(f"{flag} and {other_flag} name the same file {output!r}")


def settings_for(args: argparse.Namespace) -> Settings:
    """The run's settings: flags over the configuration file over the defaults."""
    from auditor.config import ConfigError, apply_lexicon, find, resolve

    flags = {name: getattr(args, name, None) for name in
             ("format", "select", "ignore", "fail_on", "lang", "jobs", "baseline", "waivers")}
    try:
        config = find(args.config, args.no_config, list(args.paths))
        settings = resolve(flags, config)
        apply_lexicon(config)
    except ConfigError as exc:
        raise UsageError(f"configuration: {exc}") from None
    return settings


def review_files(settings: Settings) -> tuple[frozenset[str] | None, dict[str, Waiver] | None]:
    from auditor.baseline import ReviewFileError, read_baseline, read_waivers

    try:
        baseline = read_baseline(Path(settings.baseline)) if settings.baseline else None
        waivers = read_waivers(Path(settings.waivers)) if settings.waivers else None
    except ReviewFileError as exc:
        raise UsageError(str(exc)) from None
    return baseline, waivers


def plan(args: argparse.Namespace, settings: Settings) -> Walk:
    """What the run reads, once sure that nothing it writes lands on an input (else a usage error)."""
    write_baseline = getattr(args, "write_baseline", None)
    config_file = settings.config.source.split(" [tool.auditor]")[0] if settings.config else None
    own = [p for p in (config_file, settings.baseline, settings.waivers, write_baseline, args.output) if p]
    walked = walk_paths(args.paths, own)
    outputs = [(flag, path) for flag, path in (("--output", args.output), ("--write-baseline", write_baseline))
               if path]
    protected = [*walked.files, *(Path(p) for p in (settings.baseline, settings.waivers, config_file) if p)]
    if write_baseline and settings.baseline and same_file(Path(write_baseline), Path(settings.baseline)):
        # a baseline may be written over the one it was read from: that is how it is refreshed
        protected = [p for p in protected if not same_file(p, Path(settings.baseline))]
    check_outputs(outputs, protected)
    return walked
