"""The pre-check runs in the task worker: a submission returns at once, the result follows.

A pre-check is enqueued once per task state, as soon as its workflow state is saved: when
Wagtail sends ``workflow_submitted`` (a new workflow), when the admin's submit view has
finished (``after_edit_page``: a workflow resumed after changes), or else when the
transaction that started it commits. Deciding twice is impossible (``precheck_decide``).
"""

import threading

from django.db import transaction
from django_tasks import task

_pending = threading.local()


def _pending_ids():
    if not hasattr(_pending, "ids"):
        _pending.ids = set()
    return _pending.ids


@task()
def run_precheck(task_state_id):
    """Check the submitted revision, then send the post back or on to the accuracy review."""
    from .services import precheck_decide

    state = precheck_decide(task_state_id=task_state_id)
    return state.status if state else None


def schedule_precheck(task_state_id):
    """Enqueue the pre-check of a task state when its transaction commits (or sooner)."""
    _pending_ids().add(task_state_id)
    # Outside a transaction on_commit would run at once, before Wagtail saves the task state
    # as the workflow's current one (resuming a workflow): the submit view enqueues it then.
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _enqueue(task_state_id))


def enqueue_on_submission(sender, instance, user=None, **kwargs):
    """Signal receiver (workflow_submitted): the workflow is saved, its pre-check may run."""
    enqueue_pending_prechecks()


def enqueue_pending_prechecks():
    """Enqueue the pre-checks this thread scheduled, now that their workflow is saved."""
    for task_state_id in sorted(_pending_ids()):
        _enqueue(task_state_id)


def _enqueue(task_state_id):
    ids = _pending_ids()
    if task_state_id in ids:
        ids.discard(task_state_id)
        run_precheck.enqueue(task_state_id)
