"""Locations of the data shipped with the project (ontology, knowledge base, queries)."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
ONTOLOGY_DIR = PROJECT_DIR / "ontology"
QUERIES_DIR = PACKAGE_DIR / "queries"
