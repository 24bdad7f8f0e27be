"""Scoring: evidence matching, metrics, the Scorer, reasons and rule cases."""
