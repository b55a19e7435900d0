"""Locations of the data shipped with the project (ontology, knowledge base, queries)."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
# A checkout (editable install) reads the top-level ontology/; a wheel installs the same files
# as the sibling package `kg_ontology` (see pyproject.toml).
ONTOLOGY_DIR = (
    PROJECT_DIR / "ontology" if (PROJECT_DIR / "ontology").is_dir() else PROJECT_DIR / "kg_ontology"
)
QUERIES_DIR = PACKAGE_DIR / "queries"
