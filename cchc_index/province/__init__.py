"""A province's batch: every unit scored in parallel, ranked, and remembered in a results store."""
