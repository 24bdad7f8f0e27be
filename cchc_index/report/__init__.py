"""Renderers: each a function of a Result to text; none computes points."""
