"""The corpus store (DuckDB): schema, transactional batch writes, the reads reports need."""
