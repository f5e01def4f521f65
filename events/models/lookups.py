"""Text search lookups."""

from django.db import NotSupportedError, models


@models.TextField.register_lookup
class SearchEnglish(models.Lookup):
    """`field__search_english="words"`: PostgreSQL full-text search with English stemming
    and websearch syntax ("defense -industry", "\\"post-war reconstruction\\""). The SQL is
    the expression the `event_search_text_fts` GIN index is built on, so the index serves it.
    """

    lookup_name = "search_english"

    def as_sql(self, compiler, connection):
        raise NotSupportedError("search_english needs PostgreSQL; use icontains elsewhere.")

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        sql = (
            f"to_tsvector('english'::regconfig, {lhs}) "
            f"@@ websearch_to_tsquery('english'::regconfig, {rhs})"
        )
        return sql, (*lhs_params, *rhs_params)
