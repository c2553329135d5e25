from django.apps import AppConfig


class BenchImportConfig(AppConfig):
    name = "bench_import"
    default_auto_field = "django.db.models.AutoField"
