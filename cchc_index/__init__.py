"""cchc-index."""
