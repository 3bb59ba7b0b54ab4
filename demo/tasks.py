"""Background work for the demo: drawing image renditions takes longer than the data load."""

from django_tasks import task


@task()
def demo_renditions_make():
    """Make the renditions the public templates use for the demo's photos and logos."""
    from .services import renditions_ensure

    return renditions_ensure()
