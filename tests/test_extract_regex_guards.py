"""Character guards read from regexes (kg.extract.regex_guards): a guard may let a text through
that the regex then rejects, but never reject a text the regex matches."""

from __future__ import annotations

import random
import re

import pytest

from kg.extract.regex_guards import first_solid, first_two, last_solid
from kg.extract.resources import resources


def _samples(pattern: str, n: int = 600) -> list[str]:
    """Texts made of the pattern's own words and characters, spaces and a few others: the
    ones a guard could get wrong."""
    chars = {ch for ch in pattern if ch not in "\\()[]{}?*+|^$"} | set(" \n\u3000a1，的")
    pieces = sorted(chars | set(re.findall(r"[\u4e00-\u9fff]+|[A-Za-z]+", pattern)))
    rng = random.Random(pattern)
    out = ["", " ", "\n", "a\n"]
    for _ in range(n):
        out.append("".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))))
    return out


def _cue_patterns() -> list[str]:
    cues = resources().relation_cues
    return sorted({c.before.pattern for c in cues} | {c.after.pattern for c in cues})


def _agrees(pattern: re.Pattern[str], texts: list[str]) -> None:
    firsts, lasts = first_solid(pattern), last_solid(pattern)
    for text in texts:
        if firsts is not None and pattern.match(text):
            assert text.lstrip()[:1] in firsts, (pattern.pattern, text)
        if lasts is not None and pattern.search(text):
            assert text.rstrip()[-1:] in lasts, (pattern.pattern, text)


@pytest.mark.parametrize("pattern", _cue_patterns())
def test_regex_guards_never_reject_a_relation_cue_match(pattern: str) -> None:
    compiled = re.compile(pattern)
    # the cue's own words, and the texts around them that the cue is tried on
    words = re.findall(r"[\u4e00-\u9fff]+", pattern)
    texts = _samples(pattern) + [
        f"{a}{w}{b}" for w in words for a in ("", "基于 ") for b in ("", " ")
    ]
    _agrees(compiled, texts)


@pytest.mark.parametrize(
    ("pattern", "firsts", "lasts"),
    [
        (r"(?:基于|从)\s*$", {"基", "从"}, {"于", "从"}),
        (r"^\s*(?:的)?\s*(?:架构|框架)", {"的", "架", "框"}, None),  # no `$`: no last guard
        (r"(?:a|b)?c+\s*$", {"a", "b", "c"}, {"c"}),
        (r"x(?<![y])[ \t]*$", {"x"}, {"x"}),  # a lookaround consumes nothing
        (r"$", None, None),  # matches blank text
        (r"\s*(?:a)?\s*$", None, None),
        (r"[^a]b$", None, {"b"}),  # a negated class is any character
        (r"\d+$", None, None),
        (r"(?i)ab$", None, None),  # a flag that changes what a letter matches
        (r"(?i:a)b$", None, {"b"}),
        (r"ab$", {"a"}, {"b"}),
        (r"a$|b", {"a", "b"}, None),  # `$` on one branch only
    ],
)
def test_regex_guards_read_the_edges_of_a_pattern(
    pattern: str, firsts: set[str] | None, lasts: set[str] | None
) -> None:
    compiled = re.compile(pattern)
    assert first_solid(compiled) == (None if firsts is None else frozenset(firsts))
    assert last_solid(compiled) == (None if lasts is None else frozenset(lasts))
    _agrees(compiled, _samples(pattern))


def _opens_agree(pattern: re.Pattern[str], texts: list[str]) -> None:
    opens = first_two(pattern)
    assert opens is not None
    pairs, loose = opens
    for text in texts:
        for i in range(len(text)):
            if pattern.match(text, i):
                assert text[i : i + 2] in pairs or text[i] in loose, (pattern.pattern, text, i)


def _generate(items: list, rng: random.Random) -> str:
    """A random text the parsed pattern matches, lookarounds aside."""
    from re import _parser as sre

    out = []
    for op, av in items:
        if op is sre.LITERAL:
            out.append(chr(av))
        elif op is sre.IN:
            kind, value = rng.choice(av)
            if kind is sre.RANGE:
                out.append(chr(rng.randint(*value)))
            elif kind is sre.LITERAL:
                out.append(chr(value))
            else:
                out.append(rng.choice("07٣ "))  # a category: digits, also not ASCII ones
        elif op is sre.BRANCH:
            out.append(_generate(list(rng.choice(av[1])), rng))
        elif op is sre.SUBPATTERN:
            out.append(_generate(list(av[3]), rng))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            least, most, body = av
            for _ in range(rng.randint(least, min(most, least + 3))):
                out.append(_generate(list(body), rng))
    return "".join(out)


def test_regex_guards_never_reject_a_hardware_name() -> None:
    from re import _parser as sre

    pattern = resources().hardware_re
    rng = random.Random(0)
    parsed = list(sre.parse(pattern.pattern))
    texts = []
    for _ in range(600):
        name = _generate(parsed, rng)
        texts.append(rng.choice(["", "在 ", "x", "-"]) + name + rng.choice(["", " 上", "B", "中"]))
    assert sum(1 for t in texts if pattern.search(t)) > 200  # the test reaches the grammars
    _opens_agree(pattern, texts)


@pytest.mark.parametrize(
    ("pattern", "pairs", "loose"),
    [
        (r"(?:Google )?Pixel \d", {"Go", "Pi"}, set()),
        (r"A\d{2}", set(), {"A"}),  # a class is any character
        (r"(?<![\w.])ab|c", {"ab"}, {"c"}),  # a one-character match
        (r"x?y{2,3}", {"xy", "yy"}, set()),
        (r"[ab]c*", {"ac", "bc"}, {"a", "b"}),
    ],
)
def test_regex_guards_read_how_a_match_opens(
    pattern: str, pairs: set[str], loose: set[str]
) -> None:
    compiled = re.compile(pattern)
    assert first_two(compiled) == (frozenset(pairs), frozenset(loose))
    _opens_agree(compiled, _samples(pattern))


@pytest.mark.parametrize("pattern", [r"x?", r"\d+", r"(?i)ab", r"[^a]b"])
def test_regex_guards_leave_unsure_openings_unguarded(pattern: str) -> None:
    assert first_two(re.compile(pattern)) is None
