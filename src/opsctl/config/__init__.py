"""Layered configuration and secret redaction."""
