"""NLP layer: model cache, one spaCy pass per article, sentence embeddings."""
