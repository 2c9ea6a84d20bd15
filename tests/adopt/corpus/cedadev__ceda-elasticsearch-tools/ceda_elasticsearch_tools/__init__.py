from .elasticsearch.ceda_elasticsearch_client import CEDAElasticsearchClient

from .index_tools.base import IndexUpdaterBase
from .index_tools.ceda_client import BulkClient

from importlib.metadata import version
__version__ = version