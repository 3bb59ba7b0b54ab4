"""The post a workshop participant writes, as the admin's editor sends it.

Shared by the rehearsal (bench/locustfile.py) and the save profile (bench/profile_save.py).
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BODY = (
    "<p>Warga RW 03 bergotong royong membersihkan saluran air pada Minggu pagi, 7 Desember "
    "2026. Sampah plastik dan lumpur yang menyumbat gorong-gorong diangkut ke tempat "
    "pembuangan sementara oleh petugas kebersihan desa.</p>"
)
MORE = (
    "<p>Ketua RW menyampaikan bahwa kerja bakti akan diadakan setiap bulan sebelum musim "
    "hujan. Warga yang ingin ikut dapat mendaftar di pos ronda.</p>"
)


def post_form(title, body, **extra):
    """The new-post form as Wagtail's editor sends it (built with Wagtail's test helpers).

    The slug is the title's, as the editor's script fills it in.
    """
    import django

    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    django.setup()
    from django.utils.text import slugify
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    return nested_form_data(
        {
            "title": title,
            "slug": slugify(title),
            "summary": "Warga membersihkan saluran air sebelum musim hujan.",
            "body": streamfield([("paragraph", rich_text(body))]),
            "hero_image": "",
            "hero_alt": "",
            "category": "",
            "tags": "",
            "event_date": "",
            "event_place": "",
            "go_live_at": "",
            "expire_at": "",
            "sources": inline_formset(
                [
                    {
                        "title": "Pemerintah Desa",
                        "kind": "official",
                        "url": "",
                        "description": "Pengumuman kepala desa",
                    }
                ]
            ),
            "comments": inline_formset([]),
            "seo_title": "",
            "search_description": "",
        }
    ) | {key: str(value) for key, value in extra.items()}
