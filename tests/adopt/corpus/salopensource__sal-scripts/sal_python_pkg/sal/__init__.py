from sal.client import MacKeychainClient, SalClient, get_sal_client

try:
    from sal.mac_utils import *
except ImportError:
    # Allow non-macOS to import safely.
    pass
from sal.utils import *
from sal.version import __version__
