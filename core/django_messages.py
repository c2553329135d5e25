"""Django's own messages that its Vietnamese catalogue lacks, translated in locale/.

Django's vi catalogue has no "%(num)d minute" family (``django.utils.timesince``),
so Wagtail's admin said "0 minutes trước" and "2 days trước" beside every saved
item. They are named here, exactly as Django names them, so that ``makemessages``
keeps their Vietnamese in locale/. Nothing imports this module.
"""

from django.utils.translation import ngettext_lazy

TIMESINCE = (
    ngettext_lazy("%(num)d year", "%(num)d years", "num"),
    ngettext_lazy("%(num)d month", "%(num)d months", "num"),
    ngettext_lazy("%(num)d week", "%(num)d weeks", "num"),
    ngettext_lazy("%(num)d day", "%(num)d days", "num"),
    ngettext_lazy("%(num)d hour", "%(num)d hours", "num"),
    ngettext_lazy("%(num)d minute", "%(num)d minutes", "num"),
)
