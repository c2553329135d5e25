"""Content-Security-Policy (django-csp 4), enforced in every environment.

Enforced, not report-only, in local, test and production alike: the browser
tests then see exactly the policy production sends, and a page that breaks
under it breaks on a developer's laptop first. What differs between pages:

- Scripts come from this site only. The one inline script a page may carry
  (Oscar's ``onbodyload`` block in ``oscar/base.html``) carries the request's
  nonce; there are no inline event handlers and no ``javascript:`` links.
- Stripe.js, its frames and its API are allowed on the card payment step only
  (``checkout.views.CardPaymentView``).
- Wagtail's admin (``/cms/``) still renders inline scripts in its widgets
  and panels, and previews pages in a frame of itself: under ``/cms/`` only,
  scripts may be inline and frames may be of this site
  (``core.csp.SitePolicyMiddleware``).
- Styles may be inline: Oscar's and Wagtail's templates, TinyMCE and Bootstrap
  set ``style`` attributes. Inline CSS runs no code; scripts never may.

Violations are reported to ``/csp-report/`` and logged as warnings
(``core.csp``).
https://django-csp.readthedocs.io/en/latest/configuration.html
"""

from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

# Video players Wagtail's embed block may show (cms.blocks, wagtail.embeds).
EMBED_FRAME_SOURCES = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, UNSAFE_INLINE],
        # data: for QR codes, Oscar's image preview before upload, SVG icons.
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF, *EMBED_FRAME_SOURCES],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "report-uri": ["/csp-report/"],
    },
}

# Under /cms/ (Wagtail's admin) these directives replace the ones above.
CSP_CMS_REPLACE = {
    "script-src": [SELF, UNSAFE_INLINE],
    "frame-ancestors": [SELF],
}
CSP_CMS_PREFIX = "/cms/"
# The largest violation report /csp-report/ reads; browsers send a few hundred bytes.
CSP_REPORT_MAX_BYTES = 16 * 1024
