"""Shared utilities for AWS boto3 scripts."""
