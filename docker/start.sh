#!/bin/sh
# Start the web process: apply migrations, collect static files unless the image already
# holds them, then replace this shell with gunicorn. Used by the image and by CI.
set -eu
cd "$(dirname "$0")/.."

python manage.py migrate --noinput
if [ ! -f "${STATIC_ROOT:-var/static}/staticfiles.json" ]; then
    python manage.py collectstatic --noinput
fi

exec gunicorn portal.wsgi:application \
    --bind "${HOST:-0.0.0.0}:${PORT:-8000}" \
    --workers "${WEB_CONCURRENCY:-2}" \
    --timeout "${GUNICORN_TIMEOUT:-30}" \
    --access-logfile - \
    --error-logfile -
