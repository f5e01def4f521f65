"""The revision of the data: one row, replaced by every transaction that writes domain
records (events.derived.flush, the importer, restore and load_seed), in that transaction.

It is what conditional GETs of lists and pages compare (the edge, timeline/edge.py and the
API's views): a client holding a page of revision R holds what the data was at R. Because
the row is written inside the writing transaction, a restored backup brings back the
revision its data had, and a command run in another process (an import) changes it for the
running server at once.
"""

import uuid

from django.db import models


class Revision(models.Model):
    token = models.CharField(max_length=32, help_text="Replaced by every write.")
    changed_at = models.DateTimeField(help_text="When the data last changed.")

    # The single row's key.
    ONLY = 1

    def __str__(self):
        return f"{self.token} ({self.changed_at:%Y-%m-%d %H:%M:%S})"

    @staticmethod
    def new_token() -> str:
        return uuid.uuid4().hex
