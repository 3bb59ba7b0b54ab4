"""Find factual or statistical claims that a reader would want a source for.

A claim is a statistic (a percentage, a large count or amount, a price that rose), an
attribution ("menurut data", "penelitian menunjukkan"), a cure promised for an illness
("ampuh menyembuhkan") or a decision of an authority ("Bupati sudah menetapkan"). Hearsay
alone ("katanya" is also plain reported speech) is not a claim, but it keeps a figure a
claim. A claim whose sentence, or the one before, names an office or an official as its
origin ("kata Kepala Puskesmas Wedi", "menurut data BPS") is sourced in the text.

A group reporting its own activity is its own source: the figures of a sentence that tells
what happened there (150 warga hadir, terkumpul Rp 12 juta, 1.000 bibit ditanam, jalan
diperbaiki dengan Rp 150 juta) are observations when the post reports first-hand ("kami"),
names the event (menggelar, berlangsung) or its day ("pada Sabtu").
"""

import re

from .text import sentences

NUMBER = r"\d+(?:[.,]\d+)*"
# Figures that are statistics whatever their size.
STATISTIC = re.compile(
    rf"(?:{NUMBER}\s*(?:%|persen\b|per\s*sen\b)|"
    rf"\b{NUMBER}\s*(?:ribu|rb|juta|jt|miliar|milyar|triliun)\b|"
    rf"\b{NUMBER}\s+kasus\b)",
    re.I,
)
# Counts of people are observations when small (50 warga hadir) and statistics when large.
HEADCOUNT = re.compile(
    rf"\b(?P<n>{NUMBER})\s+(?:orang|jiwa|warga|penduduk|KK|keluarga|pasien|korban|"
    r"penerima|siswa|pelajar|peserta|balita|lansia|pekerja|petani|pelaku|anak|murid|bayi|rumah|"
    r"pengguna|pelanggan|nasabah)\b",
    re.I,
)
# "Tercatat 300", "mencapai 250" are tallies; "sebanyak 500 paket" counts things handed out,
# a statistic only when it counts people or cases.
AS_MANY_AS = re.compile(
    rf"\b(?:(?:tercatat|mencapai)\s+(?P<n>{NUMBER})|(?:sebanyak|sejumlah)\s+(?P<m>{NUMBER})\s+"
    r"(?:orang|jiwa|warga|penduduk|KK|keluarga|pasien|korban|penerima|siswa|pelajar|peserta|"
    r"balita|lansia|pekerja|petani|pelaku|anak|murid|bayi|rumah|kasus|pengguna|pelanggan|"
    r"nasabah|penderita|kematian))\b",
    re.I,
)
# "Dukungan 100 persen", "100% gratis": all of it, not a measured share.
WHOLE = re.compile(r"^100\s*(?:%|persen|per\s*sen)$", re.I)
ATTRIBUTION = re.compile(
    r"\b(?:menurut\s+(?:data|survei|survey|penelitian|riset|studi|hasil|laporan|catatan|"
    r"statistik)|berdasarkan\s+(?:data|survei|survey|penelitian|riset|studi|hasil|laporan|"
    r"catatan|statistik)|data\s+(?:BPS|terbaru|resmi|menunjukkan|dari)|"
    r"(?:survei|penelitian|riset|studi)\s+(?:menunjukkan|membuktikan|menyebutkan|"
    r"mengungkapkan)|hasil\s+(?:survei|penelitian|riset|studi)|terbukti\s+secara\s+ilmiah|"
    r"secara\s+ilmiah\s+terbukti|para\s+ahli\s+(?:menyebut|mengatakan))\b",
    re.I,
)
# A price, fee or prize ("Rp 25 ribu", "biaya 500 ribu", "bonus 100%", "diskon 66%") is
# not a statistic a reader needs a source for.
MONEY_OR_OFFER = re.compile(
    r"\b(?:harga(?:nya)?|seharga|biaya(?:nya)?|tarif|bayar|membayar|transfer|deposit|depo|"
    r"modal|iuran|ongkos|hadiah|bonus|diskon|cashback|potongan|promo|uang|saldo|minimal|rtp|"
    r"winrate|odds)\b[\s:,]*(?:[\w.]+\s+){0,4}$",
    re.I,
)
# A price that rose or fell is a claim about prices, not an offer ("harga pupuk naik 40 persen").
CHANGE = re.compile(
    r"\b(?:naik|turun|meningkat|menurun|melonjak|anjlok|merosot|bertambah|berkurang)\b"
    r"(?:\s+\w+){0,2}\s*$",
    re.I,
)
# Hearsay makes a figure a rumour even in a report of the group's own event.
HEARSAY = re.compile(
    r"\b(?:katanya|kabarnya|konon(?:nya)?|dengar-dengar|kabar\s+burung|"
    r"beredar\s+(?:kabar|informasi|info|pesan|berita|video|foto|isu)|"
    r"(?:kabar|informasi|info|pesan|berita|isu)\s+yang\s+beredar|viral)\b",
    re.I,
)
# A decision of an authority above the group, which readers act on: where was it announced?
DECISION = re.compile(
    r"\b(?:presiden|menteri|kementerian|pemerintah(?!\s+(?:desa|kelurahan|nagari))|gubernur|"
    r"bupati|wali\s*kota|pemkab|pemkot|pemprov|pemda|dprd?|bpjs|pln|bank\s+indonesia|BI|ojk)"
    r"\b(?:\s+[\w-]+){0,3}?\s+(?:sudah\s+|telah\s+|resmi\s+)*(?:menetapkan|memutuskan|"
    r"memberlakukan|mencabut|menghapus|menaikkan|mewajibkan|melarang|menghentikan|"
    r"memberhentikan)\b",
    re.I,
)
CURE = re.compile(
    r"\b(?:ampuh|manjur|mujarab|mujarap|terbukti|dijamin|pasti)\s+(?:bisa\s+|dapat\s+|"
    r"untuk\s+)?(?:menyembuhkan|mengobati|mencegah|membunuh|menghilangkan|menangkal|"
    r"menurunkan|sembuh)\b|"
    r"\b(?:menyembuhkan|mengobati)\s+(?:segala|berbagai|kanker|tumor|diabetes|kencing\s+manis|"
    r"stroke|hipertensi|darah\s+tinggi|asam\s+urat|kolesterol|covid|hiv|aids|ginjal|jantung|"
    r"lumpuh|kebutaan)\b",
    re.I,
)
# The verbs of a sentence telling what happened at the group's own event.
WITNESSED = re.compile(
    r"\b(?:hadir|menghadiri|datang|mengikuti|diikuti|memadati|tampil|bertanding|"
    r"terkumpul|mengumpulkan|dikumpulkan|membagikan|dibagikan|menyalurkan|disalurkan|"
    r"menanam|ditanam|menimbang|ditimbang|memeriksa|diperiksa|melayani|dilayani|memanen|"
    r"dipanen|diangkut|mengangkut|membersihkan|dibersihkan|membangun|dibangun|terjual|"
    r"menjual|menyumbang|disumbangkan|dihitung|kami\s+hitung|pantauan|memantau|dipantau|"
    r"diperbaiki|memperbaiki|dicor|mengecor|direnovasi|merenovasi|dikerjakan|mengerjakan|"
    r"menghabiskan|bersumber|swadaya)\b",
    re.I,
)
FIRST_HAND = re.compile(
    r"\b(?:kami|menggelar|mengadakan|menyelenggarakan|digelar|diadakan|diselenggarakan|"
    r"berlangsung|pada\s+(?:hari\s+)?(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|"
    r"Ahad))\b",
    re.I,
)
# "Kami minta pemda melarang ...": a request, not a decision.
REQUEST = re.compile(
    r"\b(?:minta|meminta|mohon|memohon|harap|berharap|mengharapkan|agar|supaya|semoga|usul|"
    r"mengusulkan|desak|mendesak)\b[^.!?\n]*$",
    re.I,
)
# A source named in the text: an office or an official with a title, after a verb of saying or
# "menurut"/"berdasarkan data" ("kata Kepala Puskesmas Wedi", "menurut data BPS"), or before
# one ("Camat Gantiwarno, Budi, menjelaskan"). The office is capitalised: "data dinas" names
# no one.
OFFICIAL = (
    r"(?:Kepala|Kades|Kadus|Camat|Lurah|Bupati|Wakil|Gubernur|Menteri|Ketua|Sekretaris|Sekdes|"
    r"Sekda|Kabid|Kasi|Kasubag|Kabag|Kapolsek|Kapolres|Danramil|Direktur|Koordinator|Bidan|"
    r"Dokter|dr\.|Dinas|Disdukcapil|Dukcapil|Puskesmas|BPS|BPBD|BMKG|BPOM|Kementerian|"
    r"Kemenkes|Badan|Pemkab|Pemkot|Pemprov|Pemdes|Pemerintah|RSUD|Polres|Polsek|Kantor|Balai|"
    r"Satgas|Humas)\b"
)
NAMED_SOURCE = re.compile(
    r"(?i:\b(?:kata|ujar|jelas|tutur|ungkap|terang|papar|imbuh|tambah|tegas|sebut|menurut|"
    r"berdasarkan|sesuai|mengutip|dikutip\s+dari|dilansir\s+dari|bersumber\s+dari)(?:nya)?"
    r"\s+(?:data|catatan|laporan|rilis|keterangan|surat\s+edaran|hasil\s+\w+)?\s*"
    r"(?:resmi\s+)?(?:dari\s+)?)" + OFFICIAL + r"|"
    r"\b" + OFFICIAL + r"[^.!?\n]{0,80}?(?i:\b(?:menjelaskan|mengatakan|menyampaikan|"
    r"menyebutkan|memaparkan|melaporkan|mengungkapkan|menuturkan|menerangkan|menegaskan|"
    r"mencatat|merilis|mengumumkan)\b)"
)
LARGE_COUNT = 1000
LARGE_AS_MANY_AS = 100


def _value(number):
    digits = re.sub(r"[.,]\d{1,2}$", "", number)
    digits = re.sub(r"\D", "", digits)
    return int(digits) if digits else 0


def reports_first_hand(texts):
    """Say whether a post reports an activity of its own, the source of its own figures."""
    return any(FIRST_HAND.search(text or "") for text in texts)


def _witnessed(text, start, sentence_spans):
    s_start, s_end = next((s for s in sentence_spans if s[0] <= start < s[1]), (0, len(text)))
    sentence = text[s_start:s_end]
    return bool(WITNESSED.search(sentence)) and not (
        ATTRIBUTION.search(sentence) or HEARSAY.search(sentence)
    )


def _sourced(text, start, sentence_spans):
    """Say whether the claim's sentence, or the one before it, names where it comes from."""
    for k, (s_start, s_end) in enumerate(sentence_spans):
        if s_start <= start < s_end:
            first = sentence_spans[k - 1][0] if k else s_start
            return bool(NAMED_SOURCE.search(text, first, s_end))
    return False


def _statistics(text):
    spans = []
    for m in STATISTIC.finditer(text):
        before = text[max(0, m.start() - 30) : m.start()]
        if CHANGE.search(before) or not (
            MONEY_OR_OFFER.search(before) or WHOLE.match(m.group().strip())
        ):
            spans.append(m.span())
    spans += [m.span() for m in HEADCOUNT.finditer(text) if _value(m["n"]) >= LARGE_COUNT]
    spans += [
        m.span() for m in AS_MANY_AS.finditer(text) if _value(m["n"] or m["m"]) >= LARGE_AS_MANY_AS
    ]
    return spans


def find_claims(text, *, first_hand=False, fact_check=False):
    """Return (start, end) of each claim in ``text`` that needs a source.

    ``first_hand``: the post reports its own activity (``reports_first_hand``), so the figures
    of sentences telling what happened there are observations. ``fact_check``: the post
    calls a claim false (``hoax.debunked``), so the cures and decisions it retells are not its
    own claims.
    """
    spans = _statistics(text)
    if first_hand:
        sentence_spans = sentences(text)
        spans = [span for span in spans if not _witnessed(text, span[0], sentence_spans)]
    spans += [m.span() for m in ATTRIBUTION.finditer(text)]
    if not fact_check:
        spans += [m.span() for m in CURE.finditer(text)]
        spans += [
            m.span()
            for m in DECISION.finditer(text)
            if not REQUEST.search(text[max(0, m.start() - 40) : m.start()])
        ]
    if spans:
        sentence_spans = sentences(text)
        spans = [span for span in spans if not _sourced(text, span[0], sentence_spans)]
    result = []
    for span in sorted(spans):
        if result and span[0] < result[-1][1]:
            result[-1] = (result[-1][0], max(result[-1][1], span[1]))
        else:
            result.append(span)
    return result
