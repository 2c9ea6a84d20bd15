"""
Helpers shared between our storage service scripts.
"""

from .dynamo import bulk_delete_dynamo_items, delete_dynamo_item
from .iterators import chunked_iterable
from .s3 import copy_s3_prefix, delete_s3_prefix, list_s3_prefix
from .secrets import read_secret, write_secret

__all__ = [
    "bulk_delete_dynamo_items",
    "chunked_iterable",
    "copy_s3_prefix",
    "delete_dynamo_item",
    "delete_s3_prefix",
    "list_s3_prefix",
    "read_secret",
    "write_secret",
]
