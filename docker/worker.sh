#!/bin/sh
# Run the background task worker (django-tasks database backend) in the foreground, with the
# scheduler beside it: scheduled posts go live every minute, the public-page scan and backups
# run when due (SCAN_PUBLIC_PAGES_EVERY_HOURS, BACKUP_EVERY_HOURS).
set -eu
cd "$(dirname "$0")/.."

exec python manage.py run_worker
