"""Media on S3-compatible object storage (``DJANGO_MEDIA_STORAGE=s3``), behind the picture guard.

Imported only when the settings name it: django-storages and boto3 are in
requirements/s3.txt, installed by deployments that use a bucket.
"""

from storages.backends.s3 import S3Storage

from core.storage import PictureGuard


class S3PictureStorage(PictureGuard, S3Storage):
    """The bucket, storing pictures in people's folders only once cleaned (core/storage.py)."""
