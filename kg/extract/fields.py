"""The 应用领域 section split into research fields, each placed in a top-level area."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.resources import has_cjk, norm_field, resources
from kg.keys import field_key
from kg.model import Area, Evidence, FieldMention, PaperRecord

_LIST_SEPS = "、，,；;/"
_DETAIL = re.compile(r"^(?:具体(?:涉及|细分|包括|为|应用于)?|涵盖|包括|主要涉及)\s*[:：]?\s*")
# What opens or closes a field in running prose: `结合了计算机视觉`, `具身智能等场景`.
_PROSE_HEAD = re.compile(
    r"^(?:具体(?:涉及|细分|包括|为|应用于)?|涵盖|包括|主要涉及|涉及|结合了?)\s*[:：]?\s*"
)
_PROSE_TAIL = re.compile(r"\s*等(?:场景|任务|方向|领域|应用|问题)?$")
# `A及B`, `A以及B` list fields; `涉及`, `提及`, `普及` are words.
_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9]{1,7}$")
_AND = re.compile(r"以及|(?<![涉提普触危])及(?!时)")
_EXAMPLE = re.compile(r"^(?:如|例如|比如|特别是|尤其是|即|e\.g\.)")
_FOCUS = ("特别是", "尤其是")
_TRAILING = re.compile(r"[。.;；:：\s]+$")
_HIER_HYPHEN = re.compile(r"\s+[-–—]\s+|(?<=[A-Za-z)）])\s*[-–—]\s*(?=[\u4e00-\u9fff])")


@dataclass(slots=True)
class _Item:
    zh: str | None
    en: str | None
    parent: int | None  # index of the broader item
    slash: bool = False  # separated from the previous item by "/"


def taxonomy_areas() -> tuple[Area, ...]:
    """The top-level research areas (the roots of the field taxonomy)."""
    return resources().areas


@lru_cache(maxsize=4096)
def area_of(zh: str | None, en: str | None) -> str | None:
    """Key of the area whose first keyword rule matches the field's names."""
    hay = " ".join(x for x in (zh, en) if x).casefold()
    res = resources()
    rules = res.area_rules
    # Every rule needs its keyword somewhere in the names: the keyword tree finds the rules
    # whose keyword is there in one walk over the names, and only those are tried, in order.
    tree = res.area_tree
    found = set(tree.get("", ()))
    for i in range(len(hay)):
        node = tree
        for ch in hay[i:]:
            node = node.get(ch)
            if node is None:
                break
            found.update(node.get("", ()))
    for k in sorted(found):
        rule, area = rules[k]
        if isinstance(rule, str) or rule.search(hay):
            return area
    return None


def canonical(zh: str | None, en: str | None) -> tuple[str | None, str | None]:
    """Names of the same field across reports: the synonym table's spelling when listed."""
    syn = resources().field_syn
    for text in (en, zh):
        if text:
            hit = syn.get(norm_field(text))
            if hit:
                return hit[1], hit[0]
    return zh, en


def _split_top(text: str) -> list[tuple[str, str]]:
    """Split on list separators outside parentheses; returns (piece, separator before it)."""
    text = _AND.sub("、", text)
    out: list[tuple[str, str]] = []
    depth = 0
    buf: list[str] = []
    sep = ""
    for ch in text:
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        if depth == 0 and ch in _LIST_SEPS:
            out.append(("".join(buf), sep))
            buf, sep = [], ch
            continue
        buf.append(ch)
    out.append(("".join(buf), sep))
    pieces = [(_PROSE_TAIL.sub("", _PROSE_HEAD.sub("", p.strip())), s) for p, s in out]
    return [(p, s) for p, s in pieces if p]


def _split_hier(text: str) -> list[str]:
    """`大类 - 子类` at the top level (outside parentheses)."""
    parts: list[str] = []
    depth = 0
    last = 0
    masked = []
    for ch in text:
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        masked.append(ch if depth == 0 else "x")
    flat = "".join(masked)
    m0 = re.match(r"^([\u4e00-\u9fff]{3,})\s*[-–—]\s*(?=[\u4e00-\u9fff]{2})", flat)
    if m0 and norm_field(m0.group(1)) in resources().field_syn:
        # `计算机图形学-物理仿真角色控制`: a known broad field before a hyphen, not a compound
        # such as `视觉-语言模型`.
        parts.append(text[: m0.end(1)])
        last = m0.end()
    for m in _HIER_HYPHEN.finditer(flat, last):
        parts.append(text[last : m.start()])
        last = m.end()
    parts.append(text[last:])
    return [p.strip() for p in parts if p.strip()]


def _parse_item(text: str) -> tuple[str | None, str | None, list[str]]:
    """`中文（English, ACR）` -> (zh, en, extra fields listed inside the parenthesis)."""
    m = re.search(r"[（(]([^（）()]*)[)）]", text)
    if not m:
        clean = text.strip()
        return (clean, None, []) if has_cjk(clean) else (None, clean or None, [])
    before = text[: m.start()].strip()
    inside = m.group(1).strip()
    after = text[m.end() :].strip()
    if before and has_cjk(before) and has_cjk(after) and _ACRONYM.match(inside):
        # `多模态大模型 (VLLM) 微调`: an acronym glossing a word inside the field's name.
        return before + after, None, []
    extra: list[str] = []
    detail = _DETAIL.match(inside)
    example = _EXAMPLE.match(inside)
    if detail and has_cjk(inside):
        extra = [p for p, _ in _split_top(inside[detail.end() :])]
        inside = ""
    elif example:
        # `（特别是自回归长视频生成、视频扩散模型）` lists narrower fields; `（如 Wan2.1）` not.
        items = [p for p, _ in _split_top(inside[example.end() :])]
        if inside.startswith(_FOCUS) and len(items) > 1 and all(len(p) <= 12 for p in items):
            extra = items
        inside = ""
    if before and not has_cjk(before) and has_cjk(inside):
        return inside, before, extra
    en = None
    if inside and not has_cjk(inside):
        en = re.split(r"\s*[,，;；]\s*|\s+/\s+|/", inside)[0].strip() or None
    return (before or None), en, extra


def _line_items(line: str) -> list[_Item]:
    items: list[_Item] = []
    for piece, sep in _split_top(line):
        chain = _split_hier(piece)
        parent: int | None = None
        for j, part in enumerate(chain):
            zh, en, extra = _parse_item(part)
            if zh is None and en is None:
                continue
            items.append(_Item(zh, en, parent, slash=(sep == "/" and j == 0)))
            parent = len(items) - 1
            for x in extra:
                xzh, xen, _ = _parse_item(x)
                if xzh or xen:
                    items.append(_Item(xzh, xen, None))
    _distribute_slashes(line, items)
    return items


def _distribute_slashes(line: str, items: list[_Item]) -> None:
    """`单视图 3D 重建 / 3D 生成 (Single-View 3D Reconstruction / Generation)`."""
    for i, it in enumerate(items):
        if not it.slash or it.en is None or i == 0 or items[i - 1].en is not None:
            continue
        m = re.search(re.escape(it.en) + r"\s*/\s*([^)）]+)[)）]", line)
        if m is None:
            continue
        items[i - 1].en, it.en = it.en, m.group(1).strip()


def paper_fields(paper: PaperRecord) -> tuple[FieldMention, ...]:
    """Every field of the paper's 应用领域 section, in order, deduplicated by key."""
    sec = paper.section("fields")
    if sec is None:
        return ()
    out: list[FieldMention] = []
    seen: set[str] = set()
    offset = 0
    first = True
    for raw in sec.text.split("\n"):
        line_no = sec.line_of(offset)
        offset += len(raw) + 1
        line = _TRAILING.sub("", raw.replace("**", "").strip(" \t*-•"))
        if not line:
            continue
        detail = _DETAIL.match(line)
        if not first and not detail:
            continue
        if detail:
            line = line[detail.end() :]
        first = False
        items = _line_items(line)
        keys: list[str] = []
        evidence = Evidence(paper.source, line_no, "fields", re.sub(r"\s+", " ", line))
        for it in items:
            zh, en = it.zh, it.en
            czh, cen = canonical(zh, en)
            key = field_key(czh, cen)
            keys.append(key)
            parent = keys[it.parent] if it.parent is not None else None
            area = area_of(czh, cen) or area_of(zh, en)
            if area is None and parent is not None:
                area = next((f.area for f in out if f.key == parent), None)
            if area is None:
                area = field_key(None, "Machine Learning")
            if key in seen or not key:
                continue
            seen.add(key)
            out.append(
                FieldMention(
                    key=key,
                    zh=zh or czh,
                    en=en or cen,
                    parent=parent if parent != key else None,
                    area=area,
                    evidence=evidence,
                )
            )
    return tuple(out)
