"""Strict, frozen data models: the framework, the evidence bundle and the result."""
