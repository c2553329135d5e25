"""Contest rules: entries, votes and quiz attempts.

Each rule is checked inside a transaction; the database constraints (one
vote per entry and person, one entry and one quiz attempt per person and
contest) settle races two browser tabs could otherwise win.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.models import ContestEntry, ContestPage, ContestVote, QuizAttempt
from core.refusals import Refusal
from core.uploads import clean_image


def _lock(contest: ContestPage) -> ContestPage:
    """Serialise the writes of one contest (PostgreSQL row lock; SQLite locks the file)."""
    return ContestPage.objects.select_for_update().get(pk=contest.pk)


@transaction.atomic
def contest_entry_submit(
    *, contest: ContestPage, user, image, caption: str, now: datetime.datetime | None = None
) -> ContestEntry:
    """A signed-in person's photo entry, waiting for staff approval."""
    now = now or timezone.now()
    contest = _lock(contest)
    if contest.kind != ContestPage.Kind.ENTRIES:
        raise Refusal(_("This contest takes no photo entries."))
    if not contest.is_open(now):
        raise Refusal(_("This contest is not taking entries now."))
    if ContestEntry.objects.filter(contest=contest, user=user).exists():
        raise Refusal(_("You have already sent an entry to this contest."))
    try:
        cleaned = clean_image(image)
    except ValidationError as error:
        raise Refusal(error.messages) from None
    try:
        with transaction.atomic():
            return ContestEntry.objects.create(
                contest=contest, user=user, image=cleaned, caption=caption.strip()
            )
    except IntegrityError:
        raise Refusal(_("You have already sent an entry to this contest.")) from None


@transaction.atomic
def contest_entry_decide(*, entry: ContestEntry, approve: bool) -> ContestEntry:
    entry.status = ContestEntry.Status.APPROVED if approve else ContestEntry.Status.REJECTED
    entry.save(update_fields=["status"])
    return entry


@transaction.atomic
def contest_vote(*, entry: ContestEntry, user, now: datetime.datetime | None = None) -> ContestVote:
    """One vote for an approved entry while voting is open, within the contest's limit."""
    now = now or timezone.now()
    contest = _lock(entry.contest)
    if entry.status != ContestEntry.Status.APPROVED:
        raise Refusal(_("This entry is not open for votes."))
    if not contest.is_voting_open(now):
        opens, _closes = contest.voting_window()
        if now < opens:
            raise Refusal(_("Voting has not opened yet for this contest."))
        raise Refusal(_("Voting is closed for this contest."))
    if ContestVote.objects.filter(entry=entry, user=user).exists():
        raise Refusal(_("You have already voted for this entry."))
    if contest.votes_per_user is not None:
        used = ContestVote.objects.filter(contest=contest, user=user).count()
        if used >= contest.votes_per_user:
            raise Refusal(
                _("You have used all %(limit)s of your votes in this contest.")
                % {"limit": contest.votes_per_user}
            )
    try:
        with transaction.atomic():
            return ContestVote.objects.create(contest=contest, entry=entry, user=user)
    except IntegrityError:
        raise Refusal(_("You have already voted for this entry.")) from None


def quiz_score(contest: ContestPage, answers: dict[str, int]) -> tuple[int, int]:
    """(correct answers, questions): ``answers`` maps a question block id to a choice index."""
    score = 0
    questions = [block for block in contest.questions if block.block_type == "question"]
    for block in questions:
        chosen = answers.get(block.id)
        choices = list(block.value["choices"])
        if chosen is not None and 0 <= chosen < len(choices) and choices[chosen]["correct"]:
            score += 1
    return score, len(questions)


@transaction.atomic
def quiz_attempt_submit(
    *, contest: ContestPage, user, answers: dict[str, int], now: datetime.datetime | None = None
) -> QuizAttempt:
    """Score a signed-in person's only attempt at a quiz."""
    now = now or timezone.now()
    contest = _lock(contest)
    if contest.kind != ContestPage.Kind.QUIZ:
        raise Refusal(_("This contest is not a quiz."))
    if not contest.is_open(now):
        raise Refusal(_("This quiz is not open now."))
    if QuizAttempt.objects.filter(contest=contest, user=user).exists():
        raise Refusal(_("You have already taken this quiz."))
    score, total = quiz_score(contest, answers)
    try:
        with transaction.atomic():
            return QuizAttempt.objects.create(
                contest=contest, user=user, score=score, total=total, answers=answers
            )
    except IntegrityError:
        raise Refusal(_("You have already taken this quiz.")) from None
