FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY requirements/base.txt requirements/base.txt
RUN pip install --no-cache-dir --no-deps -r requirements/base.txt
COPY . .
RUN DJANGO_SETTINGS_MODULE=config.settings.production DJANGO_SECRET_KEY=collectstatic-only \
    DATABASE_URL=sqlite:////tmp/build.sqlite3 DJANGO_ALLOWED_HOSTS=build \
    python manage.py collectstatic --no-input
EXPOSE 8000
