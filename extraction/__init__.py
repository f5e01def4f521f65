"""Article to events: candidate events read from a news article's text, with dates resolved
against its publication date, for editors to tick, correct and save (see admin_views).

The entry points are in extraction.extract.

    extract_candidates(text, published)   the candidates, as Candidate objects
    extract_from_input(text, published)   the same from unchecked input (command, API)
"""
