import pytest
from django.contrib.auth import get_user_model

from marketplace.models import AdministrativeArea
from marketplace.services.roles import UNION_STAFF, roles_sync
from tests.factories import commune_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def union_staff(client):
    user = get_user_model().objects.create_user("canbo", "canbo@example.vn", "pw", is_staff=True)
    user.groups.add(roles_sync())
    client.force_login(user)
    return user


def test_roles_sync_is_idempotent():
    first = roles_sync()
    permissions = set(first.permissions.values_list("codename", flat=True))
    second = roles_sync()
    assert first.pk == second.pk
    assert set(second.permissions.values_list("codename", flat=True)) == permissions
    assert "change_administrativearea" in permissions
    assert "delete_administrativearea" not in permissions  # areas are retired, not deleted


def test_union_staff_rename_a_commune_in_the_cms(client, union_staff):
    commune = commune_create("Ninh Hải")
    url = f"/cms/snippets/marketplace/administrativearea/edit/{commune.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "name": "Phường Ninh Hải",
            "slug": commune.slug,
            "level": "commune",
            "parent": commune.parent_id,
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    commune.refresh_from_db()
    assert commune.name == "Phường Ninh Hải"


def test_union_staff_cannot_delete_areas(client, union_staff):
    commune = commune_create("Ninh Hải")
    response = client.post(f"/cms/snippets/marketplace/administrativearea/delete/{commune.pk}/")
    assert response.status_code in {302, 403}
    assert AdministrativeArea.objects.filter(pk=commune.pk).exists()


def test_a_shopper_cannot_reach_the_area_editor(client):
    shopper = get_user_model().objects.create_user("khach", "khach@example.vn", "pw")
    client.force_login(shopper)
    commune = commune_create("Ninh Hải")
    response = client.get(f"/cms/snippets/marketplace/administrativearea/edit/{commune.pk}/")
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert UNION_STAFF not in shopper.groups.values_list("name", flat=True)
