"""Find personal data: NIK and KK numbers, private mobile numbers, a person's bank account
number, home addresses with names."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

# Kemendagri province codes (the first two digits of a NIK or KK number), Papua's 2022
# provinces included.
PROVINCE_CODES = frozenset(
    "11 12 13 14 15 16 17 18 19 21 31 32 33 34 35 36 51 52 53 61 62 63 64 65 71 72 73 74 75 "
    "76 81 82 91 92 93 94 95 96 97".split()
)
SIXTEEN_DIGITS = re.compile(r"(?<![\d])(?<!\d[ .-])\d(?:[ .-]?\d){15}(?![ .-]?\d)")
ID_LABEL = re.compile(
    r"\b(?:NIK|N\.I\.K\.?|KTP|e-KTP|KK|kartu\s+keluarga|nomor\s+induk\s+kependudukan)\b"
    r"[^\n\d]{0,25}$",
    re.I,
)
MOBILE = re.compile(r"(?<![\w+])(?:\+62|62|0)[\s.-]?8[1-9](?:[\s.-]?\d){6,11}(?![\d])")
# Words that make a number a public office's line rather than a private one.
OFFICE = re.compile(
    r"\b(?:dinas|kantor|puskesmas|kecamatan|kelurahan|balai\s+desa|pemdes|pemkab|pemkot|"
    r"posko|hotline|call\s*cent(?:er|re)|pusat\s+panggilan|layanan\s+pengaduan|pengaduan|"
    r"humas|rsud|rumah\s+sakit|polsek|polres|polda|damkar|pemadam|bpbd|pmi|ambulans|"
    r"sekretariat|dukcapil|diskominfo|kominfo|bpjs|pln|pdam|samsat|nomor\s+resmi|"
    r"whatsapp\s+resmi|wa\s+resmi|admin\s+resmi|lapor|satgas|upt|uptd|instansi|opd)\b",
    re.I,
)
PERSON_ROLES = (
    r"(?!(?:Bupati|Wakil|Camat|Kades|Kepala|Ketua|Lurah|Sekda|Sekdes|Kapolsek|Kapolres|"
    r"Danramil|Gubernur|Presiden|Menteri|Kadus|Dukuh|Bidan|Dokter|Dinas|Kantor|RT|RW)\b)"
)
PERSON_NAME = re.compile(
    r"(?:\b(?:[Bb]apak|[Pp]ak|[Ii]bu|[Bb]u|[Ss]audara|[Ss]audari|[Mm]bah|[Mm]as|[Mm]bak|"
    r"[Bb]ang|[Kk]akek|[Nn]enek|[Aa]lmarhum(?:ah)?|[Bb]ernama|[Aa]tas\s+nama)\s+|"
    r"\b(?:Sdr|Sdri|Alm|Almh|Tn|Ny|Nn|Hj?|a\.n)\.\s*)" + PERSON_ROLES + r"[A-Z][a-z]+"
)
STREET_WITH_NUMBER = re.compile(
    r"\b(?:Jl|Jln|Jalan|Gg|Gang|Perum|Perumahan|Komplek|Kompleks|Blok)\.?\s+"
    r"[A-Z0-9][\w'.-]*(?:\s+[\w'./-]+){0,5}?,?\s+(?:No|Nomor|Nomer)\.?\s*\d+[A-Za-z]?\b"
)
HOME_ADDRESS = re.compile(
    r"\b(?:alamat|beralamat|tinggal\s+di|bertempat\s+tinggal|kediaman|rumahnya|domisili|"
    r"berdomisili)\b[^.\n]{0,60}?\b(?:RT\.?\s*\d{1,3}\s*[/,]?\s*RW\.?\s*\d{1,3}|Jl\.?|Jln\.?|"
    r"Jalan|Gg\.?|Gang|Dusun|Dsn\.?|Dukuh|Perum)",
    re.I,
)
INSTITUTION = re.compile(
    r"\b(?:kantor|balai|puskesmas|pustu|posyandu|dinas|sekretariat|gedung|masjid|musala|"
    r"mushola|gereja|pura|vihara|klenteng|sekolah|SDN?|SMPN?|SMAN?|SMKN?|MI|MTsN?|MAN?|pasar|"
    r"lapangan|posko|kecamatan|kelurahan|pendopo|pendapa|aula|RSUD|rumah\s+sakit|polsek|"
    r"polres|koramil|toko|warung|kafe|hotel|GOR|stadion|terminal|stasiun|bank|kampus|"
    r"universitas|taman|alun-alun)\b",
    re.I,
)

# A bank account number: 8 to 18 digits, maybe grouped by spaces, dashes or dots, after a word
# that says it is one ("no rek", "rekening", a bank's name) and before its owner's name.
BANK = (
    r"(?:no(?:mor|mer)?\.?\s*rek(?:ening)?\b\.?|norek|rekening|rek\b\.?|bank\s+\w+|BRI|BNI|BCA|"
    r"BSI|BTN|BJB|BPD|Mandiri|CIMB|Danamon|Permata|Muamalat|Maybank|OCBC|Panin|SeaBank|Jago)"
)
ACCOUNT = re.compile(
    rf"\b(?P<cue>{BANK})(?P<between>[^\d\n]{{0,30}}?)"
    r"(?P<number>(?<!\d)\d(?:[ .-]?\d){7,17})(?![ .-]?\d)",
    re.I,
)
OWNER = re.compile(
    r"\s*[,;:]?\s*(?:\(\s*(?:a\.?\s?n\.?|a/n|atas\s+nama)?|a\.\s?n\.?|a/n|an\b\.?|atas\s+nama|"
    r"milik)\s*(?P<owner>[^\n,;()]{2,60})",
    re.I,
)
MONEY = re.compile(r"(?:\bRp\.?|\bIDR|rupiah|sebesar|senilai|saldo)\s*$", re.I)
THOUSANDS = re.compile(r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?")
# Owners whose account is meant to be public: a collection by an institution or committee.
INSTITUTION_OWNER = re.compile(
    r"\b(?:panitia|masjid|musala|mushola|mushala|langgar|surau|yayasan|pemkab|pemkot|pemprov|"
    r"pemda|pemdes|pemerintah|baznas|laz\w*|upz|dompet|gereja|paroki|jemaat|pura|vihara|"
    r"klenteng|koperasi|kelompok|karang\s+taruna|pkk|desa|kelurahan|nagari|bumdes|sekolah|"
    r"madrasah|pondok|ponpes|pesantren|komite|takmir|dkm|posko|pmi|rsud|dinas|kas|bendahara|"
    r"lembaga|organisasi|perkumpulan|paguyuban|ikatan|forum|pt|cv|kim|kantor|badan|amil|zakat|"
    r"infa[qk]|peduli|komunitas|relawan|sanggar|klub|persatuan)\b",
    re.I,
)


@dataclass(frozen=True)
class Finding:
    start: int
    end: int
    message: str


def plausible_nik(digits):
    """Say whether 16 digits follow the NIK/KK layout: province, district, date, serial."""
    if len(digits) != 16 or digits[:2] not in PROVINCE_CODES:
        return False
    if digits[2:4] == "00" or digits[4:6] == "00" or digits[12:] == "0000":
        return False
    day, month = int(digits[6:8]), int(digits[8:10])
    # Women's NIKs add 40 to the day of birth; a KK number carries its issue date.
    return (1 <= day <= 31 or 41 <= day <= 71) and 1 <= month <= 12


def find_id_numbers(text):
    findings = []
    for m in SIXTEEN_DIGITS.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        labelled = bool(ID_LABEL.search(text[max(0, m.start() - 40) : m.start()]))
        if plausible_nik(digits) or labelled:
            findings.append(
                Finding(
                    m.start(),
                    m.end(),
                    _(
                        "This looks like a NIK or family card (KK) number. Publishing it "
                        "exposes the person to fraud. Remove it, or show only the last four "
                        "digits."
                    ),
                )
            )
    return findings


def is_amount(account_match):
    """Say whether an ``ACCOUNT`` match is an amount of money: "rekening kas Rp 12.500.000"."""
    return bool(
        MONEY.search(account_match["between"]) or THOUSANDS.fullmatch(account_match["number"])
    )


def find_account_numbers(text):
    """Return the findings for people's bank accounts, and the spans of every account number.

    An account named for an institution or committee ("a.n. Panitia Renovasi Masjid",
    "BAZNAS Kabupaten Sleman") is a public collection account, not personal data; one named
    for a person, or for no one, is. Every account's span is returned so that its digits are
    not read again as a NIK or a phone number.
    """
    findings, spans = [], []
    for m in ACCOUNT.finditer(text):
        if is_amount(m):
            continue
        spans.append(m.span("number"))
        owner = OWNER.match(text, m.end("number"))
        if owner:
            # The owner's name ends with its sentence: "a.n. Siti Aminah. Antar ke balai desa."
            name = re.split(r"[.!?](?:\s|$)", owner["owner"])[0]
            public = INSTITUTION_OWNER.search(name)
        else:
            sentence_start = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start()))
            public = INSTITUTION_OWNER.search(text, sentence_start + 1, m.start("number"))
        if public or INSTITUTION_OWNER.search(m["between"]):
            continue
        findings.append(
            Finding(
                m.start("number"),
                m.end("number"),
                _(
                    "This looks like a person's bank account number. Publishing it exposes its "
                    "owner to fraud and pressure. Remove it; to collect donations, give the "
                    "official account of an institution or committee (panitia, masjid, "
                    "yayasan) instead."
                ),
            )
        )
    return findings, spans


def _nearest_before(pattern, text, start, reach):
    """Distance from the end of the last match in the ``reach`` characters before ``start``."""
    window_start = max(0, start - reach)
    last = None
    for m in pattern.finditer(text, window_start, start):
        last = m
    return start - last.end() if last else None


def find_mobile_numbers(text):
    findings = []
    for m in MOBILE.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        national = digits[2:] if digits.startswith("62") else digits[1:]
        if not 9 <= len(national) <= 12:
            continue
        line_start = max(text.rfind("\n", 0, m.start()) + 1, 0)
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end == -1 else line_end
        office_before = _nearest_before(
            OFFICE, text[: m.start()], m.start(), min(90, m.start() - line_start)
        )
        office_after = OFFICE.search(text, m.end(), min(line_end, m.end() + 40))
        person_before = _nearest_before(
            PERSON_NAME, text[: m.start()], m.start(), min(90, m.start() - line_start)
        )
        office_distance = (
            office_before
            if office_before is not None
            else (office_after.start() - m.end() if office_after else None)
        )
        if office_distance is not None and (
            person_before is None or office_distance < person_before
        ):
            continue
        findings.append(
            Finding(
                m.start(),
                m.end(),
                _(
                    "This looks like a private mobile number. Publish it only with the owner's "
                    "consent; prefer the office's official number or hotline."
                ),
            )
        )
    return findings


def find_home_addresses(text):
    findings = []
    candidates = [(m.start(), m.end()) for m in STREET_WITH_NUMBER.finditer(text)]
    candidates += [(m.start(), m.end()) for m in HOME_ADDRESS.finditer(text)]
    for start, end in sorted(candidates):
        if any(f.start <= start < f.end for f in findings):
            continue
        if INSTITUTION.search(text, max(0, start - 45), start):
            continue
        window = text[max(0, start - 120) : min(len(text), end + 60)]
        if PERSON_NAME.search(window):
            findings.append(
                Finding(
                    start,
                    end,
                    _(
                        "This looks like a person's home address next to their name. Give only "
                        "the village or hamlet, unless the person agreed to publish the address."
                    ),
                )
            )
    return findings


def find_personal_data(text):
    found, taken = find_account_numbers(text)
    for finding in find_id_numbers(text):
        if not any(s <= finding.start < e or finding.start <= s < finding.end for s, e in taken):
            found.append(finding)
    taken = taken + [(f.start, f.end) for f in found]
    for finding in find_mobile_numbers(text):
        if not any(s <= finding.start < e for s, e in taken):
            found.append(finding)
    found += find_home_addresses(text)
    return sorted(found, key=lambda f: f.start)
