"""Benchmarks: a synthetic province and the measurements of `cchc-index bench`."""
