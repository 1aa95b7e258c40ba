"""Tests of ``newsrecord.parse._language``: detection, determinism, threads, processes.

Every text below was written for these tests.
"""

from __future__ import annotations

import doctest
import json
import multiprocessing
import os
import subprocess
import sys
import threading
import unicodedata
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from langdetect.detector import Detector  # type: ignore[import-untyped, unused-ignore]
from langdetect.lang_detect_exception import (  # type: ignore[import-untyped, unused-ignore]
    LangDetectException,
)

from newsrecord._langtag import is_language_tag, normalize_language_tag
from newsrecord.parse import _langprofiles, _language
from newsrecord.parse._english import english_window, plainly_english
from newsrecord.parse._language import detect_language

EN = (
    "The city council voted on Tuesday evening to expand the public library's opening hours, "
    "after months of complaints from students and shift workers who said the building was "
    "always closed when they needed it. Under the new schedule, the main branch will stay open "
    "until ten at night on weekdays and will open on Sunday mornings for the first time in its "
    "history. The mayor said the extra hours would be paid for by savings in the transport "
    "budget, although several members of the opposition questioned whether those savings were "
    "real."
)
RU = (
    "Во вторник вечером городской совет проголосовал за продление часов работы публичной "
    "библиотеки. Решение было принято после нескольких месяцев жалоб от студентов и работников "
    "ночных смен, которые говорили, что здание всегда закрыто, когда оно им нужно. По новому "
    "расписанию главное отделение будет работать до десяти часов вечера в будние дни, а по "
    "воскресеньям впервые в своей истории откроется с утра."
)
DE = (
    "Der Stadtrat hat am Dienstagabend beschlossen, die Öffnungszeiten der öffentlichen "
    "Bibliothek deutlich zu verlängern. Zuvor hatten sich Studierende und Schichtarbeiter "
    "monatelang darüber beschwert, dass das Gebäude immer dann geschlossen sei, wenn sie es "
    "brauchten. Nach dem neuen Plan bleibt die Hauptstelle an Werktagen bis zehn Uhr abends "
    "geöffnet und öffnet zum ersten Mal in ihrer Geschichte auch am Sonntagvormittag."
)
FR = (
    "Le conseil municipal a voté mardi soir en faveur d'un allongement des horaires d'ouverture "
    "de la bibliothèque publique, après des mois de plaintes de la part d'étudiants et de "
    "travailleurs de nuit qui affirmaient que le bâtiment était toujours fermé au moment où ils "
    "en avaient besoin. Selon le nouveau calendrier, la bibliothèque centrale restera ouverte "
    "jusqu'à vingt-deux heures en semaine et ouvrira pour la première fois le dimanche matin."
)
ZH = (
    "市议会周二晚上投票决定延长公共图书馆的开放时间。此前几个月，许多学生和轮班工人抱怨说，"
    "每当他们需要使用图书馆时，大楼总是关着门。根据新的安排，中心馆在工作日将开放到晚上十点，"
    "并且将在历史上第一次于星期日上午开放。"
)
ES = (
    "El ayuntamiento aprobó el martes por la noche ampliar el horario de la biblioteca pública, "
    "después de varios meses de quejas de estudiantes y trabajadores por turnos que decían que "
    "el edificio siempre estaba cerrado cuando lo necesitaban."
)
JA = (
    "市議会は火曜日の夜、公共図書館の開館時間を延長することを決めた。学生や交代勤務の人たちから、"
    "必要なときにいつも閉まっているという苦情が何か月も続いていた。"
)
EN_MORE = (
    "Farmers in the northern valley began harvesting their apples two weeks earlier than usual "
    "this year, because a long and unusually warm spring pushed the trees to blossom before the "
    "last frost had passed. Some orchards lost almost half of their flowers in a single cold "
    "night, while others, sheltered by the hills, came through without any damage at all. "
    "The football club announced on Friday that its new stadium will not be ready for the start "
    "of the season, blaming delays in the delivery of steel for the roof and a shortage of "
    "skilled workers. Supporters who had already bought season tickets will be offered a "
    "partial refund or seats at the old ground."
)
# About 3 kB of English, with blank lines, a web and an e-mail address near the start.
EN_LONG = (
    "Library hours\n\nRead more at https://example.org/news/library-hours?id=12 or write to "
    "desk@example.org.\n\n" + "\n\n".join([EN, EN_MORE, EN, EN_MORE, EN])
)[:3000]

# Half English, half French (or Italian and Spanish): langdetect's own detect() answers
# one language or the other from run to run on these.
MIXED = [
    "Le maire a dit that the library would stay open jusqu'à dix heures, and the students "
    "were very contents de cette décision.",
    "Il sindaco ha detto que la biblioteca estará abierta hasta las diez, e gli studenti sono "
    "molto contenti con la decisión.",
]

LANGUAGE_TEXTS = {"en": EN, "ru": RU, "de": DE, "fr": FR, "zh-CN": ZH, "es": ES, "ja": JA}


@pytest.fixture(scope="module", autouse=True)
def _profiles_loaded() -> None:
    """Load langdetect's profiles once, outside any timed or deadline-bound test."""
    assert detect_language(EN) == "en"


# --- detection -------------------------------------------------------------------------


@pytest.mark.parametrize(("expected", "text"), LANGUAGE_TEXTS.items())
def test_detects_paragraphs(expected: str, text: str) -> None:
    assert detect_language(text) == expected


def test_detects_long_text_from_its_head() -> None:
    assert len(EN_LONG) == 3000
    sample = _language._sample(EN_LONG)
    assert len(sample) <= 400
    assert "example.org" not in sample
    assert "  " not in sample
    assert "\n" not in sample
    assert sample.split()[-1] in EN_LONG.split()  # cut at a word boundary
    assert detect_language(EN_LONG) == "en"


@pytest.mark.parametrize(("expected", "text"), [("en", EN), ("de", DE), ("ru", RU)])
def test_detects_text_in_capitals(expected: str, text: str) -> None:
    # langdetect alone skips words in capitals and guesses from their first letters.
    assert detect_language(text.upper()) == expected


def test_sample_without_spaces_is_cut_hard() -> None:
    assert _language._sample(ZH * 10) == (ZH * 10)[:400]


def test_decomposed_accents_count_as_letters() -> None:
    nfd = unicodedata.normalize("NFD", FR)
    assert nfd != FR
    assert _language._sample(nfd) == _language._sample(FR)
    assert detect_language(nfd) == "fr"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        "0123456789 2024-05-17 12:30 +44 20 7946 0000",
        "!!! ??? ... --- *** ((( ))) /// ,,,",
        "https://example.org/a/very/long/path/to/an/article/about/the/library/hours",
        "desk@example.org newsroom@example.org editors@example.org",
        # Headlines: langdetect is sure of a wrong language for several of these.
        "Film festival starts in Berlin",  # sv
        "Bank holds interest rates",  # da
        "Rail strike ends",  # da
        "Schools reopen after strike",
        "Council backs longer library hours",
        "市长辞职",
        "BANK HOLDS INTEREST RATES",
    ],
)
def test_too_little_to_tell_gives_none(text: str) -> None:
    assert detect_language(text) is None


@pytest.mark.parametrize("text", MIXED)
def test_undecided_mixture_gives_none(text: str) -> None:
    ranked = _language._ranked(_language._sample(text))
    assert len(ranked) == 2
    assert ranked[0][1] < 0.8
    assert detect_language(text) is None


def test_letter_threshold() -> None:
    assert _language._letter_weight("abc def, ghi!") == 9
    assert _language._letter_weight("市长辞职") == 8  # ideographs count twice
    assert _language._letter_weight("서울 시장") == 8  # and so do hangul syllables
    assert _language._letter_weight("12・34。") == 0
    enough = "The city council voted on Tuesday to keep the old library open"
    assert _language._letter_weight(enough) >= 40
    assert detect_language(enough) == "en"


def test_langdetect_tags_are_normalized(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_language, "_ranked", lambda sample: [("zh-tw", 0.99)])
    assert detect_language(DE) == "zh-TW"  # (English needs no langdetect)


# --- English without langdetect ---------------------------------------------------------

# Indonesian and Tagalog are written in Latin letters without accents.
ID = (
    "Dewan kota memutuskan pada hari Selasa malam untuk memperpanjang jam buka perpustakaan "
    "umum, setelah berbulan-bulan mahasiswa dan pekerja malam mengeluh bahwa gedung itu "
    "selalu tutup ketika mereka membutuhkannya. Menurut jadwal yang baru, the main branch "
    "akan tetap buka sampai jam sepuluh malam pada hari kerja."
)
# French without its accents, quoting English: two French function words leave it to
# langdetect.
FR_PLAIN = (
    "Le maire a dit que the library would stay open until ten, et les etudiants etaient "
    "tres contents de cette decision qui change la vie du quartier."
)
CORPUS_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "polnear"


@pytest.mark.parametrize("text", [EN, EN_MORE, EN_LONG])
def test_plain_english_needs_no_langdetect(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    sample = _language._sample(text)
    assert plainly_english(sample)
    assert _language._ranked(sample)[0][0] == "en"  # what langdetect would have said

    def fail(*args: object) -> None:
        raise AssertionError("langdetect was asked")

    monkeypatch.setattr(_language, "_ranked", fail)
    assert detect_language(text) == "en"


@pytest.mark.parametrize("text", [DE, FR, ES, RU, ZH, JA, ID, FR_PLAIN, *MIXED])
def test_other_text_goes_to_langdetect(text: str) -> None:
    assert not plainly_english(_language._sample(text))
    assert not plainly_english(english_window(text))


def test_a_text_that_opens_in_another_language_goes_to_langdetect() -> None:
    # English after a French opening: the longer stretch has the French words too
    text = FR_PLAIN + " " + EN_LONG
    assert not plainly_english(english_window(text))


def test_plain_english_agrees_with_langdetect_on_real_news() -> None:
    path = CORPUS_DIR / "dev.jsonl"
    if not path.is_file():
        pytest.skip("../shared/corpora/polnear is absent")
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
    samples = [_language._sample(text) for text in texts]
    plain = [sample for sample in samples if plainly_english(sample)]
    assert len(plain) >= len(samples) * 3 // 4  # most news is told without langdetect
    # ... and most of the rest by the longer stretch
    wider = [
        sample
        for text, sample in zip(texts, samples, strict=True)
        if not plainly_english(sample) and plainly_english(english_window(text))
    ]
    assert len(plain) + len(wider) >= len(samples) * 9 // 10
    for sample in plain + wider:
        best, probability = _language._ranked(sample)[0]
        assert (best, probability >= 0.80) == ("en", True)


# --- declared languages ----------------------------------------------------------------


def test_declared_language_bypasses_detection(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object) -> None:
        raise AssertionError("detection ran")

    monkeypatch.setattr(_language, "_ranked", fail)
    monkeypatch.setattr(_language, "_sample", fail)
    assert detect_language(EN, declared="ZH-cn") == "zh-CN"
    assert detect_language("", declared="en") == "en"
    assert detect_language(RU, declared="EN-gb") == "en-GB"


@pytest.mark.parametrize("declared", ["", "english", "en_US", "e", " en"])
def test_malformed_declared_language_raises(declared: str) -> None:
    with pytest.raises(ValueError, match="BCP 47"):
        detect_language(EN, declared=declared)


# --- the fast detector computes what langdetect computes ------------------------------


def _detector_state(detector_class: type, text: str) -> tuple[object, ...]:
    """Everything a detector computes for ``text``: its text, cleaned text, n-grams, result."""
    factory = _langprofiles.get_factory()
    detector = detector_class(factory)
    detector.n_trial = _language._TRIALS
    detector.set_max_text_length(len(text))
    detector.append(text)
    appended = detector.text
    try:
        result: object = [
            (language.lang, language.prob) for language in detector.get_probabilities()
        ]
    except LangDetectException as error:
        result = str(error)
    cleaned = detector_class(factory)
    cleaned.append(text)
    cleaned.cleaning_text()
    return appended, cleaned.text, cleaned._extract_ngrams(), result


_ODD_PIECES = [
    *"abcdeABCDE  \t\n.,'-’[_`",
    *["ş", "ș", "ț", "ア", "あ", "中", "한", "ی", "ё", "Ж", "ạ", "ế", "e\u0301", "A\u0300"],
    *["\u3000", "x@y.com", "http://a.b/c", "ǅ", "ß", "İ", "Ω", "WORD", "Word", " the "],
]


@pytest.mark.parametrize(
    "text",
    [
        *LANGUAGE_TEXTS.values(),
        *MIXED,
        EN_MORE,
        EN.upper(),
        f"{ZH} {EN[:60]}",  # more non-Latin than Latin: the Latin letters are dropped
        "see https://example.org/page and write to desk@example.org   today  ",
        "12 34 !!",  # no features at all
        "",
    ],
)
def test_fast_detector_computes_what_langdetect_computes(text: str) -> None:
    # Bit for bit: the probabilities are compared as floats, not approximately.
    assert _detector_state(_language._FastDetector, text) == _detector_state(Detector, text)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_ODD_PIECES), max_size=80).map("".join) | st.text(max_size=200))
def test_fast_detector_computes_what_langdetect_computes_on_any_text(text: str) -> None:
    assert _detector_state(_language._FastDetector, text) == _detector_state(Detector, text)


# --- determinism -----------------------------------------------------------------------


@pytest.mark.parametrize("text", [*MIXED, EN, ZH])
def test_same_answer_twenty_times(text: str) -> None:
    sample = _language._sample(text)
    first = (detect_language(text), _language._ranked(sample))
    for _ in range(19):
        assert (detect_language(text), _language._ranked(sample)) == first


_SUBPROCESS_SCRIPT = """
import json, sys
from newsrecord.parse import _langprofiles, _language
loaded_at_import = _langprofiles._factory is not None
texts = json.loads(sys.stdin.read())
answers = [
    [_language.detect_language(text), _language._ranked(_language._sample(text))]
    for text in texts
]
print(json.dumps({"loaded_at_import": loaded_at_import, "answers": answers}))
"""


def _run_in_subprocess(texts: list[str], hash_seed: str) -> object:
    package_root = str(Path(_language.__file__).resolve().parents[1])
    path = os.environ.get("PYTHONPATH")
    env = {
        **os.environ,
        "PYTHONHASHSEED": hash_seed,
        "PYTHONPATH": package_root + (os.pathsep + path if path else ""),
    }
    completed = subprocess.run(
        [sys.executable, "-c", _SUBPROCESS_SCRIPT],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    result: object = json.loads(completed.stdout)
    return result


def test_same_answer_across_processes() -> None:
    texts = [*MIXED, EN, ZH]
    with ThreadPoolExecutor(max_workers=2) as pool:  # both at once, to save time
        first, second = pool.map(_run_in_subprocess, [texts, texts], ["1", "4242"])
    here = [[detect_language(text), _language._ranked(_language._sample(text))] for text in texts]
    # Compared through JSON, so the floats must agree to the last digit.
    expected = json.loads(json.dumps({"loaded_at_import": False, "answers": here}))
    assert first == expected
    assert second == expected


# --- threads and processes -------------------------------------------------------------


def test_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    # Start from no factory so that the threads also race to load it: once only.
    loads: list[int] = []
    real_load = _langprofiles._load_factory

    def counting_load() -> _langprofiles.Factory:
        loads.append(1)
        return real_load()

    monkeypatch.setattr(_langprofiles, "_factory", None)
    monkeypatch.setattr(_langprofiles, "_load_factory", counting_load)
    items = list(LANGUAGE_TEXTS.items())
    barrier = threading.Barrier(8)
    errors: list[str] = []

    def work(offset: int) -> None:
        barrier.wait()
        for i in range(50):
            expected, text = items[(offset + i) % len(items)]
            answer = detect_language(text)
            if answer != expected:
                errors.append(f"{expected}: {answer}")

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    assert errors == []
    assert loads == [1]


def test_spawned_worker_processes() -> None:
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        answers = list(pool.map(detect_language, [EN, RU, "", MIXED[0]]))
    assert answers == ["en", "ru", None, None]


# --- property tests --------------------------------------------------------------------

_WORDS = [*f"{EN} {DE} {RU} {FR}".split(), "市长", "图书馆", "https://x.org", "@"]


def _check_total_and_deterministic(text: str) -> None:
    answer = detect_language(text)
    assert answer is None or (is_language_tag(answer) and normalize_language_tag(answer) == answer)
    assert detect_language(text) == answer


@given(st.text())
def test_never_raises_and_deterministic_on_any_text(text: str) -> None:
    _check_total_and_deterministic(text)


@given(st.text(st.characters(), min_size=40, max_size=600))
def test_never_raises_on_any_code_points(text: str) -> None:
    _check_total_and_deterministic(text)


@settings(max_examples=50)
@given(st.lists(st.sampled_from(_WORDS), max_size=120).map(" ".join))
def test_never_raises_on_word_salad(text: str) -> None:
    _check_total_and_deterministic(text)


def test_docstring_examples() -> None:
    failures, tried = doctest.testmod(_language)
    assert tried > 0
    assert failures == 0


def test_public_names() -> None:
    assert sorted(_language.__all__) == ["detect_language"]
