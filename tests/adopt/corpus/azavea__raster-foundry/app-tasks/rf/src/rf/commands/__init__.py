from .export import export
from .process_upload import process_upload
