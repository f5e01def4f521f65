"""The documented columns: the docs and the command's help name every one."""

from django.conf import settings

from importing.columns import COLUMNS, help_text


def test_the_docs_and_the_help_name_every_column():
    docs = (settings.BASE_DIR / "docs" / "importing.md").read_text(encoding="utf-8")
    help_lines = help_text()

    for name in COLUMNS:
        assert f"`{name}`" in docs, name
        assert f"  {name}: " in help_lines, name
