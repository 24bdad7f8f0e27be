"""The use cases under every face: one unit through the review cycle (`review.py`), a reviewed
unit as any output (`outputs.py`). The CLI, the web page and `batch` call these and do nothing
of their own beyond parsing and emitting."""
