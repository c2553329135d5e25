import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from marketplace.services.vendors import vendor_member_add
from tests.browserless import form_fields
from tests.factories import vendor_create

pytestmark = pytest.mark.django_db

User = get_user_model()
URL = "/dashboard/profile/"
FORM = "form[enctype]"


@pytest.fixture
def team(db):
    vendor = vendor_create("Hợp tác xã Cói Kim Sơn", phone="0912345678")
    people = {}
    for role in ("owner", "manager", "staff"):
        people[role] = User.objects.create_user(role, f"{role}@example.vn", "x")
        vendor_member_add(vendor=vendor, user=people[role], role=role)
    return {"vendor": vendor, **people}


def post(client, user, **changes):
    client.force_login(user)
    data = form_fields(client.get(URL).content.decode(), FORM)
    data.update(changes)
    return client.post(URL, data)


@pytest.mark.parametrize("role", ["owner", "manager"])
def test_owner_and_manager_update_the_profile(client, team, role):
    response = post(
        client,
        team[role],
        story="Hai mươi chị em dệt chiếu.",
        bank_name="Agribank",
        bank_account_number="1234 5678 9012",
        bank_account_holder="Hợp tác xã Cói Kim Sơn",
        phone="+84 229 3871 234",
    )
    assert response.status_code == 302
    vendor = team["vendor"]
    vendor.refresh_from_db()
    assert vendor.story == "Hai mươi chị em dệt chiếu."
    assert vendor.bank_account_number == "123456789012"
    assert vendor.bank_account_holder == "HOP TAC XA COI KIM SON"
    assert vendor.phone == "02293871234"


def test_staff_members_read_but_do_not_change(client, team):
    client.force_login(team["staff"])
    assert client.get(URL).status_code == 200
    assert client.post(URL, {"story": "Sửa"}).status_code == 403


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("phone", "12345", "số điện thoại Việt Nam"),
        ("bank_account_number", "12ab", "6 đến 19 chữ số"),
        ("year_founded", "1800", ""),
    ],
)
def test_bad_values_are_explained_and_nothing_is_saved(client, team, field, value, words):
    response = post(client, team["owner"], story="Không được lưu", **{field: value})
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert field in errors and words in " ".join(errors[field])
    team["vendor"].refresh_from_db()
    assert team["vendor"].story != "Không được lưu"


def test_a_logo_is_cleaned_of_its_location(client, team):
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (20.0, 15.0, 0.0)}
    buffer = io.BytesIO()
    Image.new("RGB", (50, 50), (9, 9, 9)).save(buffer, "JPEG", exif=exif.tobytes())
    logo = SimpleUploadedFile("logo.jpg", buffer.getvalue(), content_type="image/jpeg")
    assert post(client, team["owner"], logo=logo).status_code == 302
    team["vendor"].refresh_from_db()
    with team["vendor"].logo.open() as handle:
        assert dict(Image.open(handle).getexif()) == {}


def test_a_shopper_has_no_profile_page(client, team):
    client.force_login(User.objects.create_user("k", "k@example.vn", "x"))
    assert client.get(URL).status_code == 403
