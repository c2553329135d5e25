from search.forms import SearchForm


def search_form(request):
    """The header search box on every page, filled with the current query."""
    return {"search_form": SearchForm(request.GET or None)}
