from oscar.apps.catalogue import apps


class CatalogueConfig(apps.CatalogueConfig):
    """Oscar's catalogue, forked so that local-product fields can be added.

    The app label stays ``catalogue`` so Oscar's foreign keys and get_model
    calls keep working.
    """

    name = "catalog"

    def ready(self):
        super().ready()
        # Receivers import models: only once the app registry is ready.
        from catalog.receivers import counted_in_batches

        counted_in_batches()
