"""The `cchc-index` command line: a thin layer over the library."""
