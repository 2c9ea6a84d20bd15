"""kube-borg-backup CLI package."""

__version__ = "6.0.0"
