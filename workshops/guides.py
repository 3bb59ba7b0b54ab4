"""The guides in Bahasa Indonesia shown inside the admin; each is a template of its own."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Guide:
    slug: str
    title: str
    summary: str

    @property
    def template(self):
        return f"workshops/guides/{self.slug}.html"


GUIDES = (
    Guide(
        "menulis-tulisan",
        "Menulis tulisan yang bermanfaat dan akurat",
        "Judul, ringkasan, isi 5W+1H, dan apa yang perlu dilakukan pembaca.",
    ),
    Guide(
        "cek-dan-ricek",
        "Cek dan ricek sebelum berbagi",
        "Tabayun: memeriksa sumber, mengenali hoaks, dan mengonfirmasi ke OPD.",
    ),
    Guide(
        "foto-dan-izin",
        "Foto dan persetujuan",
        "Foto asli, izin orang yang difoto, anak-anak, dan teks alternatif.",
    ),
    Guide(
        "data-pribadi",
        "Melindungi data pribadi",
        "NIK, KK, nomor HP, alamat rumah, dan data kesehatan tidak boleh dimuat.",
    ),
    Guide(
        "menanggapi-hinaan",
        "Menanggapi hinaan dengan tenang",
        "Menjawab pertanyaan dengan cepat, tidak terpancing, dan meneruskan aduan serius.",
    ),
    Guide(
        "moderasi-dan-crossposting",
        "Cara kerja moderasi dan cross-posting",
        "Dari draf sampai terbit di portal dan akun media sosial resmi.",
    ),
)

BY_SLUG = {guide.slug: guide for guide in GUIDES}
