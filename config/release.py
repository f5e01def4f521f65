"""The release the code is: what ETags and cache keys carry, so that a deploy that changes
how pages read does not have clients or caches keep what the code before it made."""

import hashlib
from pathlib import Path

APPS = ("access", "config", "edge", "events", "extraction", "importing", "timeline", "templates")
SUFFIXES = (".py", ".html", ".jinja", ".css", ".txt")


def code_digest(root: Path) -> str:
    """A digest of the project's code, templates and static text (read once at start)."""
    digest = hashlib.sha256()
    for app in APPS:
        for path in sorted((root / app).rglob("*")):
            if path.suffix in SUFFIXES and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
