FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
# s3: also django-storages and boto3, for media in a bucket (README, "Media on object storage").
ARG MEDIA_STORAGE=filesystem
COPY requirements/base.txt requirements/s3.txt requirements/
RUN pip install --no-cache-dir --no-deps -r requirements/base.txt \
    && if [ "$MEDIA_STORAGE" = s3 ]; then pip install --no-cache-dir --no-deps -r requirements/s3.txt; fi
COPY . .
RUN DJANGO_SETTINGS_MODULE=config.settings.production DJANGO_SECRET_KEY=collectstatic-only \
    DATABASE_URL=sqlite:////tmp/build.sqlite3 DJANGO_ALLOWED_HOSTS=build \
    python manage.py collectstatic --no-input
EXPOSE 8000
