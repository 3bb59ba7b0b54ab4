from django import template

from ..review import review_summary as build_summary

register = template.Library()


@register.simple_tag
def review_summary(task_state):
    return build_summary(task_state)
