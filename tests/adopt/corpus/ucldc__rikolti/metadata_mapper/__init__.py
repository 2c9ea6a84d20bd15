from . import utilities  # noqa: F401
from . import validator  # noqa: F401