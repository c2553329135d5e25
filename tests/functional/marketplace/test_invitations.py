import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from core.refusals import Refusal
from marketplace.models import VendorInvitation, VendorMember
from marketplace.services.invitations import invitation_create
from marketplace.services.vendors import vendor_member_add
from tests.factories import vendor_create

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture
def team(home_page):
    vendor = vendor_create("Hợp tác xã Cói Kim Sơn")
    other = vendor_create("Hợp tác xã Khác")
    owner = User.objects.create_user("chu@example.vn", "chu@example.vn", "x")
    staff = User.objects.create_user("nv@example.vn", "nv@example.vn", "x")
    stranger = User.objects.create_user("la@example.vn", "la@example.vn", "x")
    vendor_member_add(vendor=vendor, user=owner, role="owner")
    vendor_member_add(vendor=vendor, user=staff, role="staff")
    vendor_member_add(vendor=other, user=stranger, role="owner")
    return {"vendor": vendor, "owner": owner, "staff": staff, "stranger": stranger}


def invite(client, user, **data):
    client.force_login(user)
    return client.post("/dashboard/team/", {"role": "manager", **data})


def test_owner_invites_by_email(client, team, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client, team["owner"], email="Moi@Example.vn")
    assert response.status_code == 302
    invitation = VendorInvitation.objects.get()
    assert invitation.email == "moi@example.vn"
    assert len(mailoutbox) == 1
    assert invitation.get_absolute_url() in mailoutbox[0].body
    assert invitation.get_absolute_url() in client.get("/dashboard/team/").content.decode()


def test_owner_invites_by_phone_and_gets_a_link_to_share(client, team, mailoutbox):
    invite(client, team["owner"], phone="0912 345 678")
    invitation = VendorInvitation.objects.get()
    assert invitation.phone == "0912345678"
    assert mailoutbox == []
    assert invitation.token in client.get("/dashboard/team/").content.decode()


@pytest.mark.parametrize(
    ("data", "field"),
    [({}, "__all__"), ({"phone": "123"}, "phone"), ({"email": "x@", "role": "owner"}, "role")],
)
def test_bad_invitations_say_why_and_save_nothing(client, team, data, field):
    response = invite(client, team["owner"], **data)
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not VendorInvitation.objects.exists()


def test_only_the_owner_invites(client, team):
    assert invite(client, team["staff"], email="a@example.vn").status_code == 403
    assert not VendorInvitation.objects.exists()


@pytest.mark.parametrize(("who", "status"), [("stranger", 200), ("shopper", 403)])
def test_others_see_only_their_own_team(client, team, who, status):
    user = team.get(who) or User.objects.create_user("khach", "k@example.vn", "x")
    client.force_login(user)
    response = client.get("/dashboard/team/")
    assert response.status_code == status
    assert "nv@example.vn" not in response.content.decode()


def test_a_newcomer_accepts_and_reaches_only_that_vendor(client, team):
    invite(client, team["owner"], email="moi@example.vn")
    invitation = VendorInvitation.objects.get()
    client.logout()
    response = client.post(
        invitation.get_absolute_url(),
        {
            "email": "moi@example.vn",
            "contact_name": "Phạm Thị Hồng",
            "password1": "coi-kim-son-2026",
            "password2": "coi-kim-son-2026",
        },
    )
    assert response.status_code == 302
    newcomer = User.objects.get(username="moi@example.vn")
    member = newcomer.vendor_memberships.get()
    assert member.vendor == team["vendor"] and member.role == VendorMember.Role.MANAGER
    assert newcomer.has_perm("partner.dashboard_access")
    assert list(team["vendor"].partner.users.filter(pk=newcomer.pk)) == [newcomer]
    assert client.get("/dashboard/team/").status_code == 200


def test_a_signed_in_person_accepts(client, team):
    invite(client, team["owner"], phone="0912345678")
    invitation = VendorInvitation.objects.get()
    person = User.objects.create_user("hoa@example.vn", "hoa@example.vn", "x")
    client.force_login(person)
    assert client.post(invitation.get_absolute_url()).status_code == 302
    assert person.vendor_memberships.get().vendor == team["vendor"]


def test_a_link_works_once(client, team):
    invite(client, team["owner"], phone="0912345678")
    invitation = VendorInvitation.objects.get()
    first = User.objects.create_user("p1@example.vn", "p1@example.vn", "x")
    second = User.objects.create_user("p2@example.vn", "p2@example.vn", "x")
    client.force_login(first)
    client.post(invitation.get_absolute_url())
    client.force_login(second)
    assert client.post(invitation.get_absolute_url()).status_code == 410
    assert not second.vendor_memberships.exists()
    assert client.get(invitation.get_absolute_url()).status_code == 410


def test_an_expired_link_is_refused(client, team):
    invite(client, team["owner"], phone="0912345678")
    VendorInvitation.objects.update(expires_at=timezone.now() - datetime.timedelta(days=1))
    person = User.objects.create_user("p@example.vn", "p@example.vn", "x")
    client.force_login(person)
    response = client.post(VendorInvitation.objects.get().get_absolute_url())
    assert response.status_code == 410
    assert not person.vendor_memberships.exists()


def test_a_member_of_another_vendor_cannot_join(client, team):
    invite(client, team["owner"], phone="0912345678")
    client.force_login(team["stranger"])
    response = client.post(VendorInvitation.objects.get().get_absolute_url())
    assert response.status_code == 400
    assert team["stranger"].vendor_memberships.get().vendor.name == "Hợp tác xã Khác"


def test_unknown_tokens_are_404(client, team):
    assert client.get("/sell/invitations/khong-co/").status_code == 404
    assert client.post("/sell/invitations/khong-co/").status_code == 404


def test_a_bad_signup_on_the_invitation_page_saves_nothing(client, team):
    invite(client, team["owner"], phone="0912345678")
    url = VendorInvitation.objects.get().get_absolute_url()
    client.logout()
    response = client.post(
        url,
        {"email": "moi@example.vn", "contact_name": "H", "password1": "abc", "password2": "xyz"},
    )
    assert response.status_code == 400
    assert not User.objects.filter(username="moi@example.vn").exists()
    assert VendorInvitation.objects.get().accepted_at is None


def test_signing_up_from_an_invitation_with_a_known_address_makes_no_twin(client, team):
    """An address is one account, whatever its login name: the invitation asks her to sign in."""
    User.objects.create_user("canbo", "Mai@Example.vn", "x")  # a login that is not the address
    invite(client, team["owner"], phone="0912345678")
    url = VendorInvitation.objects.get().get_absolute_url()
    client.logout()
    response = client.post(
        url,
        {
            "email": "mai@example.vn",
            "contact_name": "Mai",
            "password1": "mot-mat-khau-dai-2026",
            "password2": "mot-mat-khau-dai-2026",
        },
    )
    assert response.status_code == 400
    assert "email" in response.context["form"].errors
    assert User.objects.filter(email__iexact="mai@example.vn").count() == 1


def test_an_invitation_the_model_refuses_is_refused_and_sends_nothing(
    team, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(Refusal) as refused:
        invitation_create(
            vendor=team["vendor"],
            invited_by=team["owner"],
            role="staff",
            email="moi-at-example",
            phone="12345",
        )
    assert set(refused.value.error_dict) == {"email", "phone"}
    assert not VendorInvitation.objects.exists() and not mailoutbox
