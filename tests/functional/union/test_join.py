"""Joining the Union online: her request with consent, staff's decision, export and erasure."""

import csv
import io

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from tests.factories import commune_create, publish
from union.consent import CONSENT_VERSION
from union.models import JoinPage, MembershipRequest, UnionEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def join_page(home_page):
    return publish(
        home_page,
        JoinPage(title="Tham gia Hội", slug="tham-gia-hoi", intro="<p>Chào chị em!</p>"),
    )


@pytest.fixture
def commune(db):
    return commune_create("Ninh Hải", "Hoa Lư")


def answers(commune, **changes) -> dict:
    data = {
        "full_name": "Phạm Thị Hoa",
        "birth_year": "1988",
        "phone": "+84 912 345 678",
        "email": "hoa@example.vn",
        "area": str(commune.pk),
        "place_outside": "",
        "occupation": "farmer",
        "consent": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_the_page_shows_the_unions_text_the_form_and_why_data_is_asked(client, join_page, commune):
    html = client.get(join_page.url).content.decode()
    assert "Chào chị em!" in html
    assert "Ninh Hải" in html and "Ngoài tỉnh" in html  # the area tree and "outside"
    assert "Nghị định 13/2023" in html  # the consent names the decree
    assert CONSENT_VERSION in html


def test_her_request_is_recorded_with_her_consent_time_and_text_version(client, join_page, commune):
    before = timezone.now()
    response = client.post(join_page.url, answers(commune), follow=True)
    assert "Cảm ơn" in " ".join(messages_of(response))
    request = MembershipRequest.objects.get()
    assert request.phone == "0912345678"  # normalised
    assert request.commune == commune
    assert request.consent_version == CONSENT_VERSION
    assert request.consent_at >= before
    assert request.status == MembershipRequest.Status.PENDING


def test_without_consent_nothing_is_recorded_and_she_is_told_why(client, join_page, commune):
    response = client.post(join_page.url, answers(commune, consent=None))
    assert response.status_code == 200
    assert "đồng ý" in response.content.decode()
    assert not MembershipRequest.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"phone": "12345"}, "số di động"),
        ({"birth_year": str(timezone.now().year - 10)}, "18"),
        ({"area": "outside", "place_outside": ""}, "ngoài tỉnh"),
        ({"area": "999999"}, "lựa chọn hợp lệ"),
        ({"full_name": " "}, "bắt buộc"),
    ],
    ids=["phone", "too-young", "outside-without-place", "unknown-commune", "no-name"],
)
def test_bad_answers_are_refused_politely_and_change_nothing(
    client, join_page, commune, changes, message
):
    response = client.post(join_page.url, answers(commune, **changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not MembershipRequest.objects.exists()


def test_a_woman_working_outside_the_province_writes_where(client, join_page, commune):
    client.post(
        join_page.url, answers(commune, area="outside", place_outside="KCN VSIP, Bình Dương")
    )
    request = MembershipRequest.objects.get()
    assert request.commune is None
    assert request.place_outside == "KCN VSIP, Bình Dương"


def test_a_second_request_from_the_same_phone_is_refused_politely(client, join_page, commune):
    client.post(join_page.url, answers(commune))
    response = client.post(
        join_page.url, answers(commune, full_name="Phạm Hoa", phone="0912.345.678")
    )
    assert response.status_code == 200
    assert "đã nhận được" in response.content.decode()
    assert MembershipRequest.objects.count() == 1


@override_settings(RATE_LIMITS={"union-join": (2, 3600)})
def test_requests_from_one_connection_are_limited(client, join_page, commune):
    for n in range(2):
        client.post(join_page.url, answers(commune, phone=f"091234567{n}"))
    response = client.post(join_page.url, answers(commune, phone="0912345679"))
    assert response.status_code == 429
    assert MembershipRequest.objects.count() == 2


def _request(commune, **fields) -> MembershipRequest:
    data = {
        "full_name": "Phạm Thị Hoa",
        "birth_year": 1988,
        "phone": "0912345678",
        "email": "hoa@example.vn",
        "commune": commune,
        "occupation": "trader",
        "consent_at": timezone.now(),
        "consent_version": CONSENT_VERSION,
    }
    data.update(fields)
    return MembershipRequest.objects.create(**data)


def test_a_shopper_cannot_see_the_requests(client, people, commune):
    request = _request(commune)
    client.force_login(people["shopper"])
    assert client.get("/dashboard/union/members/").status_code == 403
    assert client.get(f"/dashboard/union/members/{request.pk}/").status_code == 403
    assert client.get("/dashboard/union/members/export.csv").status_code == 403
    client.force_login(people["member of vendor A"])
    assert client.get("/dashboard/union/members/").status_code == 403


def test_staff_accept_her_she_gets_an_email_and_staff_see_the_text_to_send(
    client, people, commune, django_capture_on_commit_callbacks
):
    request = _request(commune)
    client.force_login(people["Union staff"])
    listing = client.get("/dashboard/union/members/").content.decode()
    assert "Phạm Thị Hoa" in listing and "0912 345 678" in listing
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/dashboard/union/members/{request.pk}/", {"action": "accept"}, follow=True
        )
    request.refresh_from_db()
    assert request.status == MembershipRequest.Status.ACCEPTED
    assert request.decided_by == people["Union staff"]
    assert [m.to for m in mail.outbox] == [["hoa@example.vn"]]
    assert "Hội" in mail.outbox[0].subject
    html = response.content.decode()
    assert 'id="sms-text"' in html and "Phạm Thị Hoa" in html
    assert UnionEvent.objects.filter(action="membership_accepted", object_id=request.pk).exists()


def test_declining_her_without_an_email_sends_nothing_but_gives_the_text(
    client, people, commune, django_capture_on_commit_callbacks
):
    request = _request(commune, email="")
    client.force_login(people["Union staff"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/dashboard/union/members/{request.pk}/", {"action": "decline"}, follow=True
        )
    request.refresh_from_db()
    assert request.status == MembershipRequest.Status.DECLINED
    assert mail.outbox == []
    assert 'id="sms-text"' in response.content.decode()


def test_erasing_her_data_on_request_keeps_only_a_line_in_the_log(client, people, commune):
    request = _request(commune, place_outside="")
    client.force_login(people["Union staff"])
    url = f"/dashboard/union/members/{request.pk}/"
    client.post(url, {"action": "erase"})  # without the confirmation: nothing
    request.refresh_from_db()
    assert request.full_name == "Phạm Thị Hoa"
    client.post(url, {"action": "erase", "confirm": "yes"})
    request.refresh_from_db()
    assert request.status == MembershipRequest.Status.ERASED
    assert (request.full_name, request.phone, request.email, request.birth_year) == (
        "",
        "",
        "",
        None,
    )
    assert request.commune is None
    event = UnionEvent.objects.get(action="membership_erased")
    assert (event.object_id, event.actor) == (request.pk, people["Union staff"])
    assert "Phạm" not in client.get(url).content.decode()
    # Her phone is free again: she may ask to join later.
    assert _request(commune).pk != request.pk


def test_staff_export_the_list_as_csv_without_erased_requests(client, people, commune):
    _request(commune)
    _request(commune, full_name="=HYPERLINK(1)", phone="0987654321", email="")
    _request(commune, full_name="", phone="", status="erased")
    client.force_login(people["Union staff"])
    response = client.get("/dashboard/union/members/export.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 3  # header and the two living requests
    assert rows[1][1] == "Phạm Thị Hoa" and rows[1][3] == "0912345678"
    assert rows[1][5] == "Ninh Hải" and rows[1][6] == "Hoa Lư"
    assert rows[1][-1] == CONSENT_VERSION
    assert rows[2][1] == "'=HYPERLINK(1)"  # never a formula in the spreadsheet


def test_every_shop_page_links_to_the_join_page_once_it_is_live(client, home_page):
    assert "tham-gia-hoi" not in client.get("/catalogue/").content.decode()
    page = publish(home_page, JoinPage(title="Tham gia Hội", slug="tham-gia-hoi"))
    assert f'href="{page.url}"' in client.get("/catalogue/").content.decode()


def test_staff_of_a_district_see_and_decide_only_the_requests_of_their_district(
    client, people, commune
):
    ours = _request(commune)
    theirs = _request(commune_create("Kim Tân", "Kim Sơn"), phone="0912000009", email="")
    outside = _request(None, phone="0912000010", place_outside="Bình Dương", email="")
    # people["Union staff of another district"] answers for Kim Sơn, not for Hoa Lư.
    client.force_login(people["Union staff of another district"])
    listing = client.get("/dashboard/union/members/").content.decode()
    assert theirs.full_name in listing
    assert f"/dashboard/union/members/{ours.pk}/" not in listing
    assert f"/dashboard/union/members/{outside.pk}/" not in listing
    assert client.get(f"/dashboard/union/members/{ours.pk}/").status_code == 404
    response = client.post(f"/dashboard/union/members/{ours.pk}/", {"action": "accept"})
    assert response.status_code == 404
    ours.refresh_from_db()
    assert ours.status == MembershipRequest.Status.PENDING
    rows = list(
        csv.reader(
            io.StringIO(
                client.get("/dashboard/union/members/export.csv").content.decode("utf-8-sig")
            )
        )
    )
    assert [row[3] for row in rows[1:]] == ["0912000009"]
    # Staff of the whole province see every request, those from outside it too.
    client.force_login(people["Union staff"])
    listing = client.get("/dashboard/union/members/").content.decode()
    for request in (ours, theirs, outside):
        assert f"/dashboard/union/members/{request.pk}/" in listing
