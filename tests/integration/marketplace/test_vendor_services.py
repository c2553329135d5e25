import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from oscar.core.loading import get_model

from core.refusals import Refusal
from marketplace.models import ModerationEvent, Vendor
from marketplace.selectors import products_for_sale, vendors_public
from marketplace.services.vendors import vendor_apply, vendor_decide, vendor_member_add
from search.database import product_search
from tests.factories import commune_create, product_create, vendor_create
from tests.images import png_bytes

pytestmark = pytest.mark.django_db

Action = ModerationEvent.Action
Partner = get_model("partner", "Partner")


@pytest.fixture
def staff():
    return get_user_model().objects.create_user("canbo", "canbo@example.vn", "x", is_staff=True)


@pytest.fixture
def applicant():
    return get_user_model().objects.create_user("lan@example.vn", "lan@example.vn", "x")


def apply(applicant, language="vi", name="Hợp tác xã Miến Gia Viễn"):
    return vendor_apply(
        user=applicant,
        name=name,
        kind=Vendor.Kind.COOPERATIVE,
        commune=commune_create("Gia Sinh", "Gia Viễn"),
        address="Thôn 3",
        phone="0912345678",
        email="htx@example.vn",
        language=language,
    )


def test_apply_records_an_application_and_tells_the_applicant(
    applicant, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        vendor = apply(applicant)
    assert vendor.status == Vendor.Status.APPLIED
    assert vendor.members.get().user == applicant
    assert vendor.events.get().action == Action.VENDOR_APPLIED
    assert len(mailoutbox) == 1
    assert "Hợp tác xã Miến Gia Viễn" in mailoutbox[0].subject
    assert set(mailoutbox[0].to) == {"lan@example.vn", "htx@example.vn"}
    assert not applicant.has_perm("partner.dashboard_access")


@pytest.mark.parametrize(("language", "words"), [("vi", "có thể bán hàng"), ("en", "can now sell")])
def test_approval_grants_the_dashboard_and_writes_in_her_language(
    applicant, staff, mailoutbox, django_capture_on_commit_callbacks, language, words
):
    vendor = apply(applicant, language=language)
    staff_language = "en" if language == "vi" else "vi"
    with translation.override(staff_language), django_capture_on_commit_callbacks(execute=True):
        vendor_decide(vendor=vendor, actor=staff, action=Action.VENDOR_APPROVED)
    vendor.refresh_from_db()
    assert vendor.status == Vendor.Status.APPROVED
    assert vendor.status_changed_by == staff
    applicant = get_user_model().objects.get(pk=applicant.pk)  # fresh permission cache
    assert applicant.has_perm("partner.dashboard_access")
    assert applicant in vendor.partner.users.all()
    assert words in mailoutbox[-1].subject


def test_reject_and_suspend_need_a_reason(applicant, staff):
    vendor = apply(applicant)
    with pytest.raises(ValidationError) as error:
        vendor_decide(vendor=vendor, actor=staff, action=Action.VENDOR_REJECTED, reason="  ")
    assert error.value.code == "no_reason"
    vendor.refresh_from_db()
    assert vendor.status == Vendor.Status.APPLIED
    assert vendor.events.count() == 1


@pytest.mark.parametrize(
    ("status", "action"),
    [
        (Vendor.Status.APPROVED, Action.VENDOR_APPROVED),
        (Vendor.Status.APPLIED, Action.VENDOR_SUSPENDED),
        (Vendor.Status.REJECTED, Action.VENDOR_APPROVED),
        (Vendor.Status.APPROVED, Action.VENDOR_REINSTATED),
    ],
)
def test_impossible_decisions_are_refused(staff, status, action):
    vendor = vendor_create("Tổ hợp tác Thử", status=status)
    with pytest.raises(ValidationError) as error:
        vendor_decide(vendor=vendor, actor=staff, action=action, reason="r")
    assert error.value.code == "bad_transition"
    vendor.refresh_from_db()
    assert vendor.status == status


def test_suspension_hides_products_at_once_and_reinstatement_shows_them(
    staff, django_capture_on_commit_callbacks, mailoutbox
):
    vendor = vendor_create("Hợp tác xã Cói Kim Sơn", email="coi@example.vn")
    product = product_create("Chiếu cói", vendor=vendor)
    assert product in products_for_sale()

    with django_capture_on_commit_callbacks(execute=True):
        vendor_decide(vendor=vendor, actor=staff, action=Action.VENDOR_SUSPENDED, reason="Kiểm tra")
    assert product not in products_for_sale()
    assert list(product_search(query="chieu coi").products) == []
    assert vendor not in vendors_public()
    assert "Kiểm tra" in mailoutbox[-1].body

    vendor_decide(vendor=vendor, actor=staff, action=Action.VENDOR_REINSTATED)
    assert product in products_for_sale()
    assert [e.action for e in vendor.events.order_by("pk")] == [
        Action.VENDOR_SUSPENDED,
        Action.VENDOR_REINSTATED,
    ]


def test_products_of_unapproved_vendors_are_never_for_sale():
    for status in (Vendor.Status.APPLIED, Vendor.Status.REJECTED, Vendor.Status.SUSPENDED):
        vendor = vendor_create(f"Vendor {status}", status=status)
        assert product_create(f"Sản phẩm {status}", vendor=vendor) not in products_for_sale()


def test_a_member_added_before_approval_gets_access_on_approval(applicant, staff):
    vendor = apply(applicant)
    helper = get_user_model().objects.create_user("hoa", "hoa@example.vn", "x")
    vendor_member_add(vendor=vendor, user=helper, role="staff")
    assert not helper.has_perm("partner.dashboard_access")
    vendor_decide(vendor=vendor, actor=staff, action=Action.VENDOR_APPROVED)
    helper = get_user_model().objects.get(pk=helper.pk)
    assert helper.has_perm("partner.dashboard_access")


def test_an_application_the_model_refuses_is_refused_by_field_and_writes_nothing(
    applicant, settings, tmp_path, mailoutbox, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(Refusal) as refused:
        vendor_apply(
            user=applicant,
            name="Hợp tác xã Miến Gia Viễn",
            kind="shop",
            commune=commune_create("Gia Sinh", "Gia Viễn"),
            address="Thôn 3",
            phone="gọi tôi",
            email="htx-at-example",
            photo=SimpleUploadedFile("anh.png", png_bytes(), content_type="image/png"),
        )
    assert set(refused.value.error_dict) == {"kind", "phone", "email"}
    # the model's own messages, each named by its field where no form shows them
    assert "Điện thoại: Hãy nhập số điện thoại Việt Nam" in refused.value.text
    assert not Vendor.objects.exists() and not Partner.objects.exists()
    assert not ModerationEvent.objects.exists() and not applicant.vendor_memberships.exists()
    assert not list(tmp_path.rglob("*.*")) and not mailoutbox
