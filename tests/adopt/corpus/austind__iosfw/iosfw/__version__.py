VERSION = (0, 9, 8)


__version__ = '.'.join(map(str, VERSION))
