"""Find factual or statistical claims that a reader would want a source for."""

import re

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
    r"penerima|siswa|pelajar|peserta|balita|lansia|pekerja|petani|pelaku)\b",
    re.I,
)
AS_MANY_AS = re.compile(rf"\b(?:sebanyak|sejumlah|tercatat|mencapai)\s+(?P<n>{NUMBER})", re.I)
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
LARGE_COUNT = 1000
LARGE_AS_MANY_AS = 100


def _value(number):
    digits = re.sub(r"[.,]\d{1,2}$", "", number)
    digits = re.sub(r"\D", "", digits)
    return int(digits) if digits else 0


def find_claims(text):
    """Return (start, end) of each statistic or attribution that needs a source."""
    spans = [
        m.span()
        for m in STATISTIC.finditer(text)
        if not MONEY_OR_OFFER.search(text[max(0, m.start() - 30) : m.start()])
    ]
    spans += [m.span() for m in ATTRIBUTION.finditer(text)]
    spans += [m.span() for m in HEADCOUNT.finditer(text) if _value(m["n"]) >= LARGE_COUNT]
    spans += [m.span() for m in AS_MANY_AS.finditer(text) if _value(m["n"]) >= LARGE_AS_MANY_AS]
    result = []
    for span in sorted(spans):
        if result and span[0] < result[-1][1]:
            result[-1] = (result[-1][0], max(result[-1][1], span[1]))
        else:
            result.append(span)
    return result
