from .iosfw import *
