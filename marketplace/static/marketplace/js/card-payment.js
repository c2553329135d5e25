/* The card payment step (oscar/checkout/card_payment.html): mounts Stripe's
 * Payment Element in #card-form and confirms the PaymentIntent. A static file,
 * not an inline script: the Content-Security-Policy allows no inline script,
 * and Stripe's own script on this page only (config/settings/csp.py).
 */
(function () {
  "use strict";
  var form = document.getElementById("card-form");
  if (!form || typeof Stripe === "undefined") { return; }
  var stripe = Stripe(form.dataset.publishableKey);
  var elements = stripe.elements({ clientSecret: form.dataset.clientSecret });
  elements.create("payment").mount("#payment-element");
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    document.getElementById("card-submit").disabled = true;
    stripe.confirmPayment({ elements: elements, confirmParams: { return_url: form.dataset.returnUrl } })
      .then(function (result) {
        if (result.error) {
          var box = document.getElementById("card-errors");
          box.textContent = result.error.message || form.dataset.failed;
          box.classList.remove("d-none");
          document.getElementById("card-submit").disabled = false;
        }
      });
  });
})();
