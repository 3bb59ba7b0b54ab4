# Portal KIM: web image (gunicorn); the same image runs the task worker (docker/worker.sh).

# Build stage: a virtualenv holding the locked runtime dependencies, checked against their hashes.
FROM python:3.11-slim AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
COPY requirements.lock /tmp/requirements.lock
RUN /opt/venv/bin/pip install --no-cache-dir --require-hashes -r /tmp/requirements.lock

# Runtime stage: the virtualenv, the code and the collected static files; no compilers.
FROM python:3.11-slim
ENV PATH="/opt/venv/bin:$PATH" \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=portal.settings.production \
    STATIC_ROOT=/app/var/static \
    MEDIA_ROOT=/app/var/media \
    PORT=8000
# pg_dump and pg_restore for `manage.py backup` and `restore` (Debian's client matches
# PostgreSQL 15 in compose).
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 1000 portal \
    && useradd --system --uid 1000 --gid portal --home-dir /app --shell /usr/sbin/nologin portal
WORKDIR /app
COPY --from=build /opt/venv /opt/venv
COPY . .

# collectstatic imports the production settings, which insist on a key; this throw-away
# value is used for this one step only and never reaches the running container.
ARG COLLECTSTATIC_DUMMY_SIGNER=collectstatic-only-not-a-secret-0123456789abcdefghijklmnopqrstuv
RUN SECRET_KEY="$COLLECTSTATIC_DUMMY_SIGNER" ALLOWED_HOSTS=localhost BASE_URL=http://localhost \
    python manage.py collectstatic --noinput \
    && mkdir -p /app/var/media /app/var/backups \
    && chown portal:portal /app/var/media /app/var/backups

USER 1000:1000
VOLUME ["/app/var/media", "/app/var/backups"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "docker/healthcheck.py"]
CMD ["docker/start.sh"]
