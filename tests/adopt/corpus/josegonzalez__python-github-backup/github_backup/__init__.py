__version__ = "0.65.1"
