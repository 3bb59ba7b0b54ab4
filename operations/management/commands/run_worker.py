"""Run the task worker with the scheduler beside it: one command for every host."""

import logging
import signal
import subprocess
import sys
import threading

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import close_old_connections

from operations import scheduler

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Run the background task worker (db_worker) and, every minute, publish scheduled "
        "pages and start the periodic jobs (public-page scan, backups). Restarts the worker "
        "if it stops."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=float,
            default=settings.SCHEDULER_INTERVAL,
            help="Seconds between two runs of the scheduler (default: SCHEDULER_INTERVAL, 60).",
        )
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Run only the scheduler (when db_worker runs elsewhere).",
        )

    def handle(self, *args, interval, no_worker, **options):
        stop = threading.Event()

        def request_stop(signum, frame):
            stop.set()

        signal.signal(signal.SIGTERM, request_stop)
        signal.signal(signal.SIGINT, request_stop)
        worker = None
        try:
            while not stop.is_set():
                if not no_worker and (worker is None or worker.poll() is not None):
                    if worker is not None:
                        logger.error(
                            "The task worker stopped (%s); starting it again", worker.returncode
                        )
                    worker = self._start_worker()
                # A long-running process: drop connections past CONN_MAX_AGE or broken by a
                # database restart, as Django does around each request.
                close_old_connections()
                scheduler.tick()
                close_old_connections()
                stop.wait(interval)
        finally:
            if worker is not None and worker.poll() is None:
                worker.terminate()
                try:
                    worker.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    worker.kill()
                    worker.wait()

    @staticmethod
    def _start_worker():
        command = [sys.executable, str(settings.BASE_DIR / "manage.py"), "db_worker", "--no-reload"]
        return subprocess.Popen(command, cwd=settings.BASE_DIR)  # noqa: S603 (our own manage.py)
