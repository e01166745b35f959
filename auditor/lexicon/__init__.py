"""Lexicons as data: measure words, qualifiers and idioms, read once and validated.

The TOML files under `zh/` are the only place a measure word or a set phrase is
named; code reads them through `lexicon()`.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources

import msgspec

KINDS = ("count", "money", "measure", "multiple")
BOUNDS = ("lower", "upper", "approx", "exact")


class Lexicon(msgspec.Struct, frozen=True):
    """The measure words, qualifiers and idioms of zh/, validated."""

    units: dict[str, str]  # unit -> quantity kind
    max_unit: int
    before: dict[str, str]  # qualifier -> bound
    after: dict[str, str]
    inner: dict[str, str]
    idioms: tuple[str, ...]
    #: words around a numeral that decide a look-alike (idioms.toml, [context]), by list name
    context: dict[str, tuple[str, ...]] = msgspec.field(default_factory=dict)
    #: other spellings of a unit (units.toml, [spelling]): m3 -> 立方米
    spelling: dict[str, str] = msgspec.field(default_factory=dict)
    #: words that only follow a unit as its denominator (units.toml, [per]): 元/月
    per: tuple[str, ...] = ()

    def bound(self, qualifier: str) -> str | None:
        return self.before.get(qualifier) or self.after.get(qualifier) or self.inner.get(qualifier)

    def bounding_before(self) -> str:
        """The qualifiers before a figure that bound or blur it (约, 将近, 超过, 不足), as one regex
        alternation, longest first; not 达/多达, which state the figure itself (多达 is no 多 + 达)."""
        import re

        return "|".join(re.escape(q) for q in sorted(self.before, key=len, reverse=True)
                        if self.before[q] != "exact")


#: Words a user's configuration adds (auditor/config.py): measure word -> kind, and not-quantity words.
_EXTRA_UNITS: dict[str, str] = {}
_EXTRA_IDIOMS: list[str] = []


def extend(units: Mapping[str, str] | None = None, idioms: Sequence[str] = ()) -> None:
    """Add measure words (word -> kind) and not-quantity words to the built-in lexicon, replacing
    any added before; `lexicon()` is rebuilt, and auditor/extract rebuilds its state when it changes."""
    pairs = tuple(sorted((units or {}).items()))
    for word, kind in pairs:
        if kind not in KINDS or not word.strip():
            raise ValueError(f"measure word {word!r}: kind {kind!r} is not one of {', '.join(KINDS)}")
    if any(not w or len(w) < 2 for w in idioms):
        raise ValueError("a not-quantity word must have at least two characters")
    words = list(dict.fromkeys(idioms))
    if dict(pairs) != _EXTRA_UNITS or words != _EXTRA_IDIOMS:
        _EXTRA_UNITS.clear()
        _EXTRA_UNITS.update(pairs)
        _EXTRA_IDIOMS[:] = words
        lexicon.cache_clear()


def _read(name: str) -> dict:
    """A lexicon file, parsed; on the command line, as an earlier run parsed the same text (auditor/recache.py)."""
    from auditor import recache

    return recache.parsed(resources.files("auditor.lexicon").joinpath("zh", name).read_text(encoding="utf-8"),
                          _parse_toml)


def _parse_toml(text: str) -> dict:
    import tomllib

    return tomllib.loads(text)


@cache
def lexicon() -> Lexicon:
    units_doc = _read("units.toml")
    units: dict[str, str] = {}
    spelling = dict(units_doc.pop("spelling", {}))
    per = tuple(units_doc.pop("per", {}).get("units", ()))
    if not all(isinstance(w, str) and w.strip() == w and w for w in per):
        raise ValueError("units.toml: an empty or padded entry in [per]")
    for kind, table in units_doc.items():
        if kind not in KINDS:
            raise ValueError(f"units.toml: unknown kind {kind!r}")
        for u in table["units"]:
            if not isinstance(u, str) or not u.strip():
                raise ValueError(f"units.toml: empty or non-text unit {u!r} in {kind}")
            if u in units:
                which = "twice" if units[u] == kind else f"as {units[u]} and {kind}"
                raise ValueError(f"units.toml: {u!r} listed {which}")
            units[u] = kind
    for word, unit in spelling.items():
        if word not in units or unit not in units or units[word] != units[unit]:
            raise ValueError(f"units.toml: spelling {word!r} = {unit!r} needs both listed, of one kind")
    for u, kind in _EXTRA_UNITS.items():
        units.setdefault(u, kind)  # a built-in word keeps its kind
    quals = _read("qualifiers.toml")
    for section in ("before", "after", "inner"):
        for word, bound in quals[section].items():
            if bound not in BOUNDS:
                raise ValueError(f"qualifiers.toml: {word!r} has unknown bound {bound!r}")
    idioms_doc = _read("idioms.toml")
    idioms = tuple(idioms_doc["words"])
    built_in = set(idioms)
    idioms += tuple(w for w in _EXTRA_IDIOMS if w not in built_in)
    context = {name: tuple(words) for name, words in idioms_doc.get("context", {}).items()}
    if not all(isinstance(w, str) and w for words in context.values() for w in words):
        raise ValueError("idioms.toml: an empty or non-text entry in [context]")
    if len(set(idioms)) != len(idioms):
        raise ValueError("idioms.toml: duplicate entries")
    if not all(isinstance(w, str) and len(w) > 1 for w in idioms):
        raise ValueError("idioms.toml: an entry is empty or a single character")
    return Lexicon(units=units, max_unit=max(map(len, units)), before=dict(quals["before"]),
                   after=dict(quals["after"]), inner=dict(quals["inner"]), idioms=idioms,
                   context=context, spelling=spelling, per=per)


class ClaimWords(msgspec.Struct, frozen=True):
    """The claim words of `zh/claims.toml`, by `section.key`, each list longest first."""

    lists: dict[str, tuple[str, ...]]

    def __call__(self, name: str) -> tuple[str, ...]:
        return self.lists[name]

    def alternation(self, name: str) -> str:
        """The list as one regex alternation (longest first, escaped)."""
        import re

        return "|".join(re.escape(w) for w in self.lists[name])

    def guarded(self, name: str, against: str) -> str:
        """The list as an alternation whose words do not match inside the words of `against`: 共 of 共受理 but
        not of 公共 or 共享 (a word that opens such a compound is kept from its ending, one inside it from its
        beginning)."""
        import re

        out = []
        for w in self.lists[name]:
            # (sorted by length, then text: one pattern text in every run, so the pattern cache keeps it)
            pres = sorted({c[:c.index(w)] for c in self.lists[against] if w in c and c.index(w) > 0},
                          key=lambda x: (-len(x), x))
            posts = sorted({c[len(w):] for c in self.lists[against] if c.startswith(w) and len(c) > len(w)},
                           key=lambda x: (-len(x), x))
            ahead = f"(?!{'|'.join(map(re.escape, posts))})" if posts else ""
            out.append("".join(f"(?<!{re.escape(x)})" for x in pres) + re.escape(w) + ahead)
        return "|".join(out)


@cache
def claim_words() -> ClaimWords:
    doc = _read("claims.toml")
    lists: dict[str, tuple[str, ...]] = {}
    for section, table in doc.items():
        for key, words in table.items():
            name = f"{section}.{key}"
            if not isinstance(words, list) or not words:
                raise ValueError(f"claims.toml: {name} is not a non-empty list")
            if not all(isinstance(w, str) and w.strip() == w and w for w in words):
                raise ValueError(f"claims.toml: {name} has an empty or padded entry")
            if len(set(words)) != len(words):
                raise ValueError(f"claims.toml: {name} lists an entry twice")
            lists[name] = tuple(sorted(words, key=len, reverse=True))
    return ClaimWords(lists)
