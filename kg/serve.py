"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint (stdlib HTTP server over pyoxigraph)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph

from kg.errors import UserError
from kg.query import OxigraphDataset, is_update, open_dataset
from kg.rdf.vocab import PREFIXES

ENDPOINT = "/sparql"
_MAX_BODY = 1 << 20  # 1 MiB of query text is plenty

# Media types for SELECT/ASK results, first = default.
_RESULT_TYPES: dict[str, pyoxigraph.QueryResultsFormat] = {
    "application/sparql-results+json": pyoxigraph.QueryResultsFormat.JSON,
    "application/json": pyoxigraph.QueryResultsFormat.JSON,
    "application/sparql-results+xml": pyoxigraph.QueryResultsFormat.XML,
    "application/xml": pyoxigraph.QueryResultsFormat.XML,
    "text/csv": pyoxigraph.QueryResultsFormat.CSV,
    "text/tab-separated-values": pyoxigraph.QueryResultsFormat.TSV,
}
# Media types for CONSTRUCT/DESCRIBE results, first = default.
_GRAPH_TYPES: dict[str, pyoxigraph.RdfFormat] = {
    "text/turtle": pyoxigraph.RdfFormat.TURTLE,
    "application/n-triples": pyoxigraph.RdfFormat.N_TRIPLES,
    "application/rdf+xml": pyoxigraph.RdfFormat.RDF_XML,
    "application/ld+json": pyoxigraph.RdfFormat.JSON_LD,
}
# Short names for the `format` request parameter (browsers cannot set Accept).
_FORMAT_ALIASES: dict[str, str] = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
}


class _QueryError(Exception):
    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


def negotiate(accept: str, offered: list[str]) -> str:
    """The offered media type the Accept header prefers (q-values, */* and type/*)."""
    best, best_q = offered[0], -1.0
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        mtype = fields[0].lower()
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        for candidate in offered:
            if mtype in (candidate, "*/*") or (
                mtype.endswith("/*") and candidate.startswith(mtype[:-1])
            ):
                # Earlier entries win ties; exact types beat wildcards.
                score = q - (0.001 if "*" in mtype else 0.0) - i * 1e-6
                if q > 0 and score > best_q:
                    best, best_q = candidate, score
                break
    return best


class SparqlHandler(BaseHTTPRequestHandler):
    """GET ?query=..., POST form (query=...) or POST application/sparql-query. No updates."""

    server_version = "paperkg-sparql/0.1"
    store: pyoxigraph.Store  # set on the subclass made by make_server

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        # Quiet by default: `kg serve` prints its URL once; per-request logs would flood tests.
        return

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path in ("/", ""):
            self._send(HTTPStatus.OK, "text/plain; charset=utf-8", _HELP.encode("utf-8"))
            return
        if url.path != ENDPOINT:
            self._error(HTTPStatus.NOT_FOUND, f"not found: {url.path} (the endpoint is {ENDPOINT})")
            return
        params = parse_qs(url.query, keep_blank_values=True)
        self._answer(params)

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path != ENDPOINT:
            self._error(HTTPStatus.NOT_FOUND, f"not found: {url.path} (the endpoint is {ENDPOINT})")
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > _MAX_BODY:
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "request body too large")
            return
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(url.query, keep_blank_values=True)
        if ctype == "application/sparql-update":
            self._error(HTTPStatus.FORBIDDEN, "SPARQL updates are not allowed: read-only endpoint")
            return
        if ctype == "application/sparql-query":
            params["query"] = [body]
        elif ctype == "application/x-www-form-urlencoded":
            params.update(parse_qs(body, keep_blank_values=True))
        else:
            self._error(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                "POST application/sparql-query or application/x-www-form-urlencoded",
            )
            return
        self._answer(params)

    def _answer(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            self._error(HTTPStatus.FORBIDDEN, "SPARQL updates are not allowed: read-only endpoint")
            return
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            self._error(HTTPStatus.BAD_REQUEST, "give exactly one `query` parameter")
            return
        accept = self.headers.get("Accept") or "*/*"
        fmt = params.get("format", [""])[0]
        if fmt:
            accept = _FORMAT_ALIASES.get(fmt, fmt)
        try:
            ctype, body = self._run(queries[0], accept)
        except _QueryError as e:
            self._error(e.status, str(e))
            return
        self._send(HTTPStatus.OK, ctype, body)

    def _run(self, text: str, accept: str) -> tuple[str, bytes]:
        if is_update(text):
            raise _QueryError(
                HTTPStatus.FORBIDDEN, "SPARQL updates are not allowed: read-only endpoint"
            )
        try:
            result = self.store.query(text, prefixes=PREFIXES)
        except SyntaxError as e:
            raise _QueryError(HTTPStatus.BAD_REQUEST, f"SPARQL syntax error: {e}") from e
        except (OSError, ValueError, RuntimeError) as e:
            raise _QueryError(HTTPStatus.BAD_REQUEST, f"query failed: {e}") from e
        if isinstance(result, pyoxigraph.QueryTriples):
            mtype = negotiate(accept, list(_GRAPH_TYPES))
            body = result.serialize(format=_GRAPH_TYPES[mtype]) or b""
            return f"{mtype}; charset=utf-8", body
        mtype = negotiate(accept, list(_RESULT_TYPES))
        body = result.serialize(format=_RESULT_TYPES[mtype]) or b""
        return f"{mtype}; charset=utf-8", body

    def _error(self, status: HTTPStatus, message: str) -> None:
        self._send(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))

    def _send(self, status: HTTPStatus, ctype: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


_HELP = f"""paperkg SPARQL endpoint (read-only).
Query it at {ENDPOINT}: GET ?query=..., or POST application/sparql-query or a form.
Results: SPARQL JSON (default), XML, CSV, TSV by Accept header or ?format=json|xml|csv|tsv;
CONSTRUCT/DESCRIBE as Turtle (default), N-Triples, RDF/XML or JSON-LD.
"""


def make_server(graph: Path, host: str = "127.0.0.1", port: int = 7878) -> ThreadingHTTPServer:
    """An HTTP server bound to (host, port) answering SPARQL over `graph` (not yet serving)."""
    dataset = open_dataset(Path(graph), "oxigraph")
    assert isinstance(dataset, OxigraphDataset)
    handler = type("BoundSparqlHandler", (SparqlHandler,), {"store": dataset.store})
    try:
        server = ThreadingHTTPServer((host, port), handler)
    except OSError as e:
        raise UserError(f"cannot listen on {host}:{port}: {e.strerror or e}") from e
    server.daemon_threads = True
    return server


@dataclass
class RunningServer:
    """A server running in a background thread (for tests and notebooks)."""

    server: ThreadingHTTPServer
    thread: threading.Thread

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}{ENDPOINT}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

    def __enter__(self) -> RunningServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def start_in_thread(graph: Path, host: str = "127.0.0.1", port: int = 0) -> RunningServer:
    """Serve `graph` from a daemon thread; port 0 picks a free port (see `.url`)."""
    server = make_server(graph, host, port)
    thread = threading.Thread(target=server.serve_forever, name="kg-serve", daemon=True)
    thread.start()
    return RunningServer(server, thread)


def serve(graph: Path, *, host: str = "127.0.0.1", port: int = 7878) -> None:
    """Serve `graph` at http://HOST:PORT/sparql until interrupted (Ctrl-C)."""
    server = make_server(graph, host, port)
    bound_host, bound_port = server.server_address[:2]
    print(f"SPARQL endpoint: http://{bound_host}:{bound_port}{ENDPOINT}  (Ctrl-C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
