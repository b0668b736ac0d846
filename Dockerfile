# Regie: one image for the web server, the Celery worker and Celery beat (docker-compose.yml).
FROM python:3.11-slim-bookworm

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

# A non-root user that owns /app: collectstatic writes staticfiles/ and Celery beat its
# schedule file there at start-up.
RUN useradd --system --no-create-home --home-dir /app --shell /usr/sbin/nologin --uid 10001 regie \
    && install -d -o regie -g regie /app
WORKDIR /app
COPY --chown=regie:regie . /app
USER regie

EXPOSE 8000
CMD ["gunicorn", "regie.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
