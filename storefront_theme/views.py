from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def page_not_found(request, exception=None):
    """The themed 404, in the visitor's language."""
    return render(request, "oscar/404.html", status=404)


def permission_denied(request, exception=None):
    """The themed 403, in the visitor's language (a member on a staff page meets it)."""
    return render(request, "oscar/403.html", status=403)


def server_error(request):
    """A plain 500 that renders without the database or context processors."""
    return HttpResponseServerError(loader.get_template("500.html").render())
