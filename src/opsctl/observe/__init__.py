"""Observability: structured logs."""
