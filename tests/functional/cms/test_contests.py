"""Contests as people use them: photo entries and votes, and a quiz."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from cms.models import ContestEntry, ContestVote, QuizAttempt
from cms.services import contest_vote
from core.refusals import Refusal
from tests.factories import contest_create

pytestmark = pytest.mark.django_db

User = get_user_model()


def person(name: str):
    return User.objects.create_user(name, f"{name}@example.vn", "pw", first_name=name.title())


def photo(name="ao-dai.jpg", fmt="JPEG", size=(40, 30), exif=True) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    image = Image.new("RGB", size, "red")
    options = {}
    if exif:
        data = Image.Exif()
        data[0x010F] = "PhoneMaker"  # Make
        options["exif"] = data.tobytes()
    image.save(buffer, fmt, **options)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def contest(home_page):
    return contest_create(home_page, "Áo dài đẹp")


@pytest.fixture
def approved_entry(contest):
    entry = ContestEntry.objects.create(
        contest=contest, user=person("tham-gia"), image=photo(), caption="Áo dài đỏ"
    )
    entry.status = ContestEntry.Status.APPROVED
    entry.save()
    return entry


def test_signed_in_person_sends_a_photo_without_its_exif(client, contest):
    client.force_login(person("lan"))
    response = client.post(
        f"{contest.url}enter/", {"image": photo(), "caption": "Áo dài mẹ may"}, follow=True
    )
    assert "Cảm ơn" in " ".join(messages_of(response))
    entry = ContestEntry.objects.get()
    assert entry.status == ContestEntry.Status.PENDING
    with Image.open(entry.image.path) as saved:
        assert not saved.getexif()
    assert "Áo dài mẹ may" not in client.get(contest.url).content.decode()  # until approved


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("anh.jpg", b"<script>not a picture</script>", content_type="image/jpeg"),
        SimpleUploadedFile("anh.gif", b"GIF89a" + b"\0" * 40, content_type="image/gif"),
    ],
    ids=["not-a-picture", "gif"],
)
def test_uploads_that_are_not_jpeg_png_or_webp_are_refused(client, contest, upload):
    client.force_login(person("lan"))
    response = client.post(f"{contest.url}enter/", {"image": upload, "caption": "x"})
    assert response.status_code == 200
    assert "JPEG, PNG" in response.content.decode()
    assert not ContestEntry.objects.exists()


def test_too_many_pixels_refused(client, contest, monkeypatch):
    monkeypatch.setattr("core.uploads.MAX_PIXELS", 100)
    client.force_login(person("lan"))
    response = client.post(f"{contest.url}enter/", {"image": photo(size=(20, 20)), "caption": "x"})
    assert "quá nhiều điểm ảnh" in response.content.decode()
    assert not ContestEntry.objects.exists()


def test_anonymous_visitors_are_sent_to_sign_in(client, contest, approved_entry):
    response = client.post(f"{contest.url}vote/{approved_entry.pk}/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not ContestVote.objects.exists()


def test_one_vote_per_entry_the_second_is_refused(client, contest, approved_entry):
    client.force_login(person("mai"))
    first = client.post(f"{contest.url}vote/{approved_entry.pk}/", follow=True)
    assert "Cảm ơn bạn đã bình chọn." in messages_of(first)
    second = client.post(f"{contest.url}vote/{approved_entry.pk}/", follow=True)
    assert "Bạn đã bình chọn cho ảnh này rồi." in messages_of(second)
    assert ContestVote.objects.count() == 1


def test_unapproved_entries_take_no_votes(client, contest, approved_entry):
    approved_entry.status = ContestEntry.Status.PENDING
    approved_entry.save()
    client.force_login(person("mai"))
    client.post(f"{contest.url}vote/{approved_entry.pk}/")
    assert not ContestVote.objects.exists()


@pytest.mark.parametrize(
    ("offset_days", "message"),
    [(-30, "chưa mở bình chọn"), (30, "đã đóng bình chọn")],
    ids=["before", "after"],
)
def test_votes_outside_the_voting_dates_are_refused(approved_entry, offset_days, message):
    contest = approved_entry.contest
    now = timezone.now() + datetime.timedelta(days=offset_days)
    with pytest.raises(Refusal, match=message):
        contest_vote(entry=approved_entry, user=person("mai"), now=now)
    assert not ContestVote.objects.exists()
    assert contest.is_voting_open()


def test_staff_limit_of_votes_per_contest(contest, approved_entry):
    contest.votes_per_user = 1
    contest.save_revision().publish()
    other = ContestEntry.objects.create(
        contest=contest,
        user=person("khac"),
        image=photo(),
        caption="Áo dài xanh",
        status="approved",
    )
    voter = person("mai")
    contest_vote(entry=approved_entry, user=voter)
    with pytest.raises(Refusal, match="1"):
        contest_vote(entry=other, user=voter)
    assert ContestVote.objects.filter(user=voter).count() == 1


def test_results_show_vote_counts_only_when_staff_choose(client, contest, approved_entry):
    contest_vote(entry=approved_entry, user=person("mai"))
    assert "1 bình chọn" not in client.get(contest.url).content.decode()
    contest.results_visible = True
    contest.save_revision().publish()
    assert "1 bình chọn" in client.get(contest.url).content.decode()


QUESTIONS = [
    (
        "question",
        {
            "question": "Đại hội Phụ nữ tỉnh lần thứ mấy?",
            "choices": [{"text": "XII", "correct": False}, {"text": "XIII", "correct": True}],
        },
    ),
    (
        "question",
        {
            "question": "Mô hình gia đình nào?",
            "choices": [
                {"text": "5 không 3 sạch", "correct": True},
                {"text": "Khác", "correct": False},
            ],
        },
    ),
]


@pytest.fixture
def quiz(home_page):
    return contest_create(home_page, "Tìm hiểu Đại hội", kind="quiz", questions=QUESTIONS)


def answer(client, quiz, picks):
    ids = [block.id for block in quiz.questions]
    data = {f"q_{block_id}": str(pick) for block_id, pick in zip(ids, picks, strict=True)}
    return client.post(f"{quiz.url}quiz/", data, follow=True)


def test_quiz_is_scored_once_per_person_and_ranked(client, quiz):
    client.force_login(person("lan"))
    response = answer(client, quiz, [1, 1])
    assert "Bạn trả lời đúng 1 trên 2 câu." in messages_of(response)
    again = answer(client, quiz, [1, 0])
    assert "Bạn đã làm bài này rồi." in messages_of(again)
    assert QuizAttempt.objects.get().score == 1

    client.force_login(person("hoa"))
    answer(client, quiz, [1, 0])
    quiz.results_visible = True
    quiz.save_revision().publish()
    html = client.get(quiz.url).content.decode()
    assert html.index("Hoa") < html.index("Lan")  # 2/2 before 1/2


def test_quiz_missing_answers_ask_again(client, quiz):
    client.force_login(person("lan"))
    response = client.post(f"{quiz.url}quiz/", {})
    assert response.status_code == 200
    assert "Hãy chọn một câu trả lời." in response.content.decode()
    assert not QuizAttempt.objects.exists()


def test_quiz_refused_after_it_closes(client, home_page):
    past = timezone.now() - datetime.timedelta(days=10)
    quiz = contest_create(
        home_page,
        "Đã đóng",
        kind="quiz",
        questions=QUESTIONS,
        starts_at=past,
        ends_at=past + datetime.timedelta(days=1),
    )
    client.force_login(person("lan"))
    response = answer(client, quiz, [1, 0])
    assert "Bài thi này hiện không mở." in messages_of(response)
    assert not QuizAttempt.objects.exists()
