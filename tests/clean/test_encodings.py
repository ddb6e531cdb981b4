from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.clean.encodings import (
    cyrillic_plausibility,
    declared_charset,
    decode_bytes,
    decode_with,
    guess_8bit,
    repair_mojibake,
)

RUSSIAN = "Министр обороны заявил, что войска отошли от города. По его словам, потери были большими."
UKRAINIAN = "Бахмут: бої тривають. Губернатор заявив, що місто тримається, а ворог зазнає втрат."
FRENCH = "Le ministre a déclaré à l'AFP que la ville était « encerclée » près de Bakhmout."
GERMAN = "Die Größe der Übung überraschte die Beobachter, hieß es aus Brüssel."
CP1252_ONLY = "Er sagte: „Wir bleiben“ – und ging… €50 für “alle”."


def page(charset: str, body: str) -> str:
    return f'<html><head><meta charset="{charset}"><title>t</title></head><body><p>{body}</p></body></html>'


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (UKRAINIAN.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + UKRAINIAN.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + UKRAINIAN.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + UKRAINIAN.encode("utf-16-be"), "utf-16"),
        (codecs.BOM_UTF32_LE + UKRAINIAN.encode("utf-32-le"), "utf-32"),
        (UKRAINIAN.encode("cp1251"), "cp1251"),
        (UKRAINIAN.encode("koi8-u"), "koi8-u"),
        (RUSSIAN.encode("cp1251"), "cp1251"),
        (RUSSIAN.encode("koi8-r"), "koi8-r"),
    ],
    ids=[
        "utf-8",
        "utf-8-bom",
        "utf-16-le",
        "utf-16-be",
        "utf-32-le",
        "cp1251-uk",
        "koi8-u",
        "cp1251-ru",
        "koi8-r",
    ],
)
def test_each_encoding_is_detected_and_decoded(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.encoding == encoding
    assert decoded.text in (UKRAINIAN, RUSSIAN)


@pytest.mark.parametrize("text", [FRENCH, GERMAN, CP1252_ONLY])
@pytest.mark.parametrize("codec", ["latin-1", "cp1252"])
def test_western_text_is_read_as_cp1252(text: str, codec: str) -> None:
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        pytest.skip(f"{codec} cannot hold this text")
    decoded = decode_bytes(data)
    assert decoded.encoding == "cp1252"
    assert decoded.text == text


def test_bytes_no_code_page_defines_still_decode() -> None:
    # 0x81 is undefined in cp1252 and 0x98 in cp1251; browsers read both as the same code point.
    assert decode_bytes(b"caf\xe9 \x81").text == "café \x81"
    assert decode_bytes("Київ ".encode("cp1251") + b"\x98").text == "Київ \x98"


def test_koi8_headline_in_capitals() -> None:
    headline = "ЗЕЛЕНСЬКИЙ ЗАЯВИВ ПРО ПЕРЕГОВОРИ"
    for codec in ("cp1251", "koi8-u"):
        assert decode_bytes(headline.encode(codec)).text == headline


def test_a_declared_charset_is_honoured_when_the_bytes_agree() -> None:
    for charset, codec in (("windows-1251", "cp1251"), ("koi8-r", "koi8-r"), ("KOI8-U", "koi8-u")):
        decoded = decode_bytes(
            page(charset, UKRAINIAN if codec != "koi8-r" else RUSSIAN).encode(codec), html=True
        )
        assert decoded.encoding == codec
        assert decoded.declared == codec


def test_http_equiv_and_xml_declarations_count() -> None:
    http_equiv = b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
    assert declared_charset(http_equiv) == "cp1251"
    assert declared_charset(b'<?xml version="1.0" encoding="koi8-r"?><html>') == "koi8-r"
    assert declared_charset(b"<meta charset=iso-8859-1>") == "cp1252"


def test_a_declared_charset_other_than_ours_is_honoured() -> None:
    polish = "Minister powiedział, że miasto jest otoczone. Żołnierze się wycofują."
    decoded = decode_bytes(page("windows-1250", polish).encode("cp1250"), html=True)
    assert decoded.encoding == "cp1250"
    assert polish in decoded.text
    japanese = "大臣は町が包囲されたと述べた。"
    decoded = decode_bytes(page("shift_jis", japanese).encode("shift_jis"), html=True)
    assert japanese in decoded.text


@pytest.mark.parametrize(
    ("declared", "text", "actual", "expected"),
    [
        ("windows-1251", RUSSIAN, "koi8-r", "koi8-r"),  # a server configured for the wrong code page
        ("koi8-r", UKRAINIAN, "cp1251", "cp1251"),
        ("iso-8859-1", UKRAINIAN, "cp1251", "cp1251"),  # the server's default, never changed
        ("windows-1251", FRENCH, "cp1252", "cp1252"),
        ("utf-8", UKRAINIAN, "cp1251", "cp1251"),
    ],
)
def test_a_declared_charset_the_bytes_contradict_is_overruled(
    declared: str, text: str, actual: str, expected: str
) -> None:
    decoded = decode_bytes(page(declared, text).encode(actual), html=True)
    assert decoded.encoding == expected
    assert text in decoded.text


@pytest.mark.parametrize("label", ["unicode_escape", "undefined", "rot13", "base64", "utf-16", "x-nonsense"])
def test_labels_that_are_no_charset_are_ignored(label: str) -> None:
    decoded = decode_bytes(page(label, UKRAINIAN).encode("cp1251"), html=True)
    assert decoded.encoding == "cp1251"
    assert UKRAINIAN in decoded.text


def test_a_declaration_in_plain_text_is_not_read() -> None:
    data = page("koi8-r", UKRAINIAN).encode("cp1251")
    assert decode_bytes(data, html=False).encoding == "cp1251"


def test_utf8_with_a_few_broken_bytes_stays_utf8() -> None:
    data = (UKRAINIAN + " " + RUSSIAN).encode("utf-8") + b" caf\xe9"
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8"
    assert decoded.text == UKRAINIAN + " " + RUSSIAN + " caf\ufffd"


def test_a_broken_utf16_file_raises_the_decode_error() -> None:
    with pytest.raises(UnicodeDecodeError):
        decode_bytes(codecs.BOM_UTF16_LE + "ab".encode("utf-16-le") + b"\x00")


def test_plausibility_prefers_the_right_reading() -> None:
    data = UKRAINIAN.encode("cp1251")
    right = cyrillic_plausibility(UKRAINIAN)
    for codec in ("koi8-r", "koi8-u", "cp1252"):
        assert cyrillic_plausibility(data.decode(codec)) < right


# Words of Russian and Ukrainian news, in their dictionary form and a few inflections.
_WORDS = {
    "ru": (
        "министр обороны заявил войска город россия украина президент переговоры армия наступление "
        "сообщил сегодня область мирные жители погибли ранены фронт удар ракета здание администрация "
        "войны после вторник среда безопасности совет правительство граждане эвакуация мост"
    ).split(),
    "uk": (
        "міністр оборони заявив війська місто україна президент переговори армія наступ повідомив "
        "сьогодні область мирні жителі загинули поранені фронт удар ракета будівля адміністрація війни "
        "після вівторок середа безпеки рада уряд громадяни евакуація міст їхні єдність ґанок"
    ).split(),
}


@st.composite
def sentences(draw: st.DrawFn) -> str:
    # Different words, as prose has: one word said over and over ("ПОСЛЕ ПОСЛЕ ...") gives the letter
    # statistics nothing to weigh, and either code page's reading of it can be the likelier.
    words = draw(
        st.lists(
            st.sampled_from(_WORDS[draw(st.sampled_from(sorted(_WORDS)))]),
            min_size=5,
            max_size=12,
            unique=True,
        )
    )
    style = draw(st.sampled_from(["lower", "sentence", "title", "upper"]))
    if style == "upper":
        return " ".join(words).upper()
    if style == "title":
        return " ".join(w.capitalize() for w in words)
    text = " ".join(words)
    return text[0].upper() + text[1:] + "." if style == "sentence" else text


@settings(max_examples=150, deadline=None)
@given(sentences(), st.sampled_from(["cp1251", "koi8-u"]))
def test_cyrillic_code_pages_are_told_apart(text: str, codec: str) -> None:
    data = text.encode(codec)
    assert decode_bytes(data).text == text
    assert guess_8bit(data) in (("cp1251",) if codec == "cp1251" else ("koi8-r", "koi8-u"))


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400), st.booleans())
def test_any_bytes_decode_the_same_way_every_time(data: bytes, html: bool) -> None:
    try:
        first = decode_bytes(data, html=html)
    except UnicodeDecodeError:
        assert data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE))
        return
    assert decode_bytes(data, html=html) == first


@settings(max_examples=100, deadline=None)
@given(
    st.binary(max_size=300),
    st.sampled_from(["windows-1251", "koi8-r", "latin1", "shift_jis", "utf-7", "big5", "utf-8-variants"]),
)
def test_any_bytes_under_any_declaration_decode(data: bytes, charset: str) -> None:
    decoded = decode_bytes(f'<meta charset="{charset}">'.encode() + data, html=True)
    decoded.text.encode("utf-8")  # no half surrogate pairs, whatever the page names


# -- mojibake ------------------------------------------------------------------------------------


def as_cp1252_browser(text: str) -> str:
    """What a browser shows for UTF-8 bytes it takes for windows-1252 (undefined bytes kept)."""
    return "".join(
        chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252") for b in text.encode()
    )


@pytest.mark.parametrize(
    ("garbled", "fixed"),
    [
        ("donâ€™t", "don’t"),
        ("The â€œquoteâ€\x9d here", "The “quote” here"),
        (as_cp1252_browser("Зеленський заявив"), "Зеленський заявив"),
        ("Ð—ÐµÐ»ÐµÐ½Ñ\x81ÑŒÐºÐ¸Ð¹", "Зеленський"),
        ("Москва заявила".encode().decode("cp1251"), "Москва заявила"),
        ("cafÃ© and a real é", "café and a real é"),
        ("line one is fine: Київ\ndonâ€™t\n", "line one is fine: Київ\ndon’t\n"),
        ("Ã©tÃ© \ufffd kept", "été \ufffd kept"),
    ],
)
def test_mojibake_is_repaired(garbled: str, fixed: str) -> None:
    assert repair_mojibake(garbled) == fixed


def test_a_lost_byte_is_not_guessed() -> None:
    # cp1252 has no character for byte 0x81 (the second byte of "с"); copied without it, the "с"
    # could have been any of several letters, so its remnant stays while the rest is repaired.
    assert repair_mojibake("Ð—ÐµÐ»ÐµÐ½ÑÑŒÐºÐ¸Ð¹") == "ЗеленÑький"


@pytest.mark.parametrize(
    "text",
    [
        FRENCH,
        GERMAN,
        CP1252_ONLY,
        RUSSIAN,
        UKRAINIAN,
        "PERÚ” and CAFÉ”",
        "Þá sagði hann: „Já“.",
        "Ελληνικά και Русский",
        "naïve coöperation, São Paulo, Łódź, İstanbul",
        "1 ½ cups at 20 °C ± 2, ©2024 Ünïcödé™",
        "¿Qué? ¡Sí! «Ça va» — 50 € · 3×4",
    ],
)
def test_text_that_is_fine_is_left_alone(text: str) -> None:
    assert repair_mojibake(text) == text


_PLAIN_CYRILLIC = "".join(chr(c) for c in range(ord("А"), ord("я") + 1))


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(_PLAIN_CYRILLIC + " .,;:!?-\n0123456789abcXYZ")))
def test_russian_letters_and_ascii_are_never_touched(text: str) -> None:
    # А-я are bytes C0-FF in cp1251 and KOI8-R, UTF-8 lead bytes only, so no reading of them as UTF-8
    # exists: nothing here can be mojibake. Typographic punctuation is left out on purpose: cp1251
    # puts «»–— at continuation bytes, and "В«" really is UTF-8 "«" read as cp1251.
    assert repair_mojibake(text) == text


_WESTERN_WORDS = "déjà été Größe Übung São ação naïve coöperation señor año Þá über à la".split()


@st.composite
def garblable_sentences(draw: st.DrawFn) -> str:
    words = draw(
        st.lists(st.sampled_from(_WORDS["ru"] + _WORDS["uk"] + _WESTERN_WORDS), min_size=2, max_size=10)
    )
    quote = draw(st.sampled_from(["“{}”", "«{}»", "„{}“", "{}", "‘{}’"]))
    return quote.format(" ".join(words)) + draw(st.sampled_from(["", ".", " — так.", "…"]))


@settings(max_examples=150, deadline=None)
@given(garblable_sentences())
def test_garbled_sentences_come_back(text: str) -> None:
    assert repair_mojibake(as_cp1252_browser(text)) == text
    # ftfy recognises UTF-8 read as cp1251 less often ("РІРѕР№РЅС‹" passes for Russian), but what
    # it repairs, it repairs right.
    garbled = decode_with(text.encode(), "cp1251")
    assert repair_mojibake(garbled) in (text, garbled)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_repair_never_adds_controls_or_surrogates(text: str) -> None:
    repaired = repair_mojibake(text)
    controls = [c for c in repaired if ord(c) < 32 and c not in "\t\n\r\f"]
    assert len(controls) <= sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f")
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in repaired)
    assert repair_mojibake(text) == repaired
