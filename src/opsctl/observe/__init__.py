"""Observability: structured logs, metrics, service-level objectives, traces."""
