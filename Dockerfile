# Regie: one image for the web server, the Celery worker and Celery beat (docker-compose.yml).
# Pinned to a patch release (issue #17); Debian 12 like the test machines.
FROM python:3.11.17-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=regie.settings \
    PYTHONPATH=/app

# WeasyPrint (plan PDFs) needs pango, HarfBuzz subsetting and a font.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

# The runtime pins only (scripts/pin.sh); tests and lint tools stay out of the image.
COPY requirements.txt /tmp/requirements.txt
RUN pip install -r /tmp/requirements.txt && rm /tmp/requirements.txt

# A non-root user that owns /app.
RUN useradd --system --no-create-home --home-dir /app --shell /usr/sbin/nologin --uid 10001 regie \
    && install -d -o regie -g regie /app
WORKDIR /app
COPY --chown=regie:regie . /app
USER regie

# Static files are collected here, once per image, not at every start of the web server
# (issue #17: two web containers raced). collectstatic needs neither a database nor a real
# secret: the SECRET_KEY below exists for this one command only and is no ENV of the image.
RUN SECRET_KEY=collectstatic-at-build-only python manage.py collectstatic --no-input

# The mount points of the volumes in docker-compose.yml, created here so that a new volume
# takes their owner (regie) and the non-root processes can write to it: MEDIA_ROOT (plan
# PDFs, shared by web and worker) and the schedule file of Celery beat.
RUN install -d /app/var/media /app/var/beat

EXPOSE 8000
CMD ["gunicorn", "--config=regie/gunicorn_conf.py", "regie.wsgi:application"]
