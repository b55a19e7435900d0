"""RDF export of the knowledge graph: vocabulary, serializers, SHACL validation, VoID."""
