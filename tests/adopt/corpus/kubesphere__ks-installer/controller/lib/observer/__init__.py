from .classes import Subject, InfoViewer

__all__ = ["Subject","InfoViewer"]