"""`slant eval NAME --data PATH`: score a model or heuristic on a dataset, next to the published anchor."""
