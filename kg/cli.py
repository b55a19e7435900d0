"""Thin Typer CLI: each command parses options and calls one library function."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.errors import UserError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="paperkg: turn Hugging Face Daily Papers reports into a knowledge graph.",
)


def _fail(message: str, code: int = 1) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


@app.command()
def build(
    reports: Annotated[Path, typer.Option(help="Folder of report files (*.md, *.txt).")] = Path(
        "reports"
    ),
    out: Annotated[Path, typer.Option(help="Output folder.")] = Path("output"),
    strict: Annotated[
        bool, typer.Option(help="Exit non-zero if any file or block was skipped.")
    ] = False,
    fmt: Annotated[
        list[str],
        typer.Option(
            "--format",
            help="RDF formats to write: ttl, nt, jsonld, oxigraph (repeatable).",
        ),
    ] = ["ttl"],  # noqa: B006 - Typer reads list defaults
    html_max_nodes: Annotated[
        int, typer.Option(help="Most nodes shown in graph.html (0 = no limit).")
    ] = 2000,
    validate: Annotated[bool, typer.Option(help="Validate the export with SHACL.")] = True,
    progress: Annotated[bool, typer.Option(help="Show progress bars.")] = True,
) -> None:
    """Build the knowledge graph from a folder of reports."""
    from kg.build import build as run_build
    from kg.build import format_summary

    try:
        summary = run_build(
            reports,
            out,
            formats=tuple(fmt),
            html_max_nodes=html_max_nodes or None,
            validate=validate,
            progress=progress,
        )
    except UserError as e:
        _fail(str(e))
        return
    typer.echo(format_summary(summary))
    if strict and summary.skipped:
        _fail(f"--strict: {len(summary.skipped)} file(s) or block(s) skipped", 2)
    if summary.shacl_violations:
        _fail(f"SHACL: {summary.shacl_violations} violation(s) in the export", 3)


@app.command("eval")
def eval_(
    files: Annotated[
        list[Path] | None,
        typer.Argument(metavar="FILE", help="Gold annotation JSON file(s).", show_default=False),
    ] = None,
    gold: Annotated[
        list[Path] | None, typer.Option(help="Gold annotation JSON file (repeatable).")
    ] = None,
    areas: Annotated[
        list[Path] | None,
        typer.Option(help="Field-area table (TSV: key zh en area also) to score the taxonomy."),
    ] = None,
    graph: Annotated[Path, typer.Option(help="Built graph (Turtle).")] = Path("output/graph.ttl"),
    errors: Annotated[int, typer.Option(help="How many misses / false positives to list.")] = 30,
) -> None:
    """Score the built graph against hand-made gold annotations."""
    from kg.eval import evaluate, format_report

    paths = [*(gold or []), *(files or [])]
    if not paths and not areas:
        _fail("no gold file given: kg eval --gold FILE [FILE ...] or --areas FILE", 2)
        return
    try:
        report = evaluate(paths, graph, areas or ())
    except UserError as e:
        _fail(str(e))
        return
    typer.echo(format_report(report, max_errors=errors))


@app.command()
def query(
    query_: Annotated[
        str | None,
        typer.Argument(metavar="QUERY", help="SPARQL text, a .rq file or a named query."),
    ] = None,
    graph: Annotated[Path, typer.Option(help="Graph file or Oxigraph store.")] = Path(
        "output/graph.ttl"
    ),
    fmt: Annotated[str, typer.Option("--format", help="table, csv, tsv or json.")] = "table",
    list_: Annotated[bool, typer.Option("--list", help="List the named queries.")] = False,
    engine: Annotated[str, typer.Option(help="oxigraph or rdflib.")] = "oxigraph",
    param: Annotated[
        list[str],
        typer.Option(
            "--param",
            help="NAME=VALUE for a parameter of a named query, e.g. method=PPO (repeatable).",
        ),
    ] = [],  # noqa: B006 - Typer reads list defaults
) -> None:
    """Run a SPARQL query against the built graph."""
    from kg.query import describe_queries, parse_params, run_query

    if list_:
        typer.echo("\n".join(describe_queries()))
        return
    if not query_:
        _fail("give a QUERY (SPARQL text, a .rq file or a name from --list)", 2)
        return
    try:
        params = parse_params(param)
        typer.echo(run_query(query_, graph, fmt=fmt, engine=engine, params=params), nl=False)
    except UserError as e:
        _fail(str(e))


@app.command()
def serve(
    graph: Annotated[Path, typer.Option(help="Graph file or Oxigraph store.")] = Path(
        "output/graph.ttl"
    ),
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 7878,
) -> None:
    """Serve the graph as a read-only SPARQL 1.1 endpoint at /sparql."""
    from kg.serve import serve as run_serve

    try:
        run_serve(graph, host=host, port=port)
    except UserError as e:
        _fail(str(e))


if __name__ == "__main__":  # pragma: no cover
    app()
