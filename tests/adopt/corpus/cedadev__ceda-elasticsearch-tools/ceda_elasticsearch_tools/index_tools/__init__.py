
from .ceda_dirs import CedaDirs
from .ceda_fbi import CedaFbi
from .ceda_eo import CedaEo

from .base import IndexUpdaterBase
from .ceda_client import BulkClient