"""`kg query`: run SPARQL (text, a .rq file or a named query) with pyoxigraph or rdflib."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.errors import UserError
from kg.paths import QUERIES_DIR
from kg.rdf.vocab import PREFIXES

FORMATS: tuple[str, ...] = ("table", "csv", "tsv", "json")
ENGINES: tuple[str, ...] = ("oxigraph", "rdflib")
GRAPH_SUFFIXES: dict[str, str] = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld"}

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_PARAM_LINE = re.compile(r"^#\s*@param\s+([A-Za-z_]\w*)\s*:?\s*(.*)$")
_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*"
    r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.IGNORECASE,
)


# --- named queries ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QueryParam:
    """A parameter of a named query: `VALUES ?name { "default" }` in its text."""

    name: str
    default: str
    help: str


@dataclass(frozen=True, slots=True)
class NamedQuery:
    name: str
    description: str
    params: tuple[QueryParam, ...]
    text: str
    path: Path


def list_queries() -> list[str]:
    """Names of the queries shipped in kg/queries/ (the file stems), sorted."""
    return sorted(p.stem for p in QUERIES_DIR.glob("*.rq"))


def describe_queries() -> list[str]:
    """One line per named query: name, description and parameters with defaults."""
    lines = []
    for name in list_queries():
        q = named_query(name)
        params = " ".join(f"[--param {p.name}={p.default}]" for p in q.params)
        lines.append(f"{name:<28} {q.description}" + (f"  {params}" if params else ""))
    return lines


@cache
def named_query(name: str) -> NamedQuery:
    path = QUERIES_DIR / f"{name}.rq"
    if not _NAME.match(name) or not path.is_file():
        raise UserError(f"unknown query name {name!r}; `kg query --list` shows the named queries")
    return parse_query_file(path)


def parse_query_file(path: Path) -> NamedQuery:
    """Read a .rq file: first comment line = description, `# @param name: help` lines."""
    text = path.read_text(encoding="utf-8")
    comments = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        comments.append(line)
    description = comments[0].lstrip("# ").strip() if comments else ""
    params = []
    for line in comments[1:]:
        m = _PARAM_LINE.match(line)
        if not m:
            continue
        name, help_ = m.group(1), m.group(2).strip()
        values = re.search(_values_pattern(name), text)
        if not values:
            raise UserError(
                f'{path}: @param {name} needs `VALUES ?{name} {{ "..." }}` or `BIND ("..." AS ?{name})`'
            )
        params.append(QueryParam(name, _unquote(values.group(1) or values.group(2)), help_))
    return NamedQuery(path.stem, description, tuple(params), text, path)


def _values_pattern(name: str) -> str:
    """`VALUES ?name { "v" }` or `BIND ("v" AS ?name)`; group 1 or 2 is the literal.

    BIND exists for rdflib: a VALUES block inside a subquery stops it from pushing bindings."""
    lit = r'("(?:[^"\\]|\\.)*")'
    var = r"\?" + re.escape(name)
    return rf"VALUES\s+{var}\s*\{{\s*{lit}\s*\}}|BIND\s*\(\s*{lit}\s+AS\s+{var}\s*\)"


def _unquote(literal: str) -> str:
    return json.loads(literal) if literal.startswith('"') else literal


def _quote(value: str) -> str:
    """A SPARQL string literal: JSON string escapes are valid SPARQL ECHAR/UCHAR escapes."""
    return json.dumps(value, ensure_ascii=False)


def bind_params(q: NamedQuery, params: Mapping[str, str]) -> str:
    """The query text with each parameter's VALUES block set to the given value."""
    known = {p.name for p in q.params}
    unknown = sorted(set(params) - known)
    if unknown:
        have = ", ".join(sorted(known)) or "none"
        raise UserError(
            f"query {q.name!r} has no parameter {', '.join(unknown)} (parameters: {have})"
        )
    text = q.text
    for name, value in sorted(params.items()):
        values = f"VALUES ?{name} {{ {_quote(value)} }}"
        bind = f"BIND ({_quote(value)} AS ?{name})"
        text = re.sub(
            _values_pattern(name),
            lambda m, v=values, b=bind: v if m.group(0).startswith("VALUES") else b,
            text,
        )
    return text


def parse_params(items: Sequence[str]) -> dict[str, str]:
    """`name=value` strings (the CLI's repeatable --param) -> dict."""
    out = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise UserError(f"--param expects NAME=VALUE, got {item!r}")
        out[name.strip()] = value
    return out


def resolve_query(query: str, params: Mapping[str, str] | None = None) -> tuple[str, str]:
    """(SPARQL text, where it came from) for SPARQL text, a .rq path or a query name."""
    params = dict(params or {})
    stripped = query.strip()
    if _NAME.match(stripped) and not stripped.endswith(".rq"):
        return bind_params(named_query(stripped), params), f"query {stripped!r}"
    if stripped.endswith(".rq") and "\n" not in stripped and "{" not in stripped:
        path = Path(stripped).expanduser()
        if not path.is_file():
            raise UserError(f"query file not found: {path}")
        return bind_params(parse_query_file(path), params), str(path)
    if params:
        raise UserError("--param only applies to named queries and .rq files")
    return query, "query"


# --- results ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QueryResult:
    """Engine-independent result: SELECT rows, an ASK boolean or CONSTRUCT/DESCRIBE triples.

    Terms are rdflib terms; literals typed xsd:string are stored as plain literals, so both
    engines give equal results for equal answers.
    """

    kind: str  # "select", "ask" or "graph"
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Node | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[tuple[Node, Node, Node], ...] = ()


class Dataset(Protocol):
    def query(self, text: str, source: str = "query") -> QueryResult: ...


def is_update(text: str) -> bool:
    """True for SPARQL Update requests (INSERT, DELETE, LOAD, CLEAR ...), refused everywhere."""
    return bool(_UPDATE.match(_strip_comments(text)))


def _check_not_update(text: str, source: str) -> None:
    if is_update(text):
        raise UserError(f"{source}: SPARQL updates are not allowed, the graph is read-only")


def _strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


def _plain(lit: Literal) -> Literal:
    if lit.datatype == XSD.string:
        return Literal(str(lit))
    return lit


class OxigraphDataset:
    """A pyoxigraph store: read-only on-disk store or an in-memory copy of a file."""

    def __init__(self, graph: Path) -> None:
        import pyoxigraph

        self._ox = pyoxigraph
        if graph.is_dir():
            try:
                self.store = pyoxigraph.Store.read_only(str(graph))
            except OSError as e:
                raise UserError(f"not an Oxigraph store: {graph} ({e})") from e
        else:
            self.store = pyoxigraph.Store()
            fmt = pyoxigraph.RdfFormat.from_extension(graph.suffix.lstrip("."))
            try:
                self.store.bulk_load(path=str(graph), format=fmt)
            except SyntaxError as e:
                raise UserError(f"cannot parse {graph}: {e}") from e

    def query(self, text: str, source: str = "query") -> QueryResult:
        _check_not_update(text, source)
        ox = self._ox
        try:
            result = self.store.query(text, prefixes=PREFIXES)
        except SyntaxError as e:
            raise UserError(f"SPARQL syntax error in {source}: {e}") from e
        except (OSError, ValueError, RuntimeError) as e:
            raise UserError(f"{source} failed: {e}") from e
        if isinstance(result, ox.QueryBoolean):
            return QueryResult(kind="ask", boolean=bool(result))
        if isinstance(result, ox.QuerySolutions):
            variables = tuple(v.value for v in result.variables)
            rows = tuple(tuple(self._term(s[v]) for v in variables) for s in result)
            return QueryResult(kind="select", variables=variables, rows=rows)
        triples = tuple(
            (self._term(t.subject), self._term(t.predicate), self._term(t.object)) for t in result
        )
        return QueryResult(kind="graph", triples=triples)

    def _term(self, t: Any) -> Node | None:
        ox = self._ox
        if t is None:
            return None
        if isinstance(t, ox.NamedNode):
            return URIRef(t.value)
        if isinstance(t, ox.BlankNode):
            return BNode(t.value)
        if isinstance(t, ox.Literal):
            if t.language:
                return Literal(t.value, lang=t.language)
            return _plain(Literal(t.value, datatype=URIRef(t.datatype.value)))
        raise UserError(f"unsupported result term {t!r} (RDF-star is not supported)")


class RdflibDataset:
    """An rdflib Graph parsed from a file (or copied out of an Oxigraph store)."""

    def __init__(self, graph: Path) -> None:
        self.graph = Graph(bind_namespaces="none")
        if graph.is_dir():
            import pyoxigraph

            store = OxigraphDataset(graph).store
            data = store.dump(
                format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.DefaultGraph()
            )
            self.graph.parse(data=data.decode("utf-8"), format="nt")
            return
        try:
            self.graph.parse(graph, format=GRAPH_SUFFIXES[graph.suffix])
        except Exception as e:  # rdflib raises many parser-specific types
            raise UserError(f"cannot parse {graph}: {e}") from e

    def query(self, text: str, source: str = "query") -> QueryResult:
        _check_not_update(text, source)
        from pyparsing import ParseException

        try:
            result = self.graph.query(text, initNs=PREFIXES)
            kind = result.type
            if kind == "ASK":
                return QueryResult(kind="ask", boolean=bool(result.askAnswer))
            if kind == "SELECT":
                variables = tuple(str(v) for v in result.vars)
                rows = tuple(tuple(_norm(row[i]) for i in range(len(variables))) for row in result)
                return QueryResult(kind="select", variables=variables, rows=rows)
            triples = tuple((s, p, _norm(o)) for s, p, o in result)
            return QueryResult(kind="graph", triples=triples)
        except ParseException as e:
            raise UserError(f"SPARQL syntax error in {source}: {e}") from e
        except Exception as e:  # rdflib's evaluator raises bare Exceptions for bad queries
            raise UserError(f"{source} failed: {e}") from e


def _norm(t: Node | None) -> Node | None:
    return _plain(t) if isinstance(t, Literal) else t


def open_dataset(graph: Path, engine: str = "oxigraph") -> Dataset:
    """Load a .ttl/.nt/.jsonld file or an Oxigraph store directory for querying."""
    if engine not in ENGINES:
        raise UserError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    graph = Path(graph)
    if not graph.exists():
        raise UserError(f"graph not found: {graph} (run `kg build` first)")
    if graph.is_file() and graph.suffix not in GRAPH_SUFFIXES:
        raise UserError(
            f"unsupported graph file {graph}: use .ttl, .nt, .jsonld or an Oxigraph store folder"
        )
    return OxigraphDataset(graph) if engine == "oxigraph" else RdflibDataset(graph)


def run_query(
    query: str,
    graph: Path,
    *,
    fmt: str = "table",
    engine: str = "oxigraph",
    params: Mapping[str, str] | None = None,
) -> str:
    """Run QUERY (SPARQL text, a .rq file or a named query) on `graph`; formatted results."""
    if fmt not in FORMATS:
        raise UserError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    text, source = resolve_query(query, params)
    result = open_dataset(graph, engine).query(text, source)
    return format_result(result, fmt)


# --- formatting -------------------------------------------------------------------------


def format_result(result: QueryResult, fmt: str) -> str:
    if result.kind == "ask":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.boolean}) + "\n"
        return ("true" if result.boolean else "false") + "\n"
    if result.kind == "graph":
        g = Graph(bind_namespaces="none")
        for prefix, ns in PREFIXES.items():
            g.bind(prefix, ns)
        for t in result.triples:
            g.add(t)
        if fmt == "json":
            return g.serialize(format="json-ld", context=dict(PREFIXES), auto_compact=True)
        if fmt != "table":
            raise UserError("CONSTRUCT/DESCRIBE results print as table (Turtle) or json (JSON-LD)")
        return g.serialize(format="turtle")
    return {"table": _table, "csv": _csv, "tsv": _tsv, "json": _json}[fmt](result)


def _compact(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns):
            local = iri[len(ns) :]
            if local and "/" not in local and "#" not in local:
                return f"{prefix}:{local}"
    return iri


def _cell(t: Node | None) -> str:
    if t is None:
        return ""
    if isinstance(t, URIRef):
        return _compact(str(t))
    if isinstance(t, BNode):
        return f"_:{t}"
    return " ".join(str(t).split())


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(result: QueryResult) -> str:
    header = list(result.variables)
    body = [[_cell(t) for t in row] for row in result.rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in body]) for i, h in enumerate(header)]

    def line(cells: Sequence[str]) -> str:
        padded = [c + " " * (w - _width(c)) for c, w in zip(cells, widths, strict=True)]
        return "  ".join(padded).rstrip()

    out = [line(header), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in body]
    out.append(f"({len(body)} row{'s' if len(body) != 1 else ''})")
    return "\n".join(out) + "\n"


def _csv(result: QueryResult) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(result.variables)
    for row in result.rows:
        w.writerow(["" if t is None else f"_:{t}" if isinstance(t, BNode) else str(t) for t in row])
    return buf.getvalue()


def _tsv(result: QueryResult) -> str:
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    for row in result.rows:
        lines.append("\t".join("" if t is None else t.n3() for t in row))
    return "\n".join(lines) + "\n"


def _json_term(t: Node) -> dict[str, str]:
    if isinstance(t, URIRef):
        return {"type": "uri", "value": str(t)}
    if isinstance(t, BNode):
        return {"type": "bnode", "value": str(t)}
    assert isinstance(t, Literal)
    out = {"type": "literal", "value": str(t)}
    if t.language:
        out["xml:lang"] = t.language
    elif t.datatype is not None:
        out["datatype"] = str(t.datatype)
    return out


def _json(result: QueryResult) -> str:
    bindings = [
        {v: _json_term(t) for v, t in zip(result.variables, row, strict=True) if t is not None}
        for row in result.rows
    ]
    doc = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
