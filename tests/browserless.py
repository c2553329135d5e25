"""Submit HTML forms the way a browser would, without a browser.

Reads every field of a rendered form (inputs, selects, textareas) with its
current value, so tests post exactly what a person who changed one field
would post, management forms of Oscar's formsets included.
"""

from __future__ import annotations

from bs4 import BeautifulSoup


def form_fields(html: str, selector: str = "form[method=post]") -> dict[str, object]:
    soup = BeautifulSoup(html, "html.parser")
    form = next(f for f in soup.select(selector) if f.find(["input", "select", "textarea"]))
    data: dict[str, object] = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.has_attr("disabled"):
            continue
        if field.name == "select":
            chosen = [
                o.get("value", o.text) for o in field.find_all("option") if o.has_attr("selected")
            ]
            if field.has_attr("multiple"):
                data[name] = chosen
            elif chosen:
                data[name] = chosen[0]
            else:
                first = field.find("option")
                data[name] = first.get("value", first.text) if first else ""
        elif field.name == "textarea":
            # Browsers drop the newline that follows <textarea> (HTML spec).
            text = field.text
            data[name] = text[1:] if text.startswith("\n") else text
        elif field.get("type") in {"checkbox", "radio"}:
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        elif field.get("type") in {"submit", "button", "file", "image", "reset"}:
            continue
        else:
            data[name] = field.get("value", "")
    return data


def oscar_editor_html(client, url: str) -> str:
    """Oscar's product editor at ``url`` as Union staff see it, for a test that then posts it
    as the signed-in person.

    A member who opens Oscar's editor is sent to her own form (dashboard/member_products.py);
    the editor still answers her POSTs, behind the same guards (her products only, changes to
    approved ones held), and the tests of those guards build the form they post from here.
    """
    from django.contrib.auth import get_user_model

    user = client.session.get("_auth_user_id")
    page = client.get(url)
    if page.status_code != 302 or user is None:
        return page.content.decode()
    User = get_user_model()
    staff, _created = User.objects.get_or_create(
        username="editor-html", defaults={"is_staff": True, "is_superuser": True}
    )
    client.force_login(staff)
    html = client.get(url).content.decode()
    client.force_login(User.objects.get(pk=user))
    return html
