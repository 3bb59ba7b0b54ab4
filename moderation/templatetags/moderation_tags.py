from django import template
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst

from ..review import review_summary as build_summary

register = template.Library()


@register.simple_tag
def review_summary(task_state):
    return build_summary(task_state)


@register.filter
def field_label(name):
    """The post field a flag points at, by the name the editor shows ("Isi", not "body")."""
    try:
        field = apps.get_model("kim", "PostPage")._meta.get_field(name)
    except FieldDoesNotExist:
        return name
    return capfirst(field.verbose_name)
