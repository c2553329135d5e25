"""Wagtail's admin search (pages, images, documents, snippets, choosers) on the database.

The stock database backend (django-modelsearch) picks PostgreSQL full-text
search or SQLite's FTS5 by the database in use. On SQLite it writes each term
between double quotes in an FTS5 query without doubling the quotes inside it,
so a search for ``"`` or ``a"b`` is an FTS5 syntax error ("unterminated
string") and the admin page a 500. Here the SQLite compilers escape the terms
as FTS5 requires (a ``"`` inside a string is written ``""``) and leave out
terms with no letter or digit, which FTS5 would read as an empty phrase that
matches nothing. On PostgreSQL (and anything else) the stock backend is used
unchanged. https://www.sqlite.org/fts5.html#fts5_strings
"""

from __future__ import annotations

import copy
import functools
import re

from modelsearch.backends.database import SearchBackend as database_search_backend
from modelsearch.query import Phrase, PlainText

_WORD = re.compile(r"\w")


def fts5_terms(text: str) -> str:
    """The terms of ``text`` safe inside FTS5's double quotes, punctuation-only terms left out.

    When no term is left, the escaped text itself is kept: it matches nothing,
    which is the right answer to a search for punctuation alone.
    """
    escaped = text.replace('"', '""')
    kept = [term for term in escaped.split() if _WORD.search(term)]
    return " ".join(kept) if kept else escaped


def _escaped(query):
    if isinstance(query, PlainText | Phrase):
        query = copy.copy(query)
        query.query_string = fts5_terms(query.query_string)
    return query


@functools.cache
def _escaped_sqlite_backend_class():
    # The SQLite backend's module is imported only when the database is SQLite.
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteAutocompleteQueryCompiler,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )

    class EscapedSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
        def build_search_query_content(self, query, config=None):
            return super().build_search_query_content(_escaped(query), config=config)

    class EscapedSQLiteAutocompleteQueryCompiler(SQLiteAutocompleteQueryCompiler):
        def build_search_query_content(self, query, config=None):
            return super().build_search_query_content(_escaped(query), config=config)

    class EscapedSQLiteSearchBackend(SQLiteSearchBackend):
        query_compiler_class = EscapedSQLiteSearchQueryCompiler
        autocomplete_query_compiler_class = EscapedSQLiteAutocompleteQueryCompiler

    return EscapedSQLiteSearchBackend


def SearchBackend(params):
    """The stock database backend; on SQLite, the one that escapes FTS5 terms."""
    backend = database_search_backend(params)
    if type(backend).__module__ == "modelsearch.backends.database.sqlite.sqlite":
        return _escaped_sqlite_backend_class()(params)
    return backend
