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
names the event (menggelar, berlangsung) or its day ("pada Sabtu", "Minggu kemarin").

A figure is sourced, too, when its paragraph names where it comes from, before or after it
("Dinas Kesehatan ... memaparkan", "Angka itu disampaikan Kepala Dinas Pariwisata", "sesuai
Perda Nomor 5 Tahun 2023"), unless its own sentence rests on hearsay or an unnamed
attribution. Not statistics at all: a limit set by a rule ("kadar air maksimal 25 persen"),
a specification or an instruction ("alkohol 70 persen"), the prices of a sentence listing
prices that does not say they rose, and a figure of history: one in a sentence dated, by
itself or by the sentence before, at least ``HISTORY_YEARS`` back ("dibangun antara 1887 dan
1891").
"""

import datetime
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
# Who a count of people counts.
PEOPLE = (
    r"orang|jiwa|warga|penduduk|KK|keluarga|pasien|korban|penerima|siswa|pelajar|peserta|"
    r"balita|lansia|pekerja|petani|pelaku|anak|murid|bayi|rumah|pengguna|pelanggan|nasabah"
)
# Counts of people are observations when small (50 warga hadir) and statistics when large.
HEADCOUNT = re.compile(
    rf"\b(?P<n>{NUMBER})\s+(?:{PEOPLE}|tenaga|guru|pegawai|karyawan|buruh|nelayan|honorer|"
    r"TKI|TKW|wong)\b",
    re.I,
)
# "Tercatat 300", "mencapai 250" are tallies; "sebanyak 500 paket" counts things handed out,
# a statistic only when it counts people or cases.
AS_MANY_AS = re.compile(
    r"\b(?:(?:tercatat|mencapai)\s+(?:(?:lebih\s+dari|sekitar|hampir|kurang\s+lebih)\s+)?"
    rf"(?P<n>{NUMBER})|(?:sebanyak|sejumlah)\s+(?P<m>{NUMBER})\s+"
    rf"(?:{PEOPLE}|kasus|penderita|kematian))\b",
    re.I,
)
# "Dukungan 100 persen", "100% gratis": all of it, not a measured share.
WHOLE = re.compile(r"^100\s*(?:%|persen|per\s*sen)$", re.I)
ATTRIBUTION = re.compile(
    r"\b(?:(?:menurut|berdasarkan)\s+(?:data|survei|survey|penelitian|riset|studi|hasil|"
    r"laporan|catatan|statistik)|data\s+(?:BPS|terbaru|resmi|menunjukkan|dari)|"
    r"(?:survei|penelitian|riset|studi)\s+(?:menunjukkan|membuktikan|menyebutkan|"
    r"mengungkapkan)|hasil\s+(?:survei|penelitian|riset|studi)|terbukti\s+secara\s+ilmiah|"
    r"secara\s+ilmiah\s+terbukti|para\s+ahli\s+(?:menyebut|mengatakan)|"
    # An expert with no name: "kata dokter, ..." (but "kata dokter Budi" names one).
    r"(?:kata|menurut)\s+(?:dokter|ahli|pakar|peneliti|ilmuwan|orang\s+(?:dinas|puskesmas|"
    r"kantor|kesehatan))(?!\s+(?-i:[A-Z])))\b",
    re.I,
)
# A price, fee or prize ("Rp 25 ribu", "biaya 500 ribu", "bonus 100%", "diskon 66%") is
# not a statistic a reader needs a source for.
PRICE_WORD = (
    r"\b(?:harga(?:nya)?|seharga|biaya(?:nya)?|tarif|bayar|membayar|transfer|deposit|depo|"
    r"modal|iuran|ongkos|hadiah|bonus|diskon|cashback|potongan|promo|uang|saldo|minimal|rtp|"
    r"winrate|odds|tiket|sewa|denda|retribusi|beasiswa|karcis)\b"
)
MONEY_OR_OFFER = re.compile(PRICE_WORD + r"[\s:,]*(?:[\w.]+\s+){0,4}$", re.I)
# A sentence listing prices ("Harga tiket ekonomi Rp 310 ribu dan eksekutif Rp 360 ribu") names
# its prices once; unless it says they rose, fell or compare.
PRICE_LIST = re.compile(PRICE_WORD, re.I)
COMPARES = re.compile(
    r"\b(?:naik|turun|meningkat|menurun|melonjak|anjlok|merosot|bertambah|berkurang|mahal|"
    r"murah|lipat)\b",
    re.I,
)
# What a figure measures in an instruction or a specification: "alkohol 70 persen", "kadar air
# 14 persen", "isi cetakan sampai 90 persen penuh".
SPECIFICATION = re.compile(
    r"\b(?:kadar(?:\s+air)?|alkohol|klorin|larutan|konsentrasi|kemiringan(?:nya)?|"
    r"kelembapan|kelembaban|kemurnian|rendemen)\s*(?:[\w.]+\s+)?$",
    re.I,
)
FILLED = re.compile(r"\s*(?:penuh|terisi)\b", re.I)
# A limit set by a rule or a specification ("kadar air maksimal 25 persen", "paling banyak
# 10 persen") is not a measured share.
LIMIT = re.compile(
    r"\b(?:maksimal|maksimum|minimal|minimum|paling\s+(?:banyak|sedikit|tinggi|rendah)|"
    r"tidak\s+(?:lebih|kurang)\s+dari|batas(?:nya)?)\s*(?:[\w.]+\s+)?$",
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
    r"\b(?:katanya|kabarnya|konon(?:nya)?|dengar-dengar|kabar\s+burung|jare|jarene|"
    r"beredar\s+(?:kabar|informasi|info|pesan|berita|video|foto|isu)|"
    r"(?:kabar|informasi|info|pesan|berita|isu)\s+(?:yang|sing)\s+beredar|viral|"
    r"ada\s+yang\s+(?:bilang|ngomong|cerita)|orang-orang\s+(?:bilang|ngomong))\b",
    re.I,
)
# A decision of an authority above the group, which readers act on: where was it announced?
AUTHORITY = (
    r"(?:presiden|menteri|kementerian|pemerintah(?!\s+(?:desa|kelurahan|nagari))|gubernur|"
    r"bupati|wali\s*kota|pemkab|pemkot|pemprov|pemda|dprd?|bpjs|pln|bank\s+indonesia|BI|ojk)"
)
# "Bupati sudah menetapkan ...", or the passive "sudah diputuskan pemerintah pusat".
DECISION = re.compile(
    rf"\b{AUTHORITY}\b(?:\s+[\w-]+){{0,3}}?\s+(?:sudah\s+|telah\s+|resmi\s+)*(?:menetapkan|"
    r"memutuskan|memberlakukan|mencabut|menghapus|menaikkan|mewajibkan|melarang|menghentikan|"
    r"memberhentikan)\b|"
    r"\b(?:ditetapkan|diputuskan|diberlakukan|diwajibkan|dilarang)\s+(?:oleh\s+)?"
    rf"{AUTHORITY}\b",
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
    r"menghabiskan|bersumber|swadaya|menerima|diterima|menyerahkan|diserahkan|mencoblos|"
    r"hak\s+pilih(?:nya)?|(?:masuk|disetor|disetorkan)\s+ke\s+(?:kas|rekening)|"
    r"(?:buku|catatan|pembukuan|kas|rekening|laporan|posko|gudang)\s+kami)\b",
    re.I,
)
DAY = r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Ahad)"
FIRST_HAND = re.compile(
    r"\b(?:kami|menggelar|mengadakan|menyelenggarakan|digelar|diadakan|diselenggarakan|"
    rf"berlangsung|pengurus|panitia|bendahara|pada\s+(?:hari\s+)?{DAY}|"
    rf"{DAY}\s+(?:lalu|kemarin|kemaren|wingi|wingenane))\b|"
    # A report dated by its day, as news is: "..., Kamis (12/6)."
    rf",\s*{DAY}\s*(?:\(\d{{1,2}}/\d{{1,2}}\))?\s*[.,]",
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
    r"Satgas|Humas|Stasiun|UPTD?|Bappeda|Bulog|Pengadilan|Kejaksaan|Kemen[a-z]+|"
    # Offices by their short names: Dinkes, Disdik, Dishub, Disperindag ...
    r"Din(?:kes|sos|dik|pora)|Dis(?:dik\w*|hub|naker\w*|par\w*|perindag|perdag|kominfo|"
    r"perkim|pertan|pora|kes|kop\w*|tan|bun|kan|pangan|ketapang|lh)|DLH|Bapenda|Baznas|BAZNAS|"
    r"KPU|Bawaslu|BNPB|Basarnas|BKKBN|KUA|PDAM|Perumda|PMI|PLN|Pertamina|OJK|Polda|Polri|Kodim|"
    r"Koramil|Universitas|Fakultas|Rumah\s+Sakit|RS|WHO|UNICEF|"
    # A village official called by title: "Pak Lurah", "bu bidan", "Pak RT".
    r"(?i:pak|bu|bapak|ibu)\s+(?i:lurah|kades|kadus|dukuh|camat|carik|sekdes|bidan|mantri|"
    r"dokter|rt|rw|babinsa|kapolsek|danramil|kepala\s+desa|kepala\s+dusun|ketua\s+rt))\b"
)
# A document that sets or publishes the figures: "petunjuk teknis PPDB dari Dinas ...".
DOCUMENT = (
    r"(?:[\w-]+\s+)?(?:data|catatan|laporan|rilis|keterangan|surat\s+edaran|edaran|pengumuman|"
    r"keputusan|peraturan|aturan|ketentuan|petunjuk(?:\s+teknis)?|juknis|prakiraan|daftar|hasil|"
    r"laman|situs|website|akun|siaran\s+pers|publikasi|jurnal|buku|berita)"
    r"(?:\s+[\w-]+){0,3}?"
)
# A regulation or decree cited by its number: "Perda Nomor 5 Tahun 2023".
NUMBERED_RULE = (
    r"\b(?:Perda|Perbup|Perwali|Pergub|Permen\w*|Perpres|Inpres|PP|UU|Undang-Undang|Peraturan|"
    r"Keputusan|SK|Surat\s+Edaran|SE|Instruksi)\b(?:\s+[\w.-]+){0,5}?\s+(?i:nomor|no\.?)\s*\d+"
)
NAMED_SOURCE = re.compile(
    r"(?i:\b(?:kata|ujar|jelas|tutur|ungkap|terang|papar|imbuh|tambah|tegas|sebut|menurut|"
    r"berdasarkan|sesuai|mengutip|dikutip\s+dari|dilansir\s+dari|bersumber\s+dari)(?:nya)?"
    r"\s+(?:" + DOCUMENT + r")?\s*(?:resmi\s+)?(?:(?:dari|oleh)\s+)?)" + OFFICIAL + r"|"
    r"(?i:\b(?:disampaikan|dijelaskan|diungkapkan|dipaparkan|dirilis|diumumkan|dilaporkan|"
    r"dicatat|disebutkan|dikeluarkan|diterbitkan)\s+(?:oleh\s+)?)" + OFFICIAL + r"|"
    r"\b" + OFFICIAL + r"[^.!?\n]{0,100}?(?i:\b(?:menjelaskan|mengatakan|menyampaikan|"
    r"menyebut|menyebutkan|memaparkan|melaporkan|mengungkapkan|menuturkan|menerangkan|"
    r"menegaskan|mencatat|merilis|mengumumkan|memberitahukan)\b)|" + NUMBERED_RULE
)
# A year that dates a sentence as history, at least HISTORY_YEARS back; "kini", "tahun ini",
# "sejak 2010", "menjadi" bring it to the present.
YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
PRESENT = re.compile(
    r"\b(?:kini|sekarang|saat\s+ini|hingga\s+(?:kini|sekarang)|(?:tahun|bulan|minggu|pekan)"
    r"\s+ini|terakhir|sejak|dibanding(?:kan)?|menjadi)\b",
    re.I,
)
HISTORY_YEARS = 10
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
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


def _sentence_index(start, sentence_spans):
    return next((k for k, (s, e) in enumerate(sentence_spans) if s <= start < e), None)


def _hearsay(text, s_start, s_end):
    """Say whether a sentence rests on hearsay: "katanya" that is not "katanya Pak Lurah"."""
    named = [m.span() for m in NAMED_SOURCE.finditer(text, s_start, s_end)]
    return any(
        not any(n_start <= m.start() < n_end for n_start, n_end in named)
        for m in HEARSAY.finditer(text, s_start, s_end)
    )


def _sourced(text, start, sentence_spans):
    """Say whether the claim's sentence, or the one before it, names where it comes from."""
    k = _sentence_index(start, sentence_spans)
    if k is None or _hearsay(text, *sentence_spans[k]):
        return False
    first = sentence_spans[k - 1][0] if k else sentence_spans[k][0]
    return bool(NAMED_SOURCE.search(text, first, sentence_spans[k][1]))


def _paragraph(text, start):
    breaks = [m.end() for m in PARAGRAPH_BREAK.finditer(text, 0, start)]
    end = PARAGRAPH_BREAK.search(text, start)
    return (breaks[-1] if breaks else 0), (end.start() if end else len(text))


def _figure_sourced(text, start, sentence_spans):
    """Say whether a figure's paragraph names where it comes from, before or after it.

    Not when the figure's own sentence rests on hearsay or an unnamed attribution: "menurut
    data" there is the claim, whoever else the paragraph quotes.
    """
    k = _sentence_index(start, sentence_spans)
    if k is None:
        return False
    sentence = text[sentence_spans[k][0] : sentence_spans[k][1]]
    if _hearsay(text, *sentence_spans[k]) or ATTRIBUTION.search(sentence):
        return False
    p_start, p_end = _paragraph(text, start)
    return bool(NAMED_SOURCE.search(text, p_start, p_end))


def _historical(text, start, sentence_spans, this_year):
    """Say whether the figure's sentence is dated, by itself or the one before, in history."""
    k = _sentence_index(start, sentence_spans)
    if k is None:
        return False
    sentence = text[sentence_spans[k][0] : sentence_spans[k][1]]
    own = [int(y) for y in YEAR.findall(sentence)]
    if PRESENT.search(sentence) or any(y > this_year - HISTORY_YEARS for y in own):
        return False
    if not own and k:
        own = [int(y) for y in YEAR.findall(text[sentence_spans[k - 1][0] : sentence_spans[k][0]])]
    return bool(own) and all(y <= this_year - HISTORY_YEARS for y in own)


def _in_price_list(text, start, sentence_spans):
    k = _sentence_index(start, sentence_spans)
    if k is None:
        return False
    s_start, s_end = sentence_spans[k]
    return bool(PRICE_LIST.search(text, s_start, start)) and not COMPARES.search(
        text, s_start, s_end
    )


def _statistics(text, sentence_spans):
    spans = []
    for m in STATISTIC.finditer(text):
        before = text[max(0, m.start() - 30) : m.start()]
        if _in_price_list(text, m.start(), sentence_spans):
            continue
        if CHANGE.search(before) or not (
            MONEY_OR_OFFER.search(before)
            or LIMIT.search(before)
            or SPECIFICATION.search(before)
            or FILLED.match(text, m.end())
            or WHOLE.match(m.group().strip())
        ):
            spans.append(m.span())
    spans += [m.span() for m in HEADCOUNT.finditer(text) if _value(m["n"]) >= LARGE_COUNT]
    spans += [
        m.span() for m in AS_MANY_AS.finditer(text) if _value(m["n"] or m["m"]) >= LARGE_AS_MANY_AS
    ]
    return spans


def find_claims(text, *, first_hand=False, fact_check=False, this_year=None):
    """Return (start, end) of each claim in ``text`` that needs a source.

    ``first_hand``: the post reports its own activity (``reports_first_hand``), so the figures
    of sentences telling what happened there are observations. ``fact_check``: the post
    calls a claim false (``hoax.debunked``), so the cures and decisions it retells are not its
    own claims. ``this_year`` (default: the current year) dates figures of history.
    """
    sentence_spans = sentences(text)
    spans = _statistics(text, sentence_spans)
    if spans:
        this_year = this_year or datetime.date.today().year
        spans = [
            span
            for span in spans
            if not (first_hand and _witnessed(text, span[0], sentence_spans))
            and not _figure_sourced(text, span[0], sentence_spans)
            and not _historical(text, span[0], sentence_spans, this_year)
        ]
    spans += [m.span() for m in ATTRIBUTION.finditer(text)]
    if not fact_check:
        spans += [m.span() for m in CURE.finditer(text)]
        spans += [
            m.span()
            for m in DECISION.finditer(text)
            if not REQUEST.search(text[max(0, m.start() - 40) : m.start()])
        ]
    spans = [span for span in spans if not _sourced(text, span[0], sentence_spans)]
    result = []
    for span in sorted(spans):
        if result and span[0] < result[-1][1]:
            result[-1] = (result[-1][0], max(result[-1][1], span[1]))
        else:
            result.append(span)
    return result
