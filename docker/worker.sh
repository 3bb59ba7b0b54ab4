#!/bin/sh
# Run the background task worker (django-tasks database backend) in the foreground.
set -eu
cd "$(dirname "$0")/.."

exec python manage.py db_worker
