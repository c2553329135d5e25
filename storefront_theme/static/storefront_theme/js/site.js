/* What our templates would otherwise put in on…= attributes, which the
 * Content-Security-Policy refuses (config/settings/csp.py). Loaded on every
 * page by oscar/base.html; each behaviour is opted into with a data- attribute.
 */
(function () {
  "use strict";

  // <select data-autosubmit>: choosing an option sends its form (the sort order).
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.matches && target.matches("select[data-autosubmit]") && target.form) {
      target.form.submit();
    }
  });

  // <details data-open-wide>: a listing's "Filter" panel stands open as the
  // sidebar on wide screens; on a phone it stays folded so results come first.
  function openWide() {
    if (window.matchMedia("(min-width: 576px)").matches) {
      document.querySelectorAll("details[data-open-wide]").forEach(function (panel) {
        panel.open = true;
      });
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", openWide);
  } else {
    openWide();
  }

  // <a data-history-back>: the "cancel" links of Oscar's forms go back one page.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-history-back]");
    if (link) {
      event.preventDefault();
      window.history.back();
    }
  });

  // Oscar's image upload widget (oscar/forms/widgets/image_input_widget.html):
  // its preview hides the "Upload Image" button once a picture shows, and says
  // so when the file is not a picture. load and error do not bubble: capture.
  function imagePreview(event) {
    var image = event.target;
    if (!image.matches || !image.matches(".image-input img[data-upload-button]")) {
      return;
    }
    var button = document.getElementById(image.dataset.uploadButton);
    if (!button) {
      return;
    }
    if (event.type === "load") {
      button.style.display = "none";
    } else if (image.getAttribute("src")) {
      button.style.display = "";
      window.alert(image.dataset.unrecognised);
    }
  }
  document.addEventListener("load", imagePreview, true);
  document.addEventListener("error", imagePreview, true);
})();
