"""Compile a framework to a plain-data ruleset; run it with durable_rules or the reference."""
