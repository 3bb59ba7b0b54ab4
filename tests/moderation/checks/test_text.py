from moderation.checks.text import extract_html, sentences, tokenize, word_keys


def test_spelled_out_words_are_joined_into_one_token():
    assert [t.raw for t in tokenize("dasar a.n.j.i.n.g kau")] == ["dasar", "anjing", "kau"]


def test_initials_do_not_swallow_words():
    assert [t.raw for t in tokenize("R. A. Kartini")] == ["R", "A", "Kartini"]


def test_leetspeak_and_repeats_have_plain_keys():
    assert "goblok" in word_keys("G00BL0KKK")
    assert "bangsat" in word_keys("b@ngs4t")


def test_abbreviations_do_not_end_sentences():
    text = "Rumah di Jl. Mawar No. 5 rusak. Warga membantu."
    assert [text[s:e] for s, e in sentences(text)] == [
        "Rumah di Jl. Mawar No. 5 rusak.",
        "Warga membantu.",
    ]


def test_html_keeps_visible_and_hidden_text_apart():
    extracted = extract_html(
        '<p>Kerja <b>bakti</b></p><p style="display:none">slot gacor</p><p>Selesai &amp; rapi</p>'
    )
    assert extracted.text == "Kerja bakti\nSelesai & rapi"
    assert extracted.hidden_text == "slot gacor"


def test_links_report_why_they_are_hidden():
    extracted = extract_html(
        '<a href="https://a.example">lihat</a>'
        '<a href="https://b.example" style="display: none !important">x</a>'
        '<span style="font-size:0px"><a href="https://c.example">teks</a></span>'
        '<a href="https://d.example" style="color:white">putih</a>'
        '<a href="https://e.example"> </a>'
    )
    reasons = {link.url: link.hidden_reason for link in extracted.links}
    assert reasons == {
        "https://a.example": "",
        "https://b.example": "display:none",
        "https://c.example": "font-size:0",
        "https://d.example": "same colour as background",
        "https://e.example": "no visible link text",
    }


def test_invisible_characters_do_not_split_words():
    assert extract_html("<p>sl\u200bot ga\u00adcor</p>").text == "slot gacor"
