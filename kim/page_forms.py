"""Forms of the page editor (imported by the models, so it imports none of them)."""

from wagtail.admin.forms import WagtailAdminPageForm


class PostPageForm(WagtailAdminPageForm):
    """Wagtail's page form, where a post's address already taken is made unique, not refused.

    Members never open the tab the slug is on: a second "Kerja bakti RW 03" (or the draft
    autosave made a moment ago) becomes kerja-bakti-rw-03-2 instead of an error out of sight.
    """

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
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
