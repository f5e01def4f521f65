"""Sources and their bylines."""

from collections.abc import Sequence

from events.models import Author, Source, SourceAuthor
from events.services.records import record_delete, record_save
from events.services.unit import service


@service
def source_save(source: Source, authors: Sequence[str] | None = None) -> Source:
    """Save a source and, given `authors` (names, in byline order), make them its byline,
    reusing author records by name."""
    record_save(source)
    if authors is not None:
        current = [(b.author.name, b.position) for b in source.bylines.select_related("author")]
        if current != [(name, position) for position, name in enumerate(authors)]:
            for byline in source.bylines.all():
                record_delete(byline)
            for position, name in enumerate(authors):
                author = Author.objects.filter(name=name).first() or record_save(Author(name=name))
                record_save(SourceAuthor(source=source, author=author, position=position))
    return source
