"""The CMS's own views: sitemap, robots.txt, and what people post to a contest page.

A contest page's routes (``ContestPage``, a RoutablePageMixin) hand each POST
to a function here; the rules (open dates, one entry, one vote per entry,
the vote limit, one quiz attempt) are ``cms.services``'s, and a refusal
comes back to the person as an error message.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.contrib.sitemaps import views as sitemap_views
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_GET, require_POST

from cms import selectors
from cms.forms import ContestEntryForm, QuizForm
from cms.models import ContestPage, ContestVote, GuideIndexPage, GuidePage, QuizAttempt
from cms.services import contest_entry_submit, contest_vote, quiz_attempt_submit
from cms.sitemaps import sitemaps_for
from core.refusals import Refusal, refusal_as_message

ROBOTS_DISALLOW = (
    "/cms/",
    "/django-admin/",
    "/dashboard/",
    "/basket/",
    "/checkout/",
    "/accounts/",
    "/search/",
    "/i18n/",
)


@require_GET
@cache_page(60 * 60)
def sitemap(request):
    return sitemap_views.sitemap(request, sitemaps_for(request))


@require_GET
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW)]
    lines.append(f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def _login_first(page: ContestPage):
    return redirect_to_login(page.url, login_url=settings.LOGIN_URL)


@require_POST
def contest_entry_submit_view(request, page: ContestPage):
    """A photo entry; the form comes back with its errors, or with the refusal above it."""
    if not request.user.is_authenticated:
        return _login_first(page)
    if page.kind != ContestPage.Kind.ENTRIES:
        return redirect(page.url)
    form = ContestEntryForm(request.POST, request.FILES)
    if form.is_valid():
        with refusal_as_message(request):
            contest_entry_submit(
                contest=page,
                user=request.user,
                image=form.cleaned_data["image"],
                caption=form.cleaned_data["caption"],
            )
            messages.success(
                request, _("Thank you! Your entry is shown once the Union approves it.")
            )
            return HttpResponseRedirect(page.url)
    return page.render(request, context_overrides={"entry_form": form})


@require_POST
def contest_vote_view(request, page: ContestPage, entry_id: int):
    if not request.user.is_authenticated:
        return _login_first(page)
    entry = page.entries.filter(pk=entry_id).first()
    with refusal_as_message(request):
        if entry is None:
            raise Refusal(_("This entry does not exist."))
        contest_vote(entry=entry, user=request.user)
        messages.success(request, _("Thank you for your vote."))
    return HttpResponseRedirect(page.url)


@require_POST
def contest_quiz_submit_view(request, page: ContestPage):
    if not request.user.is_authenticated:
        return _login_first(page)
    if page.kind != ContestPage.Kind.QUIZ:
        return redirect(page.url)
    form = QuizForm(request.POST, contest=page)
    if form.is_valid():
        with refusal_as_message(request):
            attempt = quiz_attempt_submit(contest=page, user=request.user, answers=form.answers())
            messages.success(
                request,
                _("You answered %(score)s of %(total)s questions correctly.")
                % {"score": attempt.score, "total": attempt.total},
            )
            return HttpResponseRedirect(page.url)
    return page.render(request, context_overrides={"quiz_form": form})


def contest_page_context(contest, request, context: dict) -> dict:
    """What a contest page shows: entries or the quiz, her own entry, votes or attempt."""
    user = request.user
    now = timezone.now()
    context.update(is_open=contest.is_open(now), is_voting_open=contest.is_voting_open(now))
    if contest.kind == contest.Kind.ENTRIES:
        context["entries"] = selectors.contest_entries_public(
            contest, with_votes=contest.results_visible
        )
        if user.is_authenticated:
            context["my_entry"] = contest.entries.filter(user=user).first()
            context["my_votes"] = set(
                ContestVote.objects.filter(contest=contest, user=user).values_list(
                    "entry_id", flat=True
                )
            )
        context.setdefault("entry_form", ContestEntryForm())
    else:
        if user.is_authenticated:
            context["my_attempt"] = QuizAttempt.objects.filter(contest=contest, user=user).first()
        context.setdefault("quiz_form", QuizForm(contest=contest))
        if contest.results_visible:
            context["ranking"] = selectors.quiz_ranking(contest)[:20]
    return context


@require_GET
def selling_guide(request):
    """/help/selling/: the selling guide's section, wherever editors put it."""
    index = GuideIndexPage.objects.live().public().first()
    if index is None:
        raise Http404
    return redirect(index.get_url(request))


@require_GET
def selling_guide_topic(request, topic: str):
    """/help/selling/<topic>/: the guide on a topic (``GuidePage.Topic``), a fixed address
    for the member's pages and form fields; the section when no guide has the topic yet."""
    if topic not in GuidePage.Topic.values:
        raise Http404
    guide = GuidePage.objects.live().public().filter(topic=topic).order_by("path").first()
    if guide is None:
        return selling_guide(request)
    return redirect(guide.get_url(request))
