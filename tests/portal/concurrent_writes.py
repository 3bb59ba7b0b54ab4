"""Saves and publishes posts from many threads at once, as busy web workers would.

Run in its own process (`python -m tests.portal.concurrent_writes COUNT USERNAME`) with the
settings and DATABASE_URL under test; a task worker is expected to run beside it. Prints one
JSON line: the errors the writes met, and the task results once the queue has drained.
"""

import json
import sys
import threading
import time

import django


def write_concurrently(count, username):
    from django.contrib.auth import get_user_model
    from django.db import connection

    from kim.models import PostPage

    user = get_user_model().objects.get(username=username)
    post_ids = list(PostPage.objects.order_by("pk").values_list("pk", flat=True))
    start = threading.Barrier(count)
    errors = []

    def write(number):
        try:
            start.wait()
            post = PostPage.objects.get(pk=post_ids[number % len(post_ids)])
            post.title = f"Kerja bakti, kabar ke-{number}"
            revision = post.save_revision(user=user)
            if number % 2:
                # As the workflow publishes an approved revision (moderation.publishing):
                # posts are never published by a person's own permission.
                revision.publish(user=user, skip_permission_checks=True)
        except Exception as error:  # noqa: BLE001 (every failure is what we count)
            errors.append(f"{number}: {error!r}")
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def drained_tasks(timeout=60):
    """Task results by status, once the worker has taken every queued task (or timed out)."""
    from django.db.models import Count
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    deadline = time.monotonic() + timeout
    pending = {TaskResultStatus.READY, TaskResultStatus.RUNNING}
    while True:
        statuses = dict(
            DBTaskResult.objects.values_list("status").annotate(n=Count("id")).order_by()
        )
        if not pending & statuses.keys() or time.monotonic() > deadline:
            return statuses
        time.sleep(0.1)


if __name__ == "__main__":
    django.setup()
    errors = write_concurrently(int(sys.argv[1]), sys.argv[2])
    print(json.dumps({"errors": errors, "tasks": drained_tasks()}))
