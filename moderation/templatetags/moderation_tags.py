from django import template

from ..checks.fields import field_label as label_for
from ..checks.mask import mask_personal_data
from ..review import review_summary as build_summary

register = template.Library()


@register.simple_tag
def review_summary(task_state):
    return build_summary(task_state)


@register.filter
def field_label(name):
    """The field a flag points at, by the name the editor knows ("Judul untuk mesin pencari")."""
    return label_for(name)


@register.filter
def flag_field_label(flag):
    """The field a stored flag points at, with its block, source or account number."""
    return label_for(flag.get("field", ""), flag.get("block_index"))


@register.filter
def masked(text):
    """The text with NIK, KK, phone and account numbers masked (3310 15** **** **03)."""
    return mask_personal_data(text)
