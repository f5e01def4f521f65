"""What callers of the importer use: import_file() and its result."""

from importing.reader import ImportFileError
from importing.run import Importer, ImportResult, import_file

__all__ = ["ImportFileError", "ImportResult", "Importer", "import_file"]
