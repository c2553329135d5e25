from django.urls import reverse

from search.forms import SearchForm


def search_form(request):
    """The header search box on every page of the shop, filled with the current query.

    Not in Wagtail's admin (/cms/): its listings render any ``search_form``
    in the context as their own search bar, so the shop's box, sort and
    filter fields appeared above the contest entries.
    """
    if request.path.startswith(reverse("wagtailadmin_home")):
        return {}
    return {"search_form": SearchForm(request.GET or None)}
