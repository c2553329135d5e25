"""Union staff's three back offices work under the Content-Security-Policy: nothing is refused.

Wagtail's admin (/cms/) runs inline scripts, allowed there only; Oscar's
dashboard and Django's admin run under the site's strict policy. A Gravatar
picture or Wagtail's release check would be refused: both are switched off.
"""

import pytest
from django.contrib.auth import get_user_model

from tests.browser.conftest import csp_violations, screenshot
from tests.browser.market import PASSWORD, market_create

pytestmark = pytest.mark.django_db(transaction=True)


def test_staff_back_offices_meet_no_csp_violation(phone, home_page):
    market = market_create(home_page)
    get_user_model().objects.create_superuser("quantri@example.vn", "quantri@example.vn", PASSWORD)
    story = market["story"]
    product = market["products"]["kim_son"]

    phone.goto("/cms/login/")
    phone.fill("#id_username", "quantri@example.vn")
    phone.fill("#id_password", PASSWORD)
    phone.locator("form button[type=submit]").click()
    phone.wait_for_url("**/cms/")
    for url in [
        "/cms/",
        f"/cms/pages/{story.get_parent().pk}/",
        f"/cms/pages/{story.pk}/edit/",
        f"/cms/pages/add/cms/storypage/{story.get_parent().pk}/",
        "/cms/images/",
        "/cms/users/",
        "/dashboard/",
        f"/dashboard/catalogue/products/{product.pk}/",
        "/dashboard/listings/",
        "/django-admin/",
        "/django-admin/auth/user/add/",
    ]:
        assert phone.goto(url).status == 200, url
        phone.wait_for_load_state("networkidle")
    screenshot(phone, "csp-django-admin")
    assert csp_violations(phone) == []
