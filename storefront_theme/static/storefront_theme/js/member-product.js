// A member's product form (dashboard/member_products.py), nicer with JavaScript:
// photos move up and down (the order fields follow; the first is the cover), and
// the description gets three buttons that insert the tags the sanitiser keeps.
// Without JavaScript the order fields and plain paragraphs do the same.
(function () {
  "use strict";

  function renumber(list) {
    var items = list.querySelectorAll("[data-photo]");
    items.forEach(function (item, index) {
      item.querySelector("[data-photo-order]").value = index + 1;
      item.querySelector("[data-cover-label]").hidden = index !== 0;
    });
  }

  document.querySelectorAll("[data-photo-list]").forEach(function (list) {
    list.querySelectorAll("[data-move-buttons]").forEach(function (buttons) {
      buttons.hidden = false;
    });
    list.addEventListener("click", function (event) {
      var button = event.target.closest("[data-move]");
      if (!button) return;
      var item = button.closest("[data-photo]");
      if (button.dataset.move === "up" && item.previousElementSibling) {
        list.insertBefore(item, item.previousElementSibling);
      } else if (button.dataset.move === "down" && item.nextElementSibling) {
        list.insertBefore(item.nextElementSibling, item);
      }
      renumber(list);
      button.focus();
    });
  });

  function wrap(textarea, before, after, fallback) {
    var start = textarea.selectionStart, end = textarea.selectionEnd;
    var selected = textarea.value.slice(start, end) || fallback;
    var text = before + selected + after;
    textarea.setRangeText(text, start, end, "end");
    textarea.focus();
  }

  document.querySelectorAll("[data-editor-toolbar]").forEach(function (toolbar) {
    var textarea = document.getElementById(toolbar.dataset.editorToolbar);
    if (!textarea) return;
    toolbar.hidden = false;
    toolbar.addEventListener("click", function (event) {
      var button = event.target.closest("[data-insert]");
      if (!button) return;
      var kind = button.dataset.insert;
      if (kind === "bold") {
        wrap(textarea, "<b>", "</b>", "…");
      } else if (kind === "list") {
        var start = textarea.selectionStart, end = textarea.selectionEnd;
        var lines = (textarea.value.slice(start, end) || "…").split("\n").filter(function (line) {
          return line.trim() !== "";
        });
        var list = "\n\n<ul>\n" + lines.map(function (line) {
          return "<li>" + line.trim() + "</li>";
        }).join("\n") + "\n</ul>\n\n";
        textarea.setRangeText(list, start, end, "end");
        textarea.focus();
      } else if (kind === "link") {
        var address = window.prompt(button.dataset.prompt, "https://");
        if (!address || !/^(https?:\/\/|mailto:|tel:)/i.test(address)) return;
        wrap(textarea, '<a href="' + address.replace(/"/g, "%22") + '">', "</a>", address);
      }
    });
  });
})();
