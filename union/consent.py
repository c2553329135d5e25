"""The consent a woman gives when she asks to join, under Decree 13/2023/NĐ-CP.

The text says who processes which data, why, for how long, and her rights.
Each wording has a version; a request records the version she agreed to.
Changing the words means a new version here, never an edit of an old one.
"""

from django.utils.translation import gettext_lazy as _

CONSENT_VERSION = "2026-11"

CONSENT_PURPOSE = _(
    "The provincial Women's Union uses your name, year of birth, phone number, e-mail, "
    "place and occupation only to contact you about joining the Union and to keep its list "
    "of members. Staff of the Union in your area see them; they are not sold or given to "
    "anyone else. You may ask at any time to see, correct or erase them: call or write to "
    "the Union, and your data is erased."
)

CONSENT_LABEL = _(
    "I agree that the Women's Union processes my personal data for this purpose "
    "(Decree 13/2023/NĐ-CP on personal data protection)."
)
