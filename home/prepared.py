"""A lookup whose SQL Django compiles once per process, then runs with other values.

Django compiles a queryset to SQL each time it is evaluated. For the post and group lookups
that route most public requests (four joined tables, about a hundred columns), compiling
costs three times what PostgreSQL takes to run the prepared query: 0.9 ms against 0.3 ms.
Neither the SQL nor the way to build model instances from its rows depends on the values
looked up, so both are kept, per database connection object (one per thread).

Rows become instances the way Django's ModelIterable makes them (from_db, then the related
objects of select_related); tests compare the two.
"""

import weakref

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models.query import get_related_populators


class PreparedLookup:
    """The first object of `build(**values)`, by exact match on each of `fields`.

    build must return a queryset whose only parameters are the values of `fields`, each
    used as given (an exact match): select_related is fine, annotations are not.
    """

    def __init__(self, build, *fields):
        self.build = build
        self.fields = fields
        self._compiled = weakref.WeakKeyDictionary()

    def first(self, using=DEFAULT_DB_ALIAS, **values):
        connection = connections[using]
        compiled = self._compiled.get(connection)
        if compiled is None:
            compiled = self._compiled[connection] = _Compiled(self, using)
        return compiled.first(values)


class _Compiled:
    def __init__(self, lookup, using):
        # Unique stand-ins for the values: where each lands among the SQL's parameters.
        stand_ins = {field: f"\0{field}\0" for field in lookup.fields}
        queryset = lookup.build(**stand_ins).order_by()[:1]
        compiler = queryset.query.get_compiler(using=using)
        self.sql, params = compiler.as_sql()
        by_stand_in = {stand_in: field for field, stand_in in stand_ins.items()}
        self.params = [by_stand_in.get(param) for param in params]
        if None in self.params or set(self.params) != set(lookup.fields):
            raise ValueError(f"{lookup.fields} must be the lookup's only parameters: {params}")
        if compiler.annotation_col_map:
            raise ValueError("annotations are not supported")
        klass_info, select = compiler.klass_info, compiler.select
        self.model = klass_info["model"]
        fields = klass_info["select_fields"]
        self.model_slice = slice(fields[0], fields[-1] + 1)
        self.init_list = [column[0].target.attname for column in select[self.model_slice]]
        self.related_populators = get_related_populators(klass_info, select, using)
        self.converters = compiler.get_converters([column[0] for column in select])
        self.compiler, self.using = compiler, using

    def first(self, values):
        with self.compiler.connection.cursor() as cursor:
            cursor.execute(self.sql, [values[field] for field in self.params])
            row = cursor.fetchone()
        if row is None:
            return None
        if self.converters:
            [row] = self.compiler.apply_converters([row], self.converters)
        obj = self.model.from_db(self.using, self.init_list, row[self.model_slice])
        for populator in self.related_populators:
            populator.populate(row, obj)
        return obj
