"""What every match of a regular expression starts or ends with, read from the pattern once.

A hot loop that tries many patterns on each piece of text (the relation cues on every list of
objects, the hardware grammars at every Latin word) tests the characters a match needs first,
in a set lookup, and runs the regex only where they are there. Each function answers None
when it cannot be sure (an unknown construct, a flag that changes what a class means, a
match that can be empty): the caller then always runs the regex, so a guard never changes a
result, it only skips work.
"""

from __future__ import annotations

import re
from typing import Any

try:
    from re import _parser as _sre  # Python 3.11+
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre  # type: ignore[no-redef]

_Items = list[tuple[Any, Any]]
# Flags that change what a class, `$` or a letter matches.
_UNSURE_FLAGS = re.IGNORECASE | re.ASCII | re.MULTILINE | re.LOCALE
# Wider character ranges are taken for any character: a guard on them saves nothing.
_MAX_RANGE = 512
_ZERO_WIDTH = (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)
_REPEATS = tuple(
    op
    for op in (
        _sre.MAX_REPEAT,
        _sre.MIN_REPEAT,
        getattr(_sre, "POSSESSIVE_REPEAT", None),  # Python 3.11+
    )
    if op is not None
)
_ATOMIC = getattr(_sre, "ATOMIC_GROUP", None)  # Python 3.11+


class _Unsure(Exception):
    """The pattern holds something the reading does not follow."""


def _parse(pattern: re.Pattern[str]) -> _Items:
    if pattern.flags & _UNSURE_FLAGS:
        raise _Unsure
    return list(_sre.parse(pattern.pattern, pattern.flags))


def _class_chars(op: Any, av: Any, spaces: bool) -> frozenset[str]:
    """The characters a one-character item matches; a `\\s` class stands as " " if `spaces`."""
    if op is _sre.LITERAL:
        return frozenset(chr(av))
    if op is not _sre.IN or (av and av[0][0] is _sre.NEGATE):
        raise _Unsure
    chars: set[str] = set()
    for kind, value in av:
        if kind is _sre.LITERAL:
            chars.add(chr(value))
        elif kind is _sre.RANGE and value[1] - value[0] <= _MAX_RANGE:
            chars.update(map(chr, range(value[0], value[1] + 1)))
        elif spaces and kind is _sre.CATEGORY and value is _sre.CATEGORY_SPACE:
            chars.add(" ")
        else:
            raise _Unsure
    return frozenset(chars)


def _one_char(op: Any, av: Any) -> tuple[frozenset[str], bool]:
    """The non-space characters a one-character item matches, and whether it matches a space."""
    chars = _class_chars(op, av, spaces=True)
    solid = frozenset(ch for ch in chars if not ch.isspace())
    return solid, len(solid) < len(chars)


def _edge(items: _Items, last: bool) -> tuple[frozenset[str], bool]:
    """The non-space characters a match of `items` can start (or, if `last`, end) with, and
    whether a match can be blank: empty or spaces only."""
    out: frozenset[str] = frozenset()
    for op, av in reversed(items) if last else items:
        if op in _ZERO_WIDTH:
            continue  # an anchor or a lookaround consumes nothing
        if op is _sre.BRANCH:
            edges = [_edge(list(alt), last) for alt in av[1]]
            chars, blank = frozenset().union(*(c for c, _ in edges)), any(b for _, b in edges)
        elif op is _sre.SUBPATTERN:
            if av[1] or av[2]:
                raise _Unsure  # a scoped flag
            chars, blank = _edge(list(av[3]), last)
        elif op is _ATOMIC:
            chars, blank = _edge(list(av), last)
        elif op in _REPEATS:
            chars, blank = _edge(list(av[2]), last)
            blank = blank or av[0] == 0
        else:
            chars, blank = _one_char(op, av)
        out |= chars
        if not blank:
            return out, False
    return out, True


def first_solid(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The characters the first non-space character of a match can be: `pattern.match(text)`
    finds nothing unless `text.lstrip()[:1]` is one of them. None when unsure, or when a
    match can be blank."""
    try:
        chars, blank = _edge(_parse(pattern), last=False)
    except _Unsure:
        return None
    return None if blank else chars


def last_solid(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """For a pattern that ends with `$`: the characters the last non-space character of a
    match can be, so that `pattern.search(text)` finds nothing unless `text.rstrip()[-1:]`
    is one of them. None when unsure, when a match can be blank or when the pattern does not
    end with `$`."""
    try:
        items = _parse(pattern)
        if not items or items[-1] not in ((_sre.AT, _sre.AT_END), (_sre.AT, _sre.AT_END_STRING)):
            return None
        chars, blank = _edge(items, last=True)
    except _Unsure:
        return None
    return None if blank else chars


# A pattern with more openings than this is guarded by none: the set would cost more than
# the regex it spares.
_MAX_OPENINGS = 4096

_Opening = tuple[str | None, ...]


def _exact_chars(op: Any, av: Any) -> frozenset[str] | None:
    """The characters a one-character item matches, or None for a class (`\\d`, `\\s`, `[^…]`)."""
    try:
        return _class_chars(op, av, spaces=False)
    except _Unsure:
        return None


def _opens(items: _Items, n: int) -> set[_Opening]:
    """What a match of `items` can open with: its first n characters (None for any), or all
    of it when it is shorter."""
    out: set[_Opening] = {()}
    for op, av in items:
        if all(len(o) >= n for o in out):
            break
        if op in _ZERO_WIDTH:
            continue  # an anchor or a lookaround consumes nothing
        if op is _sre.BRANCH:
            tails = set().union(*(_opens(list(alt), n) for alt in av[1]))
        elif op is _sre.SUBPATTERN:
            if av[1] or av[2]:
                raise _Unsure  # a scoped flag
            tails = _opens(list(av[3]), n)
        elif op is _ATOMIC:
            tails = _opens(list(av), n)
        elif op in _REPEATS:
            least, most, body = av
            once = _opens(list(body), n)
            tails = {()} if least == 0 else set()
            acc: set[_Opening] = {()}
            # past the least repeats, n more give every opening of n characters
            for k in range(1, min(most, least + n) + 1):
                acc = {(a + b)[:n] for a in acc for b in once}
                if k >= least:
                    tails |= acc
        elif op in (_sre.LITERAL, _sre.IN, _sre.ANY, _sre.NOT_LITERAL):
            chars = _exact_chars(op, av)
            tails = {(None,)} if chars is None else {(ch,) for ch in chars}
        else:
            raise _Unsure
        out = {(o + t)[:n] if len(o) < n else o for o in out for t in tails}
        if len(out) > _MAX_OPENINGS:
            raise _Unsure
    return out


def first_two(pattern: re.Pattern[str]) -> tuple[frozenset[str], frozenset[str]] | None:
    """How a match opens, as (pairs, loose): `pattern.match(text, i)` finds nothing unless
    `text[i : i + 2]` is in pairs or `text[i]` is in loose (a first character whose second
    can be any, or that can be the whole match). None when unsure or a match can be empty."""
    try:
        opens = _opens(_parse(pattern), 2)
    except _Unsure:
        return None
    pairs: set[str] = set()
    loose: set[str] = set()
    for o in opens:
        if not o or o[0] is None:
            return None
        if len(o) == 1 or o[1] is None:
            loose.add(o[0])
        else:
            pairs.add(o[0] + o[1])
    return frozenset(pairs), frozenset(loose)
