"""`python -m cchc_index` runs the command line."""

from cchc_index.cli import main

main()
