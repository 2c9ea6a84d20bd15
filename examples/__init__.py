"""Example opsctl automations that act on real systems: a git repository, a directory, AWS EBS."""
