"""Payment building blocks the checkout calls: VietQR transfer codes, the
Stripe gateway, the Stripe webhook with its once-only event log, and
reconciliation. Each module has a small, keyword-only interface."""
