from .version import __version__


def version():
    print(__version__)
