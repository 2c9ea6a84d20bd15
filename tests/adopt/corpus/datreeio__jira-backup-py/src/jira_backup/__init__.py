from .backup import Atlassian

__all__ = [
    Atlassian,
]
