"""Demo agencies (OPD) with officers, and complaints in every state of the desk."""

from datetime import timedelta

from complaints.models import Agency, Answer, Complaint, Status
from kim.models import Region

AGENCIES = (
    ("disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "opd-capil"),
    ("dinkes", "Dinas Kesehatan", "opd-dinkes"),
    ("dpupr", "Dinas Pekerjaan Umum dan Penataan Ruang", None),
)

# reference, channel, kind, agency, status, days ago, subject, text, answer
COMPLAINTS = (
    ("DEMO-001", "facebook_group", "pertanyaan", None, Status.NEW, 1,
     "Blangko KTP", "Min, blangko KTP-el di kecamatan Prambanan habis ya? Sudah dua minggu.",
     None),
    ("DEMO-002", "instagram", "aduan", None, Status.VERIFIED, 2,
     "Lampu jalan mati", "Lampu jalan di depan SD Sengon mati sejak seminggu, rawan malam hari.",
     None),
    ("DEMO-003", "whatsapp", "aduan", "dpupr", Status.FORWARDED, 9,
     "Jalan berlubang", "Jalan Jogja-Solo km 20 berlubang besar, sudah ada motor jatuh.",
     None),
    ("DEMO-004", "x", "pertanyaan", "disdukcapil", Status.ANSWERED, 6,
     "Akta kelahiran", "Bagaimana cara mengurus akta kelahiran anak yang lahir di luar kota?",
     "Akta dapat diurus di Disdukcapil sesuai domisili orang tua dengan surat keterangan "
     "lahir dari bidan atau rumah sakit, KK dan KTP kedua orang tua."),
    ("DEMO-005", "facebook", "aduan", "dinkes", Status.RESOLVED, 20,
     "Antrean puskesmas", "Antrean di puskesmas Jogonalan sangat panjang setiap Senin pagi.",
     "Mulai bulan ini puskesmas membuka pendaftaran daring dan menambah satu loket."),
    ("DEMO-006", "telegram", "aspirasi", None, Status.REJECTED, 15,
     "Pesan berantai", "Tes tes, maaf salah kirim.", None),
    ("DEMO-007", "lapor", "aduan", None, Status.FORWARDED, 12,
     "Bantuan sosial", "Bantuan sosial belum diterima padahal sudah terdaftar di DTKS.", None),
    ("DEMO-008", "tiktok", "laporan_hoaks", None, Status.VERIFIED, 3,
     "Video penculikan anak", "Video penculikan anak di pasar Klaten viral, katanya kejadian "
     "kemarin.", None),
    ("DEMO-009", "walk_in", "aduan", "dinkes", Status.FORWARDED, 30,
     "Sampah medis", "Ada sampah medis dibuang di sungai dekat klinik.", None),
)  # fmt: skip


def complaints_ensure(*, users, now):
    """Create the demo agencies and complaints that are not there yet."""
    agencies = {}
    for slug, name, officer in AGENCIES:
        agency, _created = Agency.objects.get_or_create(
            slug=slug, defaults={"name": name, "head_email": f"kepala@{slug}.example.org"}
        )
        if officer and officer in users:
            agency.officers.add(users[officer])
        agencies[slug] = agency
    if "kepala-opd" in users:
        agencies["disdukcapil"].officers.add(users["kepala-opd"])
    region = Region.objects.filter(code="33.10.01").first()
    logger = users.get("admin-info")
    for ref, channel, kind, agency, status, days, subject, text, answer in COMPLAINTS:
        if Complaint.objects.filter(reference=ref).exists():
            continue
        received = now - timedelta(days=days)
        complaint = Complaint.objects.create(
            reference=ref,
            received_at=received,
            channel=channel,
            kind=kind,
            subject=subject,
            text=text,
            region=region,
            region_code=region.code if region else "",
            agency=agencies.get(agency),
            status=status,
            logged_by=logger,
            verified_at=received + timedelta(hours=5) if status != Status.NEW else None,
            lapor_tracking="LPR-2026-0001" if channel == "lapor" else "",
            lapor_status="terkirim" if channel == "lapor" else "",
            consent=ref == "DEMO-004",
            reporter_name="Rina" if ref == "DEMO-004" else "",
            reporter_contact="0812-0000-0004" if ref == "DEMO-004" else "",
        )
        if answer:
            answered = received + timedelta(hours=20)
            Answer.objects.create(
                complaint=complaint,
                agency=complaint.agency,
                author=users.get("opd-capil" if agency == "disdukcapil" else "opd-dinkes"),
                text=answer,
                resolves=status == Status.RESOLVED,
                created_at=answered,
            )
            complaint.first_response_at = answered
            if status == Status.RESOLVED:
                complaint.resolved_at = complaint.closed_at = answered + timedelta(days=1)
                complaint.public_question = text
                complaint.published_at = answered + timedelta(days=1)
            complaint.save()
        if status == Status.REJECTED:
            complaint.closed_at = received + timedelta(days=1)
            complaint.save()
