"""Installed helper scripts for the slack-mirror package."""
