"""paperkg: a knowledge graph builder for Hugging Face Daily Papers reports."""

__version__ = "0.1.0"
