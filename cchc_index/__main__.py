"""`python -m cchc_index` runs the command line."""

from cchc_index.cli.main import main

main()
