"""Rule documentation pages: one Markdown page per code, written once and read everywhere.

The pages live in the repository at ``docs/rules/CODE.md``; the wheel ships them as package data
at ``auditor/docs/rules``. ``auditor explain``, the HTML report and SARIF all read them through
this module, so a rule is documented in exactly one place. Translations sit beside them, one
folder per language (``docs/rules/zh/CODE.md``, same five sections under translated headings);
the English page stays the reference, and a code without a translation falls back to it.
"""

from __future__ import annotations

import re
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

__all__ = [
    "LANG_SECTIONS",
    "SECTIONS",
    "known_codes",
    "rule_doc",
    "rule_section",
    "rule_severity",
    "rule_summary",
    "rule_title",
    "translated_codes",
    "translated_doc",
]

SECTIONS: tuple[str, ...] = (
    "What it checks",
    "Why it matters",
    "Example",
    "How to fix",
    "Known limits",
)

# The section headings of a translated page, in the same order as SECTIONS.
LANG_SECTIONS: dict[str, tuple[str, ...]] = {
    "en": SECTIONS,
    "zh": ("检查什么", "为什么重要", "示例", "如何修改", "已知局限"),
}

_CODE = re.compile(r"^[UGRSC]\d{3}$")
_TITLE = re.compile(r"^# ([UGRSC]\d{3}) (\S+)\s*$")
_SEVERITY = re.compile(r"^Severity: (error|warning|info)\s*$", re.MULTILINE)
_REPO_DIR = Path(__file__).resolve().parents[2] / "docs" / "rules"


def _package_dir() -> Traversable | None:
    """The page folder shipped inside an installed wheel, if there is one."""
    try:
        folder = resources.files("auditor") / "docs" / "rules"
    except (ModuleNotFoundError, TypeError):
        return None
    return folder if folder.is_dir() else None


def _folders(lang: str = "en") -> tuple[Traversable, ...]:
    """Where pages are looked up, package data first, then the source tree.

    English pages are the folder itself; a translation is its sub-folder named by the language.
    """
    if lang not in LANG_SECTIONS:  # the language names a folder: only known ones
        return ()
    found: list[Traversable] = []
    package = _package_dir()
    if package is not None:
        found.append(package)
    if _REPO_DIR.is_dir():
        found.append(_REPO_DIR)
    if lang == "en":
        return tuple(found)
    return tuple(sub for sub in (folder / lang for folder in found) if sub.is_dir())


def _normalise(code: str) -> str:
    return code.strip().upper()


def known_codes() -> tuple[str, ...]:
    """Every code that has a page, sorted."""
    return _codes_in(_folders())


def translated_codes(lang: str) -> tuple[str, ...]:
    """Every code that has a page in ``lang`` (``zh``), sorted; all known codes for ``en``."""
    return _codes_in(_folders(lang))


def _codes_in(folders: tuple[Traversable, ...]) -> tuple[str, ...]:
    codes: set[str] = set()
    for folder in folders:
        for entry in folder.iterdir():
            stem, dot, ext = entry.name.partition(".")
            if dot and ext == "md" and _CODE.match(stem) and entry.is_file():
                codes.add(stem)
    return tuple(sorted(codes))


def rule_doc(code: str, lang: str = "en") -> str:
    """The full Markdown page of ``code`` in ``lang``; KeyError when there is none."""
    key = _normalise(code)
    if not _CODE.match(key):
        raise KeyError(code)
    for folder in _folders(lang):
        page = folder / f"{key}.md"
        if page.is_file():
            return page.read_text(encoding="utf-8")
    raise KeyError(code)


def translated_doc(code: str, lang: str) -> str | None:
    """The page of ``code`` in ``lang``, or None when it has not been translated (or is unknown)."""
    try:
        return rule_doc(code, lang)
    except KeyError:
        return None


def rule_title(code: str) -> str:
    """The rule's kebab-case name from the page's title line (``rate-mismatch`` for R201)."""
    first = rule_doc(code).lstrip().splitlines()[0]
    match = _TITLE.match(first)
    if match is None or match.group(1) != _normalise(code):
        raise ValueError(f"{code}: malformed title line {first!r}")
    return match.group(2)


def rule_severity(code: str) -> str:
    """The severity the page states: ``error``, ``warning`` or ``info``."""
    match = _SEVERITY.search(rule_doc(code))
    if match is None:
        raise ValueError(f"{code}: no 'Severity:' line")
    return match.group(1)


def rule_section(code: str, heading: str, lang: str = "en") -> str:
    """The body of one ``## heading`` section, stripped; empty when the section is absent."""
    lines = rule_doc(code, lang).splitlines()
    body: list[str] = []
    inside = False
    for line in lines:
        if line.startswith("## "):
            if inside:
                break
            inside = line[3:].strip() == heading
            continue
        if inside:
            body.append(line)
    return "\n".join(body).strip()


def rule_summary(code: str) -> str:
    """The first paragraph of "What it checks", on one line."""
    section = rule_section(code, "What it checks")
    paragraph = section.split("\n\n", 1)[0]
    return " ".join(line.strip() for line in paragraph.splitlines() if line.strip())
