"""`python -m cchc_index` runs the command line."""

import gc

# No cyclic collection while the modules load (it would pass over the growing import graph
# again and again); `main` freezes what was imported and turns the collector back on.
gc.disable()

from cchc_index.cli.main import main  # noqa: E402

main()
