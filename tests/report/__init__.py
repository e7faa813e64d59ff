"""Tests of the report renderers (a package, so module names cannot clash with other test folders)."""
