import oscar.apps.customer.apps as apps


class CustomerConfig(apps.CustomerConfig):
    """Oscar's customer app, forked for the account pages that differ from Oscar's.

    Oscar's ``ready()`` loads its views with ``get_class``, which finds a class
    of the same name in this fork's ``customer/views.py`` first: sign-in and
    registration (``AccountAuthView``, ``AccountRegistrationView``), signing
    out (``LogoutView``), the order history (``OrderHistoryView``) and each
    order in it (``OrderDetailView``).
    """

    name = "customer"
