"""A local web page over the bundle files: see the score, edit the evidence, download.

`create_app(folder)` (in `app.py`) is a Starlette app bound by `cchc-index serve` to
127.0.0.1. The bundle's CSV/YAML files stay the only source of truth: every page reads them,
every save checks the edit with the command line's own loader and writes them atomically.
"""
