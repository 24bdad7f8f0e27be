"""`python -m cchc_index` runs the command line."""

import gc

# No cyclic collection while the modules load (~20 passes over a growing import graph, ~2 ms
# of every start); `main` freezes what was imported and turns the collector back on.
gc.disable()

from cchc_index.cli.main import main  # noqa: E402

main()
