"""Site search: Wagtail's database backend, its index entries matched before the posts.

Wagtail joins a model to its index entries through a text key (`object_id = id::varchar`),
so PostgreSQL can only walk from the model's rows to their entries: a search over every
published post joined all 100,000 of them before ranking. The "site" backend reads the same
entries with the same ranking, but joins them through an integer key (`object_id::integer =
id`): PostgreSQL then finds and ranks the matching entries first, through the full-text
index, and fetches only the posts it shows.

That order suits a search over a whole model; one within a few rows (the explorer searching
a group's posts) is faster Wagtail's way, so only the public site search uses this backend.
It writes nothing: the default backend keeps the index entries up to date.

Every model indexed here has an integer key; one without would keep Wagtail's join, but its
entries would share the table with keys that cannot be cast, so check the plans if one comes.
"""

from django.db import connection, models
from django.db.models import F
from django.db.models.functions import Cast
from django.db.models.lookups import Exact
from modelsearch.abstract_models import TextIDGenericRelation
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.index import get_indexed_models
from wagtail.search.models import IndexEntry

RELATION = "index_entries_by_id"


class IndexEntryByIdRelation(TextIDGenericRelation):
    """A model's index entries, joined through the entries' key cast to the model's integer key."""

    def get_object_id_lookup(self, alias, remote_alias):
        object_id = self.remote_field.model._meta.get_field(self.object_id_field_name)
        pk = self.model._meta.pk
        return Exact(
            Cast(object_id.get_col(remote_alias), _integer_key(self.model)), pk.get_col(alias)
        )

    def bulk_related_objects(self, objs, using="default"):
        # Wagtail's own relation (index_entries) deletes the entries along with their objects.
        return self.remote_field.model._base_manager.none()


def _integer_key(model):
    """The model's primary key, or the key it points to, if it is an integer; else None."""
    field = model._meta.pk
    while field.is_relation:
        field = field.target_field
    return field if isinstance(field, models.IntegerField) else None


def _has_relation(model):
    # Its own, not a parent page's (which would join every page type's entries).
    return any(
        field.name == RELATION and field.model is model for field in model._meta.private_fields
    )


def add_index_entry_relations():
    """Give every indexed model with an integer key the relation the site backend joins by."""
    for model in get_indexed_models():
        if _integer_key(model) is not None and not _has_relation(model):
            IndexEntryByIdRelation(IndexEntry).contribute_to_class(model, RELATION)


class IndexFirstQueryCompiler(PostgresSearchQueryCompiler):
    def get_index_vectors(self, search_query):
        if not _has_relation(self.queryset.model):
            return super().get_index_vectors(search_query)
        # As Wagtail's, through the other relation: same filter, same rank, same order.
        return [
            (F(f"{RELATION}__title"), F(f"{RELATION}__title_norm")),
            (F(f"{RELATION}__body"), 1.0),
        ]


class IndexFirstPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = IndexFirstQueryCompiler


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks for in a backend module)
    """The site backend: PostgreSQL's reordered; SQLite's as Wagtail has it (already fast)."""
    if connection.vendor == "postgresql":
        backend = IndexFirstPostgresSearchBackend(params)
    else:
        backend = DatabaseSearchBackend(params)
    # It reads the default backend's entries: `update_index` must not rebuild them twice.
    backend.rebuilder_class = None
    return backend
