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

  // The checkout's address step (checkout/forms.py): <select data-delivery-province="url">
  // and <select data-delivery-ward>. Choosing a province fills the ward list at once
  // (without JavaScript a button does it), and a search box above each list keeps the
  // names holding the words typed, accents ignored ("phuong ba dinh"): the server
  // folds them (checkout:delivery-areas). The selects stay the form's fields.
  function deliveryAreas(province) {
    var form = province.form;
    var ward = form && form.querySelector("select[data-delivery-ward]");
    if (!ward) {
      return;
    }
    var url = province.dataset.deliveryProvince;
    var chooser = form.querySelector("[data-delivery-choose]");
    if (chooser) {
      chooser.hidden = true;
    }
    var asked = {};

    function fill(select, results, emptyLabel) {
      var kept = select.value;
      select.textContent = "";
      if (emptyLabel) {
        select.appendChild(new Option(emptyLabel, ""));
      }
      results.forEach(function (unit) {
        select.appendChild(new Option(unit.name, String(unit.code)));
      });
      if (results.length === 1) {
        select.value = String(results[0].code);
      } else {
        select.value = kept;
        if (select.value !== kept) {
          select.value = "";
        }
      }
    }

    function ask(select, params, emptyLabel, then) {
      var token = (asked[select.name] || 0) + 1;
      asked[select.name] = token;
      var query = new URLSearchParams(params).toString();
      fetch(url + "?" + query, { headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (data) {
          if (asked[select.name] !== token) {
            return; // an answer to an older question
          }
          fill(select, data.results, data.results.length ? emptyLabel : select.dataset.noneLabel || emptyLabel);
          if (then) {
            then(data.results);
          }
        })
        .catch(function () {});
    }

    function filterBox(select) {
      var box = document.createElement("input");
      box.type = "search";
      box.className = "form-control mb-2 delivery-filter";
      box.setAttribute("aria-label", select.dataset.filterLabel || "");
      box.placeholder = select.dataset.filterLabel || "";
      box.autocomplete = "off";
      select.parentNode.insertBefore(box, select);
      return box;
    }

    var provinceEmpty = province.options.length ? province.options[0].text : "";
    var provinceBox = filterBox(province);
    var wardBox = filterBox(ward);
    var timer = null;
    function later(work) {
      window.clearTimeout(timer);
      timer = window.setTimeout(work, 200);
    }

    function loadWards() {
      wardBox.value = "";
      if (!province.value) {
        fill(ward, [], ward.options.length ? ward.options[0].text : "");
        return;
      }
      ask(ward, { province: province.value }, ward.dataset.emptyLabel);
    }

    province.addEventListener("change", loadWards);
    provinceBox.addEventListener("input", function () {
      later(function () {
        var before = province.value;
        ask(province, { q: provinceBox.value }, provinceEmpty, function () {
          if (province.value !== before) {
            loadWards();
          }
        });
      });
    });
    wardBox.addEventListener("input", function () {
      if (!province.value) {
        return;
      }
      later(function () {
        ask(ward, { province: province.value, q: wardBox.value }, ward.dataset.emptyLabel);
      });
    });
  }
  document.querySelectorAll("select[data-delivery-province]").forEach(deliveryAreas);
})();
