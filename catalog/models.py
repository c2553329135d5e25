# Overrides of Oscar's catalogue models go above this import.
from oscar.apps.catalogue.models import *  # noqa: F403
