// Copy-link buttons: copy the page address, no third-party script.
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-copy-link]");
  if (!button || !navigator.clipboard) return;
  event.preventDefault();
  navigator.clipboard.writeText(button.getAttribute("data-copy-link")).then(function () {
    button.textContent = button.getAttribute("data-copied");
  });
});
