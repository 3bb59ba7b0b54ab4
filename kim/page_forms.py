"""Forms of the page editor (imported by the models, so it imports none of them)."""

from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminPageForm


class PostPageForm(WagtailAdminPageForm):
    """Wagtail's page form, where a post's address already taken is made unique, not refused.

    Members never open the tab the slug is on: a second "Kerja bakti RW 03" (or the draft
    autosave made a moment ago) becomes kerja-bakti-rw-03-2 instead of an error out of sight.
    An address left empty (the browser's script had not filled it in yet) is made from the
    title.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        if not slug:
            title = self.cleaned_data.get("title") or ""
            slug = slugify(title, allow_unicode=True)[: self.fields["slug"].max_length]
        if not slug or self.parent_page is None:
            return slug
        taken = set(
            self.parent_page.get_children()
            .exclude(pk=self.instance.pk)
            .filter(slug__startswith=slug)
            .values_list("slug", flat=True)
        )
        candidate, number = slug, 1
        while candidate in taken:
            number += 1
            suffix = f"-{number}"
            candidate = slug[: self.fields["slug"].max_length - len(suffix)] + suffix
        return candidate
