"""Index a batch of saved objects once, at the end, instead of once per save.

Wagtail enqueues a search-index task and a reference-index task on every save, and the demo
saves each page several times. Here the search index is updated in one bulk call per model,
in the same transaction as the content, so that the demo is searchable as soon as the command
ends, with or without a task worker; the reference index (the admin's usage counts) gets one
queued task per object instead of one per save.
"""

from collections import defaultdict
from contextlib import contextmanager

from django.apps import apps
from django.db.models.signals import post_save
from modelsearch import signal_handlers as search_signals
from modelsearch.backends import get_search_backends
from modelsearch.index import get_indexed_models
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task

from home.search import index_posts
from kim.models import PostPage


class _Pending:
    def __init__(self):
        self.search = defaultdict(set)  # model label -> pks
        self.references = set()  # (app_label, model_name, pk)

    def record(self, sender, instance, raw=False, **kwargs):
        if raw or instance.pk is None:
            return
        meta = instance._meta
        if sender in self.search_models:
            self.search[meta.label].add(instance.pk)
        if ReferenceIndex.is_indexed(sender):
            self.references.add((meta.app_label, meta.model_name, str(instance.pk)))


@contextmanager
def deferred_indexing():
    """Collect what needs indexing while the block runs; index it all when it succeeds."""
    pending = _Pending()
    pending.search_models = {
        model
        for model in get_indexed_models()
        if post_save.disconnect(search_signals.post_save_signal_handler, sender=model)
    }
    post_save.connect(pending.record, weak=False, dispatch_uid="demo-deferred-indexing")
    try:
        with disable_reference_index_auto_update():
            yield pending
        _update_search_index(pending.search)
        # The public search's own vectors, which Wagtail's publish signal would have written.
        index_posts(pending.search.get(PostPage._meta.label, ()))
        # The reference index only serves the admin's usage counts: leave it to the worker.
        for args in sorted(pending.references):
            update_reference_index_task.enqueue(*args)
    finally:
        post_save.disconnect(dispatch_uid="demo-deferred-indexing")
        for model in pending.search_models:
            post_save.connect(search_signals.post_save_signal_handler, sender=model)


def _update_search_index(pks_by_model):
    backends = list(get_search_backends(with_auto_update=True))
    for label, pks in pks_by_model.items():
        model = apps.get_model(label)
        objects = list(model.get_indexed_objects().filter(pk__in=pks))
        if not objects:
            continue
        for backend in backends:
            backend.add_bulk(model, objects)
