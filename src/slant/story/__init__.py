"""Corpus mode: stories from a stream of articles."""
