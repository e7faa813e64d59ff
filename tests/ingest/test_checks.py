"""checks: size limits, emptiness, length and English, each with a one-line message naming the input."""

from __future__ import annotations

import pytest

from slant.errors import InputError
from slant.ingest.checks import (
    check_english,
    check_not_empty,
    check_size,
    check_text,
    english_ratio,
    format_bytes,
    prose_ratio,
)
from slant.settings import Settings

ENGLISH = (
    "The district council voted on Thursday to rebuild the flood wall along the river, ending two years of "
    "argument over who should pay for the work. Most of the money will come from a state fund, and the rest "
    "from a bond that residents approved last autumn."
)
GERMAN = (
    "Der Stadtrat hat am Dienstagabend mit sieben zu zwei Stimmen beschlossen, die alte Hochwassermauer am "
    "Fluss zu erneuern. Die Arbeiten sollen im Juni beginnen und etwa achtzehn Monate dauern. Die Kosten "
    "werden auf rund 48 Millionen Euro geschätzt, wovon die Hälfte aus einem Landesfonds kommt."
)
RUSSIAN = "Городской совет в понедельник одобрил план реконструкции порта и набережной."
CHINESE = "市议会周二晚间以七票对两票通过了重建防洪墙的计划，工程预计六月开工，历时十八个月。"


@pytest.mark.parametrize(
    ("n", "shown"), [(512, "512 bytes"), (3_400, "3.4 kB"), (5_200_000, "5.2 MB"), (2_000_000, "2.0 MB")]
)
def test_format_bytes_reads_like_a_person_would(n: int, shown: str) -> None:
    assert format_bytes(n) == shown


def test_check_size_names_size_and_limit(settings: Settings) -> None:
    with pytest.raises(InputError) as err:
        check_size(5_200_000, "big.txt", settings)
    assert str(err.value) == "big.txt: is 5.2 MB, over the 2.0 MB limit"


def test_check_size_of_stream_names_limit(settings: Settings) -> None:
    with pytest.raises(InputError) as err:
        check_size(None, "stdin", settings)
    assert str(err.value) == "stdin: is over the 2.0 MB limit"


def test_check_size_accepts_exactly_the_limit(settings: Settings) -> None:
    check_size(settings.max_input_bytes, "ok.txt", settings)


@pytest.mark.parametrize("text", ["", "   \n\t\n", "\ufeff  "])
def test_check_not_empty_refuses_whitespace(text: str) -> None:
    with pytest.raises(InputError) as err:
        check_not_empty(text, "left.txt")
    assert str(err.value) == "left.txt: the file is empty"


def test_english_ratio_is_high_for_english_and_nil_for_german() -> None:
    assert english_ratio(ENGLISH)[0] > 0.25
    assert english_ratio(GERMAN)[0] < 0.05


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (GERMAN, "(0% English function words)"),
        (RUSSIAN, "(mostly Cyrillic script)"),
        (CHINESE, "(mostly Chinese/Japanese (CJK) script)"),
    ],
    ids=["german", "russian", "chinese"],
)
def test_check_english_refuses_other_languages(text: str, reason: str, settings: Settings) -> None:
    with pytest.raises(InputError) as err:
        check_english(text, "x.txt", settings)
    assert str(err.value) == f"x.txt: does not look like English {reason}; slant analyses English news"


ENGLISH_LIST = """The Harlow City Council passed its budget on Monday. Here is what is in it:

- $4 million for road repairs
- Two new police officers
- A 3% increase in water fees
* A freeze on property taxes
• A new fire truck, costing $850,000
1. Money for the library
2) A study of bus routes

Mayor Jane Roe said the budget "keeps Harlow moving." Councilman Tom Reed voted no."""
FRENCH = (
    "Le conseil municipal a approuvé lundi soir le budget de la ville par cinq voix contre deux. La maire a déclaré "
    "que ce budget permettra de réparer les routes et d'embaucher deux nouveaux policiers dès le mois de juin."
)
SPANISH = (
    "El concejo municipal aprobó el lunes por la noche el presupuesto de la ciudad por cinco votos contra dos. La "
    "alcaldesa dijo que el presupuesto permitirá reparar las calles y contratar a dos nuevos policías en junio."
)
LIST_ITEMS = "- 4 Millionen Euro für Straßen\n- Zwei neue Polizisten\n- Ein neues Feuerwehrauto\n"


def test_check_english_accepts_english_with_a_list(settings: Settings) -> None:
    assert english_ratio(ENGLISH_LIST)[0] < settings.min_english_ratio
    check_english(ENGLISH_LIST, "x.txt", settings)


@pytest.mark.parametrize(
    "text",
    [GERMAN, FRENCH, SPANISH, f"{GERMAN}\n\n{LIST_ITEMS}\n{GERMAN}", f"{LIST_ITEMS}\n{FRENCH}\n{SPANISH}"],
    ids=["german", "french", "spanish", "german-with-list", "french-and-spanish-with-list"],
)
def test_check_english_still_refuses_other_languages_in_prose_and_lists(text: str, settings: Settings) -> None:
    with pytest.raises(InputError, match="English function words"):
        check_english(text, "x.txt", settings)


def test_prose_ratio_ignores_list_items_and_short_lines() -> None:
    ratio, words = prose_ratio("- one two three four five six seven eight nine\nShort heading line\n" + ENGLISH)
    assert (ratio, words) == (prose_ratio(ENGLISH)[0], len(ENGLISH.split()))


def test_check_english_skips_function_words_for_short_text(settings: Settings) -> None:
    check_english("Hola amigos, ¿cómo están hoy en el puerto?", "x.txt", settings)


def test_check_english_threshold_comes_from_settings() -> None:
    with pytest.raises(InputError, match="English function words"):
        check_english(ENGLISH, "x.txt", Settings(min_english_ratio=0.9))


def test_check_english_accepts_english(settings: Settings) -> None:
    check_english(ENGLISH, "x.txt", settings)


@pytest.mark.parametrize(
    ("text", "changes", "message"),
    [
        ("   ", {}, "x.txt: has no article text"),
        ("Too short.", {}, "x.txt: is too short (10 characters; slant needs at least 20)"),
        (
            ENGLISH,
            {"max_article_chars": 100},
            f"x.txt: is {len(ENGLISH)} characters long, over the 100-character limit",
        ),
        ("\x01\x02\x03 The council voted on Thursday.", {}, "x.txt: looks like binary data, not an article"),
        (
            "[[[[[[[[[[ {{{{{{{{ 1234567890 ]]]]] ab",
            {},
            "x.txt: does not look like prose (only 6% letters); slant analyses news articles",
        ),
    ],
    ids=["empty", "short", "long", "control", "symbols"],
)
def test_check_text_refuses_unusable_text(text: str, changes: dict[str, int], message: str) -> None:
    with pytest.raises(InputError) as err:
        check_text(text, "x.txt", Settings().with_(**changes))
    assert str(err.value) == message
