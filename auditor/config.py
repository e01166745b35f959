"""Configuration files: `[tool.auditor]` in pyproject.toml, or an `auditor.toml`, or `--config FILE`.

Found from the first audited path upward (its folder, then each parent): in each folder
`auditor.toml` first, then a `pyproject.toml` that has a `[tool.auditor]` table; the first found
is used. `--config FILE` names one instead (a `pyproject.toml` is read from its `[tool.auditor]`,
any other file from its top level) and `--no-config` uses none. Flags on the command line take
precedence over the file, key by key. A key the tool does not know, or a value it cannot use, is a
usage error that names the file and the key.

Keys (kebab-case; `fail_on` is read as `fail-on`):
- `select`, `ignore`: rule codes or prefixes, a list or a comma-separated string;
- `severity`: a table code-or-prefix -> `error|warning|info` (the longest prefix wins);
- `fail-on`, `lang`, `jobs` (a number, 0 or `"auto"`: one per CPU), `format`;
- `measure-words`: a list of measure words (counted things), or a table kind -> list
  (`count`, `money`, `measure`, `multiple`); `not-quantity-words`: words whose numerals are not
  figures (`三张清单`);
- `baseline`, `waivers`: paths, relative to the configuration file.
"""
from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import msgspec

from auditor.cli_args import FORMATS  # one list of formats for flags and files

FAIL_ON = ("error", "warning", "never")
LANGS = ("zh", "en")
SEVERITIES = ("error", "warning", "info")
UNIT_KINDS = ("count", "money", "measure", "multiple")
KEYS = ("select", "ignore", "severity", "fail-on", "lang", "jobs", "format", "measure-words",
        "not-quantity-words", "baseline", "waivers")
CODE_PREFIX = re.compile(r"^[A-Z]\d{0,3}$")


class ConfigError(Exception):
    """A configuration the tool cannot use: the CLI prints it on one line and exits 2."""


class Config(msgspec.Struct, frozen=True):
    """What a configuration file sets; None (or empty) where it says nothing."""

    source: str = ""
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    severity: tuple[tuple[str, str], ...] = ()
    fail_on: str | None = None
    lang: str | None = None
    jobs: int | None = None
    format: str | None = None
    measure_words: tuple[tuple[str, str], ...] = ()
    not_quantity_words: tuple[str, ...] = ()
    baseline: str | None = None
    waivers: str | None = None
    keys: frozenset[str] = msgspec.field(default_factory=frozenset)


def cpu_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def parse_jobs(value: object) -> int:
    """`auto` or 0 -> one per CPU; a positive number as is; ValueError otherwise."""
    if isinstance(value, str) and value.strip().lower() == "auto":
        return cpu_jobs()
    if isinstance(value, bool):
        raise ValueError(f"not a number: {value!r}")
    try:
        n = int(value) if isinstance(value, int | str) else int("x")
    except ValueError:
        raise ValueError(f"not a number or 'auto': {value!r}") from None
    if n < 0:
        raise ValueError("must be 'auto', 0 (one per CPU) or more")
    return n or cpu_jobs()


def parse_codes(value: object) -> tuple[str, ...]:
    """`"R2,U101"` or `["R2", "U101"]` -> ("R2", "U101"); ValueError for anything else."""
    if isinstance(value, str):
        items = value.split(",")
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        items = [part for v in value for part in v.split(",")]
    else:
        raise ValueError("expected rule codes: a list of strings or a comma-separated string")
    codes = tuple(c.strip().upper() for c in items if c.strip())
    bad = [c for c in codes if not CODE_PREFIX.match(c)]
    if bad:
        raise ValueError(f"not a rule code or prefix: {', '.join(bad)} (e.g. R2, U101)")
    return codes


def _choice(value: object, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in choices:
        raise ValueError(f"{value!r} is not one of {', '.join(choices)}")
    return value


def _words(value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() == w and w for w in value):
        raise ValueError("expected a list of non-empty words without blanks around them")
    return tuple(value)


def _measure_words(value: object) -> tuple[tuple[str, str], ...]:
    if isinstance(value, list):
        return tuple((w, "count") for w in _words(value))
    if not isinstance(value, dict):
        raise ValueError("expected a list of words, or a table kind -> list of words")
    out: list[tuple[str, str]] = []
    for kind, words in value.items():
        if kind not in UNIT_KINDS:
            raise ValueError(f"unknown kind {kind!r}; kinds: {', '.join(UNIT_KINDS)}")
        out.extend((w, kind) for w in _words(words))
    return tuple(out)


def _not_quantity(value: object) -> tuple[str, ...]:
    words = _words(value)
    short = [w for w in words if len(w) < 2]
    if short:
        raise ValueError(f"a word needs at least two characters: {', '.join(short)}")
    return words


def _severity(value: object) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        raise ValueError("expected a table: code or prefix = \"error\" | \"warning\" | \"info\"")
    out = []
    for code, sev in value.items():
        key = str(code).strip().upper()
        if not CODE_PREFIX.match(key):
            raise ValueError(f"not a rule code or prefix: {code!r}")
        out.append((key, _choice(sev, SEVERITIES)))
    return tuple(out)


def _path(value: object, base: Path) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("expected a file path")
    p = Path(value).expanduser()
    return str(p if p.is_absolute() else base / p)


def parse(table: Mapping[str, Any], source: str, base: Path) -> Config:
    """Validate one `[tool.auditor]` table (or an auditor.toml's top level) into a Config."""
    values: dict[str, Any] = {}
    seen: set[str] = set()
    for raw_key, value in table.items():
        key = str(raw_key).replace("_", "-")
        if key not in KEYS:
            raise ConfigError(f"{source}: unknown key {raw_key!r} (known keys: {', '.join(KEYS)})")
        try:
            if key in ("select", "ignore"):
                values[key] = parse_codes(value)
            elif key == "severity":
                values[key] = _severity(value)
            elif key == "fail-on":
                values[key] = _choice(value, FAIL_ON)
            elif key == "lang":
                values[key] = _choice(value, LANGS)
            elif key == "format":
                values[key] = _choice(value, FORMATS)
            elif key == "jobs":
                values[key] = parse_jobs(value)
            elif key == "measure-words":
                values[key] = _measure_words(value)
            elif key == "not-quantity-words":
                values[key] = _not_quantity(value)
            else:
                values[key] = _path(value, base)
        except ValueError as exc:
            raise ConfigError(f"{source}: {raw_key}: {exc}") from None
        seen.add(key)
    return Config(source=source, keys=frozenset(seen), **{k.replace("-", "_"): v for k, v in values.items()})


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib

    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the configuration: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def _tool_table(doc: dict[str, Any], path: Path) -> dict[str, Any] | None:
    tool = doc.get("tool")
    if not isinstance(tool, dict) or "auditor" not in tool:
        return None
    table = tool["auditor"]
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.auditor] is not a table")
    return table


def load_file(path: Path) -> Config:
    """`--config FILE`: a pyproject.toml's `[tool.auditor]`, else the file's top level."""
    doc = _read_toml(path)
    if path.name == "pyproject.toml":
        table = _tool_table(doc, path)
        if table is None:
            raise ConfigError(f"{path}: no [tool.auditor] table")
        return parse(table, f"{path} [tool.auditor]", path.resolve().parent)
    return parse(doc, str(path), path.resolve().parent)


def discover(start: str | Path) -> Config | None:
    """The configuration that applies to `start`: searched from its folder upward; None when there is none."""
    try:
        here = Path(start).resolve()
    except (OSError, RuntimeError):
        return None
    folder = here if here.is_dir() else here.parent
    for d in (folder, *folder.parents):
        candidate = d / "auditor.toml"
        if candidate.is_file():
            return load_file(candidate)
        project = d / "pyproject.toml"
        if project.is_file():
            table = _tool_table(_read_toml(project), project)
            if table is not None:
                return parse(table, f"{project} [tool.auditor]", d)
    return None


def apply_lexicon(config: Config | None) -> None:
    """Hand the configuration's words to the extractor (auditor.lexicon.extend); None clears them."""
    from auditor.lexicon import extend, lexicon

    if config is None or not (config.measure_words or config.not_quantity_words):
        extend(None, ())
        return
    extend(None, ())  # the built-in words, to check the new ones against
    known = lexicon().units
    clash = [f"{w} (a {known[w]} word)" for w, kind in config.measure_words if known.get(w, kind) != kind]
    if clash:
        raise ConfigError(f"{config.source}: measure-words: already known with another kind: {', '.join(clash)}")
    extend(dict(config.measure_words), config.not_quantity_words)


class Settings(msgspec.Struct, frozen=True):
    """What a run uses: each value from its flag when given, else the configuration, else the default."""

    format: str = "rich"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    fail_on: str = "error"
    lang: str = "zh"
    jobs: int = 1
    baseline: str | None = None
    waivers: str | None = None
    config: Config | None = None


def resolve(flags: Mapping[str, Any], config: Config | None) -> Settings:
    """Flags (None where not given) over the configuration over the defaults, key by key."""
    defaults = Settings()
    env_lang = os.environ.get("AUDITOR_LANG", "").strip().lower()
    values: dict[str, Any] = {}
    for name in ("format", "select", "ignore", "fail_on", "lang", "jobs", "baseline", "waivers"):
        flag = flags.get(name)
        if flag is not None:
            values[name] = tuple(flag) if name in ("select", "ignore") else flag
        elif config is not None and getattr(config, name) is not None:
            values[name] = getattr(config, name)
        elif name == "lang" and env_lang in LANGS:
            values[name] = env_lang
        else:
            values[name] = getattr(defaults, name)
    severity = config.severity if config is not None else ()
    return Settings(severity=severity, config=config, **values)


def find(flag: str | None, no_config: bool, paths: list[str]) -> Config | None:
    """The configuration of a run: `--config FILE`, none with `--no-config`, else found from the first path."""
    if flag:
        return load_file(Path(flag))
    if no_config or not paths:
        return None
    return discover(paths[0])
