from django.urls import path

from payments.webhooks import StripeWebhookView

app_name = "payments"

urlpatterns = [
    path("stripe/webhook/", StripeWebhookView.as_view(), name="stripe-webhook"),
]
