"""The Ukrainian/Russian reader end to end (issue 15), on short news items written for this test.

Every text below is invented in the style of regional military administrations, Suspilne,
Ukrainska Pravda, TASS or RIA, with real place names; none is copied from an article.  Each
goes through ``sitrep.runs.extraction.extract_articles`` (the library path of ``sitrep extract``),
one through the CLI itself.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.config import Settings, load_settings
from sitrep.lang import detect_language
from sitrep.model import Article, Incident
from sitrep.runs.extraction import ExtractResult, extract_articles

# The day every item is published unless it says otherwise: a Monday.
PUBLISHED = dt.date(2024, 5, 6)


@pytest.fixture(scope="module")
def settings() -> Settings:
    return load_settings()


def _run(
    settings: Settings, text: str, published: dt.date | None = PUBLISHED, article_id: str = "a"
) -> ExtractResult:
    article = Article(id=article_id, source=f"{article_id}.txt", published=published, text=text)
    return extract_articles([article], settings)


def _only(settings: Settings, text: str, published: dt.date | None = PUBLISHED) -> Incident:
    """The one incident the text reports (the test fails when it gives none or several)."""
    incidents = _run(settings, text, published).corpus.incidents
    assert len(incidents) == 1, [(i.place and i.place.name, i.killed, i.injured) for i in incidents]
    return incidents[0]


def _value(number: object) -> int | None:
    return getattr(number, "value", None)


# --- language ---------------------------------------------------------------------------------

UK_ITEM = (
    "Вранці росіяни вдарили дронами по Сумах. Пошкоджено житловий будинок і автомобілі, "
    "повідомили в Сумській ОВА."
)
RU_ITEM = (
    "Утром ВСУ атаковали беспилотниками Белгород, выбиты окна в жилых домах, сообщил "
    "губернатор Вячеслав Гладков."
)
EN_ITEM = "Russian drones struck Sumy on Monday morning, damaging a residential building."
MIXED_ITEM = (
    "Russian troops shelled Kherson on Sunday, killing two people, the regional governor said. "
    "\u201cЗагинули двоє людей\u201d, he wrote on Telegram."
)


@pytest.mark.parametrize(
    ("text", "code"),
    [(UK_ITEM, "uk"), (RU_ITEM, "ru"), (EN_ITEM, "en"), (MIXED_ITEM, "en")],
    ids=["uk", "ru", "en", "en-with-cyrillic-quote"],
)
def test_language_is_detected_per_article(settings: Settings, text: str, code: str) -> None:
    assert detect_language(text) == code
    doc = _run(settings, text).docs[0]
    assert doc.language == code


def test_english_with_a_cyrillic_quote_is_read_by_the_english_reader(settings: Settings) -> None:
    doc = _run(settings, MIXED_ITEM).docs[0]
    assert [(r.place and r.place.name, _value(r.killed)) for r in doc.reports] == [("Kherson", 2)]
    assert {r.extractor for r in doc.reports} != {"cyrillic.v1"}


# --- places -----------------------------------------------------------------------------------

PLACES = [
    # (text, the sentence the place is in, the form in the text, English name, precision)
    (
        "У Харкові внаслідок удару керованою авіабомбою поранено шестеро людей.",
        "У Харкові внаслідок удару керованою авіабомбою поранено шестеро людей.",
        "Харкові",
        "Kharkiv",
        "settlement",
    ),
    (
        "Ночью ВСУ атаковали город беспилотниками. В Запорожье в результате удара пострадали "
        "четыре человека, выбиты окна в жилых домах.",
        "В Запорожье в результате удара пострадали четыре человека, выбиты окна в жилых домах.",
        "Запорожье",
        "Zaporizhzhia",
        "settlement",
    ),
    (
        "На Харківщині через ворожі обстріли поранено двох цивільних.",
        "На Харківщині через ворожі обстріли поранено двох цивільних.",
        "Харківщині",
        "Kharkiv Oblast",
        "oblast",
    ),
    (
        "Росіяни атакували дроном приватний будинок. У Малокатеринівці загинула жінка.",
        "У Малокатеринівці загинула жінка.",
        "Малокатеринівці",
        "Malokaterynivka",
        "settlement",
    ),
    (
        "Ворог завдав ракетного удару по промисловому підприємству. У Кривому Розі загинули "
        "двоє людей.",
        "У Кривому Розі загинули двоє людей.",
        "Кривому Розі",
        "Kryvyi Rih",
        "settlement",
    ),
    (
        "В Белгороде в результате обстрела со стороны ВСУ ранены три мирных жителя.",
        "В Белгороде в результате обстрела со стороны ВСУ ранены три мирных жителя.",
        "Белгороде",
        "Belgorod",
        "settlement",
    ),
    (
        "У Нікопольському районі внаслідок артилерійського обстрілу поранено жінку.",
        "У Нікопольському районі внаслідок артилерійського обстрілу поранено жінку.",
        "Нікопольськ",
        "Nikopol Raion",
        "raion",
    ),
]


@pytest.mark.parametrize(
    ("text", "sentence", "form", "name", "precision"),
    PLACES,
    ids=[
        "u-Kharkovi",
        "v-Zaporozhye",
        "na-Kharkivshchyni",
        "u-Malokaterynivtsi",
        "Kryvomu-Rozi",
        "v-Belgorode",
        "Nikopolskomu-raioni",
    ],
)
def test_an_inflected_place_gives_the_english_name_and_the_cyrillic_sentence(
    settings: Settings, text: str, sentence: str, form: str, name: str, precision: str
) -> None:
    result = _run(settings, text)
    doc = result.docs[0]
    incidents = result.corpus.incidents
    assert [(i.place and i.place.name, i.place and i.place.precision) for i in incidents] == [
        (name, precision)
    ]
    # the form the text uses is kept beside the English name
    assert any(m.place.name == name and m.surface.startswith(form) for m in doc.places)
    # the evidence points into the original Cyrillic text, at the sentence that names the place
    counted = [r for r in incidents[0].reports if r.killed or r.injured]
    assert counted, "the count sentence made no report"
    evidence = [e for r in counted for e in r.evidence]
    assert all(text[e.start : e.end] == e.text for e in evidence)
    assert sentence in [text[e.start : e.end] for e in evidence]


def test_evidence_keeps_the_original_quotes_and_apostrophes(settings: Settings) -> None:
    text = (
        "Вранці 5 травня росіяни вдарили по Запоріжжю ракетами.\n\n"
        "\u00abЗагинули п\u2019ятеро людей, ще двоє \u2013 поранені\u00bb, \u2013 повідомили "
        "\u00abСуспільному\u00bb в ДСНС."
    )
    incident = _only(settings, text)
    assert (_value(incident.killed), _value(incident.injured)) == (5, 2)
    spans = {text[e.start : e.end] for r in incident.reports for e in r.evidence}
    assert (
        "\u00abЗагинули п\u2019ятеро людей, ще двоє \u2013 поранені\u00bb, \u2013 повідомили "
        "\u00abСуспільному\u00bb в ДСНС."
    ) in spans
    assert all(text[e.start : e.end] == e.text for r in incident.reports for e in r.evidence)


# --- counts -----------------------------------------------------------------------------------

COUNTS = [
    # (text, killed (value, qualifier), injured (value, qualifier))
    (
        "Внаслідок обстрілу Херсона загинули 3 людини, ще 11 отримали поранення.",
        (3, "exact"),
        (11, "exact"),
    ),
    ("У Сумах через атаку дронів загинули двоє людей.", (2, "exact"), None),
    (
        "У ніч на неділю росіяни атакували Одесу ударними дронами, поранено трьох людей.",
        None,
        (3, "exact"),
    ),
    ("У Нікополі троє людей дістали поранення внаслідок обстрілу.", None, (3, "exact")),
    (
        "В результате обстрела Донецка со стороны ВСУ погибли пятеро мирных жителей.",
        (5, "exact"),
        None,
    ),
    ("Внаслідок ворожого обстрілу Нікополя загинули п'ятеро людей.", (5, "exact"), None),
    ("Внаслідок ворожого обстрілу Нікополя загинули п\u2019ятеро людей.", (5, "exact"), None),
    (
        "На Донеччині через обстріли загинули щонайменше семеро цивільних.",
        (7, "at_least"),
        None,
    ),
    (
        "В результате атаки беспилотников на Курск пострадали не менее 12 мирных жителей.",
        None,
        (12, "at_least"),
    ),
    (
        "Внаслідок ракетного удару по Запоріжжю загинули чоловік і жінка, повідомили в ДСНС.",
        (2, "exact"),
        None,
    ),
    (
        "В Белгороде погибли мужчина и женщина, еще трое мирных жителей ранены.",
        (2, "exact"),
        (3, "exact"),
    ),
    ("У Малокатеринівці внаслідок удару КАБ загинула 76-річна жінка.", (1, "exact"), None),
    ("У Кривому Розі внаслідок атаки дрона поранено 76-річну жінку.", None, (1, "exact")),
    (
        "Росіяни атакували Суми дронами, поранено шестеро людей, серед них двоє дітей.",
        None,
        (6, "exact"),
    ),
    (
        "На Харківщині через обстріли загинули щонайменше п'ятеро людей, серед них двоє дітей.",
        (5, "at_least"),
        None,
    ),
]


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    COUNTS,
    ids=[
        "digits",
        "dvoie",
        "trokh",
        "troie",
        "ru-pyatero",
        "piatero",
        "piatero-typographic",
        "shchonaimenshe",
        "ru-ne-menee",
        "man-and-woman",
        "ru-man-and-woman",
        "age-killed",
        "age-injured",
        "sered-nykh-injured",
        "sered-nykh-killed",
    ],
)
def test_counts(
    settings: Settings,
    text: str,
    killed: tuple[int, str] | None,
    injured: tuple[int, str] | None,
) -> None:
    incident = _only(settings, text)

    def stated(number: object) -> tuple[int, str] | None:
        return None if number is None else (number.value, number.qualifier)  # type: ignore[attr-defined]

    assert (stated(incident.killed), stated(incident.injured)) == (killed, injured)


# --- dates ------------------------------------------------------------------------------------

DATES = [
    # (text, published, the incident's date)
    (
        "5 травня російські війська обстріляли Нікополь, загинули троє людей.",
        PUBLISHED,
        "2024-05-05",
    ),
    (
        "5 мая ВСУ обстреляли Донецк, погибли пятеро мирных жителей.",
        PUBLISHED,
        "2024-05-05",
    ),
    (
        "У ніч на 5 травня ворог атакував Запоріжжя ударними дронами, поранено трьох людей.",
        PUBLISHED,
        "2024-05-04",
    ),
    (
        "В ночь на 5 мая беспилотники ВСУ атаковали Белгород, ранены трое мирных жителей.",
        PUBLISHED,
        "2024-05-04",
    ),
    ("Вчора ворог обстріляв Херсон з артилерії, загинула жінка.", PUBLISHED, "2024-05-05"),
    (
        "Вчера ВСУ обстреляли Белгород из РСЗО, погибла женщина, выбиты окна.",
        PUBLISHED,
        "2024-05-05",
    ),
    (
        "30 грудня російська ракета влучила в житловий будинок у Дніпрі. Загинули четверо людей.",
        dt.date(2025, 1, 2),
        "2024-12-30",
    ),
]


@pytest.mark.parametrize(
    ("text", "published", "date"),
    DATES,
    ids=["5-travnia", "5-maia", "u-nich-na", "v-noch-na", "vchora", "vchera", "across-new-year"],
)
def test_dates(settings: Settings, text: str, published: dt.date, date: str) -> None:
    incident = _only(settings, text, published)
    assert incident.date is not None and incident.date.isoformat() == date


# --- claimants --------------------------------------------------------------------------------

CLAIMANTS = [
    (
        "Сьогодні вранці окупанти вдарили по Харкову керованими авіабомбами. У Харкові загинули "
        "двоє людей, ще 14 отримали поранення. Про це повідомив голова Харківської ОВА Олег "
        "Синєгубов.",
        "Oleh Syniehubov",
    ),
    (
        "Внаслідок ракетного удару по Запоріжжю загинули чоловік і жінка, повідомили в ДСНС.",
        "State Emergency Service",
    ),
    (
        "По данным Минобороны РФ, в результате обстрела Горловки со стороны ВСУ погибли трое "
        "мирных жителей.",
        "Russian Ministry of Defence",
    ),
    (  # a regional body takes its oblast's name
        "Вранці окупанти обстріляли Берислав з артилерії, поранено двох людей. Про це повідомила "
        "Херсонська обласна прокуратура.",
        "Kherson Oblast Prosecutor's Office",
    ),
    (  # an official of Ukraine named in Russian in his own name's forms, after a dative title
        "Утром российские войска нанесли ракетный удар по Краматорску, погибли трое. Об этом "
        "сообщил начальник Донецкой областной военной администрации Павла Кириленко.",
        "Pavlo Kirilenko",  # the surname romanised as the Russian text spells it
    ),
    (
        "Вночі росіяни атакували Одесу дронами, поранено чотирьох людей. Станом на ранок "
        "очільнику Одеської ОВА Олегу Кіперу було відомо про чотирьох поранених.",
        "Oleh Kiper",
    ),
    (  # two names after the office are a person even with a given name misspelt, not a village
        "Вночі окупанти вдарили ракетою по Миколаєву, поранено трьох людей. Про це розповів "
        "голова Миколаївської ОВА Віалій Кім.",
        "Vialii Kim",
    ),
    (  # a body written with a capital after the speech verb is no person
        "Уночі росіяни атакували дроном Нікополь, загинула жінка. Про це повідомила Поліція "
        "Дніпропетровської області.",
        "Dnipropetrovsk Oblast Police",
    ),
    (  # a surname alone after "за словами"
        "За словами Григорова, вдень у Шалигинській громаді дрон поцілив по мирних жителях, "
        "поранено жінку.",
        "Hryhorov",
    ),
]


@pytest.mark.parametrize(
    ("text", "name"),
    CLAIMANTS,
    ids=[
        "holova-OVA",
        "DSNS",
        "Minoborony-RF",
        "oblast-body",
        "uk-name-in-ru",
        "dative-title",
        "misspelt-given-name",
        "capitalised-body",
        "surname-after-words-of",
    ],
)
def test_claimants(settings: Settings, text: str, name: str) -> None:
    incident = _only(settings, text)
    assert {r.claimant.name for r in incident.reports if r.claimant} == {name}


def test_the_named_official_is_the_claimant_and_the_city_the_place(settings: Settings) -> None:
    text = CLAIMANTS[0][0]
    incident = _only(settings, text)
    assert (incident.place and incident.place.name, _value(incident.killed)) == ("Kharkiv", 2)
    assert _value(incident.injured) == 14
    assert incident.date is not None and incident.date.isoformat() == "2024-05-06"


# --- no incident ------------------------------------------------------------------------------

NO_INCIDENT = [
    # (language, text)
    ("uk", "Повітряна тривога в Києві та області. Прямуйте до укриттів!"),
    ("uk", "У Харківській області оголошено повітряну тривогу. Просимо всіх пройти в укриття."),
    (
        "ru",
        "В Белгородской области объявлена воздушная тревога. Жителей просят оставаться в укрытиях.",
    ),
    (
        "uk",
        "З початку повномасштабного вторгнення в Харківській області загинули 2500 цивільних людей.",
    ),
    ("uk", "З 24 лютого 2022 року на Донеччині загинули понад 1800 цивільних, повідомили в ОВА."),
    (
        "ru",
        "С начала специальной военной операции в Белгородской области погибли более 200 мирных "
        "жителей, сообщил губернатор.",
    ),
    ("uk", "Президент заявив, що Україна продовжить боротьбу за свою незалежність."),
    (
        "ru",
        "Песков заявил, что Россия открыта к переговорам, а все вопросы будут решены "
        "дипломатическим путём.",
    ),
]


@pytest.mark.parametrize(
    ("code", "text"),
    NO_INCIDENT,
    ids=[
        "uk-alert",
        "uk-alert-oblast",
        "ru-alert",
        "uk-since-invasion",
        "uk-since-2022",
        "ru-since-svo",
        "uk-statement",
        "ru-statement",
    ],
)
def test_no_incident(settings: Settings, code: str, text: str) -> None:
    result = _run(settings, text)
    assert result.docs[0].language == code
    assert result.docs[0].reports == ()
    assert result.corpus.incidents == ()


# --- across languages and the CLI -------------------------------------------------------------


def test_a_ukrainian_and_an_english_report_of_one_strike_are_one_incident(
    settings: Settings,
) -> None:
    uk = Article(
        id="uk",
        source="uk.txt",
        published=PUBLISHED,
        text="5 травня російська ракета влучила в Дніпро. Загинули троє людей, ще 12 поранені.",
    )
    en = Article(
        id="en",
        source="en.txt",
        published=PUBLISHED,
        text="A Russian missile struck Dnipro on May 5, killing three people and injuring 12, "
        "the regional governor said.",
    )
    incidents = extract_articles([uk, en], settings).corpus.incidents
    assert [
        (
            i.date and i.date.isoformat(),
            i.place and i.place.name,
            _value(i.killed),
            _value(i.injured),
            {r.article_id for r in i.reports},
        )
        for i in incidents
    ] == [("2024-05-05", "Dnipro", 3, 12, {"uk", "en"})]


def test_sitrep_extract_cli_reads_a_russian_record() -> None:
    text = (
        "В ночь на 5 мая ВСУ атаковали Белгород беспилотниками. В Белгороде погибли двое мирных "
        "жителей, еще пятеро ранены, сообщил губернатор Белгородской области Вячеслав Гладков."
    )
    line = json.dumps({"id": "tass-1", "text": text, "published": "2024-05-06"}, ensure_ascii=False)
    result = CliRunner().invoke(app, ["extract", "--jsonl", "-"], input=line + "\n")
    assert result.exit_code == 0, result.output
    records = [json.loads(row) for row in result.stdout.splitlines() if row.strip()]
    incidents = records[0]["incidents"]
    assert [
        (i["date"], i["place"]["name"], i["killed"]["value"], i["injured"]["value"])
        for i in incidents
    ] == [("2024-05-04", "Belgorod", 2, 5)]
    assert incidents[0]["claimant"]["name"] == "Viacheslav Gladkov"
    spans = [(e["start"], e["end"], e["text"]) for e in incidents[0]["evidence"]]
    assert all(text[start:end] == said for start, end, said in spans)
    assert (
        "В Белгороде погибли двое мирных жителей, еще пятеро ранены, сообщил губернатор "
        "Белгородской области Вячеслав Гладков."
    ) in [said for _, _, said in spans]


# --- cases the first reader got wrong (found by writing the tests above) ----------------------


def test_the_oblast_of_a_speakers_office_is_not_the_event_place(settings: Settings) -> None:
    text = (
        "Вранці 5 травня російські війська обстріляли Харків. Загинули двоє людей, ще трьох "
        "поранено, повідомив голова Харківської ОВА Олег Синєгубов."
    )
    incident = _only(settings, text)
    assert incident.place is not None and incident.place.name == "Kharkiv"
    assert (_value(incident.killed), _value(incident.injured)) == (2, 3)
    assert incident.date is not None and (incident.date.month, incident.date.day) == (5, 5)


def test_russian_without_letters_only_russian_has_is_russian(settings: Settings) -> None:
    text = "В Донецке в результате обстрела погибла 76-летняя женщина."
    assert detect_language(text) == "ru"
    incident = _only(settings, text)
    assert incident.place is not None and incident.place.name == "Donetsk"
    assert _value(incident.killed) == 1


def test_victims_with_their_ages_are_added_up(settings: Settings) -> None:
    text = "Внаслідок обстрілу Херсона загинули 58-річний чоловік і 62-річна жінка."
    assert _value(_only(settings, text).killed) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Вчора ввечері росіяни обстріляли Херсон, загинула жінка.",
        "Вчера вечером ВСУ обстреляли Белгород, погибла женщина.",
    ],
    ids=["uk", "ru"],
)
def test_yesterday_evening_is_yesterday(settings: Settings, text: str) -> None:
    incident = _only(settings, text)
    assert incident.date is not None and (incident.date.month, incident.date.day) == (5, 5)


@pytest.mark.parametrize(
    "text",
    [
        "На Харківщині оголошено ракетну небезпеку. Перебувайте в укриттях.",
        "В Курской области объявлена угроза атаки БПЛА.",
    ],
    ids=["uk", "ru"],
)
def test_a_warning_is_no_incident(settings: Settings, text: str) -> None:
    assert _run(settings, text).corpus.incidents == ()


def test_the_defence_ministry_is_no_landmine(settings: Settings) -> None:
    text = "В Запорожье в результате обстрела погибли три человека, сообщили в Минобороны."
    incident = _only(settings, text)
    assert incident.sub_event_type != "remote_explosive_landmine_ied"


def test_a_city_head_is_a_mayor(settings: Settings) -> None:
    text = "В результате обстрела Горловки погибли двое детей и мужчина, сообщил глава города Иван Приходько."
    incident = _only(settings, text)
    assert _value(incident.killed) == 3
    claimant = incident.reports[0].claimant
    assert claimant is not None and claimant.role == "mayor"


def test_a_subset_does_not_hide_the_next_count(settings: Settings) -> None:
    text = (
        "Зранку 5 травня росіяни завдали ракетного удару по Сумах. Відомо про 12 загиблих, "
        "з них двоє дітей, постраждали 40 людей, з яких п'ятеро дітей."
    )
    incident = _only(settings, text)
    assert (_value(incident.killed), _value(incident.injured)) == (12, 40)


def test_a_victim_named_before_the_injury_is_one(settings: Settings) -> None:
    text = "Внаслідок обстрілу Нікополя 5 травня 47-річний водій автомобіля отримав поранення."
    assert _value(_only(settings, text).injured) == 1


def test_medical_help_counts_the_injured(settings: Settings) -> None:
    text = "При обстреле Шебекино погиб один человек, еще двоим оказывают медицинскую помощь."
    incident = _only(settings, text)
    assert (_value(incident.killed), _value(incident.injured)) == (1, 2)


def test_an_article_that_leads_with_a_total_since_the_invasion_reports_no_incident(
    settings: Settings,
) -> None:
    text = (
        "Від початку вторгнення РФ загинули 520 дітей\n\n"
        "Від початку повномасштабного вторгнення в Україні загинули 520 дітей, повідомили в "
        "Офісі генпрокурора. Найбільше дітей постраждало на Донеччині – 120 загиблих і 300 поранених."
    )
    assert _run(settings, text).corpus.incidents == ()


def test_a_count_right_before_its_casualty_word_is_its_own(settings: Settings) -> None:
    text = "Росіяни 5 травня обстріляли Одесу: відомо про 14 загиблих і 46 поранених."
    incident = _only(settings, text)
    assert (_value(incident.killed), _value(incident.injured)) == (14, 46)


def test_the_record_gives_the_english_name_and_the_form_the_text_used(settings: Settings) -> None:
    text = "5 травня російські війська вдарили дроном по Малокатеринівці, загинула жінка."
    record = json.loads(
        CliRunner()
        .invoke(
            app,
            ["extract", "--jsonl", "-"],
            input=json.dumps({"id": "x", "text": text, "published": "2024-05-06"}) + "\n",
        )
        .stdout.splitlines()[0]
    )
    place = record["incidents"][0]["place"]
    assert (place["name"], place["text"]) == ("Malokaterynivka", "Малокатеринівці")


def test_an_oblast_wide_lead_gives_way_to_the_hromada_it_names(settings: Settings) -> None:
    text = (
        "Двоє цивільних постраждали через атаку дронів у Сумській області\n\n"
        "У Великописарівській громаді 5 травня внаслідок атаки дрона постраждали двоє місцевих жителів."
    )
    incident = _only(settings, text)
    assert incident.place is not None and incident.place.name == "Velyka Pysarivka"
    assert _value(incident.injured) == 2


def test_a_hromada_named_in_russian_is_found_by_its_consonants(settings: Settings) -> None:
    # Russian writes the Ukrainian hromada's vowels its own way: Белопольская is Bilopilska.
    text = (
        "Утром российские военные сбросили взрывчатку с дрона на село. "
        "Пострадал 47-летний житель Белопольской общины, сообщили в Сумской ОВА."
    )
    incident = _only(settings, text)
    assert incident.place is not None and incident.place.name == "Bilopillia"
    assert _value(incident.injured) == 1


def test_a_round_up_of_oblasts_is_no_incident_and_lends_no_place(settings: Settings) -> None:
    # Each adjective of the list is an oblast (not the city Donetsk), the toll is the three
    # oblasts' together, and the first incident is the village the details name.
    text = (
        "Протягом 5 травня російські війська атакували Донецьку, Запорізьку та Харківську "
        "області. Унаслідок обстрілів загинули четверо людей, ще шестеро дістали поранення.\n\n"
        "Вранці 6 травня росіяни атакували Степногірську громаду дроном. Поранення дістав "
        "68-річний чоловік."
    )
    incidents = _run(settings, text).corpus.incidents
    places = [i.place.name for i in incidents if i.place is not None]
    assert "Donetsk" not in places and places[0] == "Stepnohirsk", places
    assert not any(_value(i.killed) == 4 for i in incidents)
    assert _value(incidents[0].injured) == 1


def test_a_raion_wide_report_takes_no_town_of_another_raion(settings: Settings) -> None:
    # Stepnohirsk lies in Vasylivka Raion: the Polohy Raion injuries are their own incident.
    text = (
        "Вранці росіяни атакували Степногірську громаду дроном, поранено чоловіка. "
        "Унаслідок атаки на Пологівський район поранення отримали четверо жінок."
    )
    incidents = _run(settings, text).corpus.incidents
    by_place = {i.place.name: _value(i.injured) for i in incidents if i.place is not None}
    assert by_place.get("Stepnohirsk") == 1, by_place
    assert by_place.get("Polohy Raion") == 4, by_place


def test_an_oblast_wide_toll_tells_of_the_one_town_named_after_it(settings: Settings) -> None:
    text = (
        "4 мая в результате обстрелов погибли три мирных жителя Донецкой области. "
        "Все погибшие проживали в Красногоровке."
    )
    incident = _only(settings, text)
    assert incident.place is not None and incident.place.name == "Krasnohorivka"
    assert _value(incident.killed) == 3
    assert incident.date is not None and (incident.date.month, incident.date.day) == (5, 4)


# --- Russia's border districts -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "district"),
    [
        (
            # a village no table lists, with a Ukrainian namesake: its district stands for it
            "ВСУ обстреляли село Зеленое Погарского района Брянской области. Ранен мирный "
            "житель, сообщил губернатор Александр Богомаз.",
            "Pogar District",
        ),
        (
            # the oblast-wide headline gives way to the district the body names
            "Беспилотник ВСУ атаковал автомобиль в Брянской области\n\nУдар FPV-дрона "
            "пришелся по машине в Климовском районе. Ранены мужчина и женщина, сообщил "
            "губернатор Александр Богомаз.",
            "Klimovo District",
        ),
        (
            # a municipal okrug is a district, the qualifier between is read past
            "В Шебекинском городском округе в результате атаки дрона погиб мирный житель, "
            "сообщил губернатор Вячеслав Гладков.",
            "Shebekino District",
        ),
    ],
)
def test_a_russian_village_is_placed_by_its_district(
    settings: Settings, text: str, district: str
) -> None:
    incident = _run(settings, text).corpus.incidents[0]
    assert incident.place is not None
    assert (incident.place.name, incident.place.precision) == (district, "raion")
    assert incident.place.admin1 is not None and incident.place.admin1.endswith("Oblast")


def test_a_russian_oblast_is_an_oblast_not_its_capital(settings: Settings) -> None:
    incident = _only(
        settings,
        "В Курской области в результате атаки беспилотника пострадал мирный житель, "
        "сообщил губернатор.",
    )
    assert incident.place is not None
    assert (incident.place.name, incident.place.precision) == ("Kursk Oblast", "oblast")


# --- counts: lists, relative clauses, dates, tolls told in the next sentence --------------------


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        (
            # a comma list of aged victims and "а також" adds up
            "Ворожий дрон атакував центр Конотопа. За допомогою до медиків звернулися 54-річна "
            "жінка, 61-річний чоловік, а також двоє дітей, повідомили в Сумській ОВА.",
            None,
            4,
        ),
        (
            # an aged victim after a comma who starts a clause of his own is not listed
            "Внаслідок удару по Куп'янську загинула 70-річна жінка, 45-річний чоловік отримав "
            "поранення, повідомив Олег Синєгубов.",
            1,
            1,
        ),
        (
            # a day of the month is no count; the relative clause tells of the resident
            "До лікарні звернувся житель Берислава, який постраждав через атаку дрона "
            "14 жовтня, повідомляє Херсонська ОВА.",
            None,
            1,
        ),
        (
            # two victims before the verb
            "Утром дрон ВСУ атаковал автомобиль в Шебекине. Мужчина и женщина скончались на "
            "месте, сообщил губернатор Вячеслав Гладков.",
            2,
            None,
        ),
        (
            # "died of wounds" counts the dead, not the injured
            "Вечером ВСУ обстреляли Горловку. От полученных ранений мужчина и женщина "
            "скончались в больнице, сообщил Денис Пушилин.",
            2,
            None,
        ),
        (
            # the toll rose, and the next sentence gives the number
            "Днем российские войска нанесли удар по Запорожью. Позже Иван Федоров сообщил, "
            "что в результате удара по Запорожью возросло количество пострадавших. Сейчас "
            "медики сообщают о 9 человек.",
            None,
            9,
        ),
        (
            # two ages before one plural noun are two victims; one of them died later
            "Росіяни ударили дроном по Степногірську. Поранені 41-річний та 67-річний "
            "чоловіки. Згодом голова ОВА Іван Федоров уточнив, що один із чоловіків помер "
            "від отриманих травм.",
            1,
            1,
        ),
        (
            # the injured counted in one sentence died: they are the dead
            "Вранці росіяни вдарили ракетою по Кременчуку. Трьох постраждалих не вдалося "
            "врятувати, повідомив голова ОВА Володимир Когут.",
            3,
            None,
        ),
        (
            # a death in hospital of one of the wounded counted after it
            "В больнице скончался 51-летний мужчина, раненный при атаке дрона ВСУ на Курск. "
            "Ранее губернатор сообщал, что пятеро мирных жителей ранены в результате атаки "
            "на Курск.",
            1,
            4,
        ),
        (
            # a total shared out among towns after a colon: the first town's part is its toll
            "За 20 березня росіяни вбили 4 мирних мешканців Донеччини: 3 у Покровську і 1 у "
            "Костянтинівці, повідомив голова ОВА Вадим Філашкін.",
            3,
            None,
        ),
    ],
)
def test_victims_counted_as_written(
    settings: Settings, text: str, killed: int | None, injured: int | None
) -> None:
    incident = _run(settings, text).corpus.incidents[0]
    assert (_value(incident.killed), _value(incident.injured)) == (killed, injured)


def test_a_village_a_designator_announces_is_no_fragment(settings: Settings) -> None:
    """ "в селе Ясные Зори": the unknown village's second word is not the village Zoria."""
    doc = _run(
        settings,
        "Дрон атаковал предприятие в селе Тихие Зори Белгородской области, погиб мужчина, "
        "сообщил губернатор Вячеслав Гладков.",
    ).docs[0]
    assert "Zoria" not in {m.place.name for m in doc.places}


def test_a_total_shared_out_among_towns_gives_each_its_part(settings: Settings) -> None:
    result = _run(
        settings,
        "За 20 березня росіяни вбили 4 мирних мешканців Донеччини: 3 у Покровську і 1 у "
        "Костянтинівці, повідомив голова ОВА Вадим Філашкін.",
    )
    tolls = {i.place.name: _value(i.killed) for i in result.corpus.incidents if i.place}
    assert tolls == {"Pokrovsk": 3, "Kostiantynivka": 1}


def test_a_sentence_moving_from_town_to_town_gives_each_its_toll(settings: Settings) -> None:
    result = _run(
        settings,
        "В Дружковке российские военные убили 70-летнюю женщину, еще один человек ранен, а в "
        "Краматорске - трое погибших и 12 раненых, сообщил Вадим Филашкин.",
    )
    tolls = {
        i.place.name: (_value(i.killed), _value(i.injured))
        for i in result.corpus.incidents
        if i.place
    }
    assert tolls == {"Druzhkivka": (1, 1), "Kramatorsk": (3, 12)}


def test_two_counts_each_with_its_own_casualty_word(settings: Settings) -> None:
    incident = _only(
        settings,
        "Щонайменше три людини загинули й 27 поранені внаслідок російського удару по "
        "Слов'янську, повідомив Вадим Філашкін.",
    )
    assert (_value(incident.killed), _value(incident.injured)) == (3, 27)


@pytest.mark.parametrize(
    "text",
    [
        "Второй Западный окружной военный суд признал виновными в теракте двух командиров "
        "ВСУ: их приговорили к пожизненному лишению свободы за удар по Курску, в котором "
        "погибли трое мирных жителей.",
        "Суд визнав винним російського військового в обстрілі Херсона, внаслідок якого "
        "загинули двоє людей, і засудив його до 15 років позбавлення волі.",
        "В Белгороде запущена сирена ракетной опасности. Все жители должны спуститься в "
        "укрытие, написал губернатор Вячеслав Гладков.",
    ],
)
def test_verdicts_and_sirens_are_no_new_incident(settings: Settings, text: str) -> None:
    assert _run(settings, text).corpus.incidents == ()


def test_the_speaker_named_after_a_speech_verb_is_no_village(settings: Settings) -> None:
    doc = _run(
        settings,
        "«В районе хутора Масычево Грайворонского округа в результате атаки дрона погиб "
        "водитель», — написал в телеграм-канале Гладков.",
    ).docs[0]
    assert {m.place.name for m in doc.places} == {"Graivoron District"}


def test_a_dated_strike_called_the_largest_of_the_war_is_an_incident(settings: Settings) -> None:
    incident = _only(
        settings,
        "Росія завдала масованого удару по Рівному в ніч на 12 березня. Це була найбільша "
        "атака за весь час повномасштабної війни.\n\nВнаслідок атаки загинули троє людей, "
        "повідомив голова ОВА.",
        dt.date(2025, 3, 12),
    )
    assert incident.place is not None and incident.place.name == "Rivne"
    assert _value(incident.killed) == 3


def test_a_guided_bomb_by_its_type_is_a_strike(settings: Settings) -> None:
    incident = _only(settings, "Вранці окупанти скинули на Слов'янськ дві ФАБ-500.")
    assert incident.sub_event_type == "air_drone_strike"


def test_a_strike_during_an_alert_is_an_incident_and_an_alert_alone_is_not(
    settings: Settings,
) -> None:
    strike = "Під час повітряної тривоги в ніч на 5 травня російська армія атакувала Одесу дронами."
    incident = _only(settings, strike)
    assert incident.place is not None and incident.place.name == "Odesa"
    assert incident.date is not None and (incident.date.month, incident.date.day) == (5, 4)
    alert = "У Києві та області оголошено повітряну тривогу через загрозу ракетного удару."
    assert _run(settings, alert).corpus.incidents == ()


def test_an_unknown_village_of_a_russian_district_is_placed_at_its_district(
    settings: Settings,
) -> None:
    # "Новая" alone begins the unknown name and is no village Nova of Chernihiv Oblast; the
    # district after the unknown village is still read.
    for text, district in (
        (
            "В селе Новая Таволжанка Шебекинского округа от удара дрона пострадали двое.",
            "Shebekino District",
        ),
        (
            "В результате обстрела в селе Кульбаки Глушковского района Курской области погибла "
            "женщина.",
            "Glushkovo District",
        ),
    ):
        incident = _only(settings, text)
        assert incident.place is not None and incident.place.name == district, text


def test_a_dateline_with_a_period_is_no_place(settings: Settings) -> None:
    text = (
        "Москва. 6 мая. Губернатор Белгородской области Вячеслав Гладков сообщил о погибшем "
        "при обстреле Шебекино."
    )
    incident = _only(settings, text)
    assert incident.place is not None and incident.place.name == "Shebekino"


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        (
            "Травми, несумісні із життям, отримав 55-річний чоловік під час обстрілу Херсона.",
            1,
            None,
        ),
        ("Двух мирных жителей не удалось спасти после атаки дрона на Шебекино.", 2, None),
        (
            "Після обстрілу Полтави лікарям не вдалося врятувати життя двох людей, які зазнали "
            "поранень.",
            2,
            None,
        ),
    ],
    ids=["incompatible-with-life", "could-not-be-saved", "died-of-their-wounds"],
)
def test_deaths_told_by_idiom(
    settings: Settings, text: str, killed: int, injured: int | None
) -> None:
    incident = _only(settings, text)
    assert (_value(incident.killed), _value(incident.injured)) == (killed, injured)


def test_a_toll_of_a_list_of_towns_is_no_one_towns(settings: Settings) -> None:
    text = (
        "Вранці окупанти обстріляли Херсон з артилерії, поранено чоловіка. "
        "Станом на вечір внаслідок атак на Херсон, Антонівку та Білозерку постраждало шестеро "
        "цивільних. Троє людей загинуло."
    )
    incidents = _run(settings, text).corpus.incidents
    kherson = [i for i in incidents if i.place is not None and i.place.name == "Kherson"]
    assert len(kherson) == 1
    assert (_value(kherson[0].killed), _value(kherson[0].injured)) == (None, 1)


def test_a_cumulative_toll_and_what_it_goes_on_to_add_make_no_incident(settings: Settings) -> None:
    text = (
        "Более 200 мирных жителей Белгородской области погибли от обстрелов за время СВО. "
        "Еще свыше 1,1 тысячи человек ранены, сообщил глава региона Вячеслав Гладков. "
        "Белгородская область находится на границе с Украиной и ежедневно подвергается "
        "ударам. Украинская армия бьет по мирным городам беспилотниками."
    )
    assert _run(settings, text).corpus.incidents == ()


def test_counts_with_thousands() -> None:
    from sitrep.extract.cyrillic._words import count_at, tokens

    for text, code, value in (
        ("1,1 тысячи человек", "ru", 1100),
        ("2 тисячі людей", "uk", 2000),
        ("12 человек", "ru", 12),
    ):
        found = count_at(tokens(text), 0, code)  # type: ignore[arg-type]
        assert found is not None and found[0] == value, text


def test_vdaryly_is_a_strike_and_a_capitals_district_is_kyivs(settings: Settings) -> None:
    incident = _only(settings, "Пізно ввечері росіяни вдарили по Сумах, поранено двох людей.")
    assert incident.place is not None and incident.place.name == "Sumy"
    text = "Вночі росіяни атакували столицю. У Шевченківському районі столиці загинули шестеро."
    places = [i.place for i in _run(settings, text).corpus.incidents if i.place is not None]
    assert any(p.precision == "district" and p.parent == "Kyiv" for p in places), places


def test_burns_are_injuries_and_a_spouse_one_person(settings: Settings) -> None:
    text = (
        "В результате обстрела в селе Тёткино Глушковского района загорелся дом, погибла "
        "женщина. Ее супруг получил обширные ожоги."
    )
    incident = _only(settings, text)
    assert (_value(incident.killed), _value(incident.injured)) == (1, 1)


def test_this_nights_attack_is_the_dated_mornings(settings: Settings) -> None:
    # "цієї ночі" is dated from the night's first day, the explicit date is the morning's:
    # one attack on Kyiv, not two.
    text = (
        "Вночі та зранку середи, 8 травня, через російську атаку на Київ загинули двоє людей.\n\n"
        "За даними мера, відомо про п'ятьох постраждалих киян.\n\n"
        "Як повідомлялося, цієї ночі російська армія завдала масованого удару по Києву."
    )
    incident = _only(settings, text, published=dt.date(2024, 5, 8))
    assert incident.date is not None and incident.date.day == 8
    assert (_value(incident.killed), _value(incident.injured)) == (2, 5)


def test_both_halves_of_a_hyphenated_name_inflect(settings: Settings) -> None:
    text = "В частном домовладении в Каменке-Днепровской от удара дрона пострадала женщина."
    incident = _only(settings, text)
    assert incident.place is not None and incident.place.name == "Kamianka-Dniprovska"


def test_victims_told_next_with_more_are_added_and_a_night_against_a_weekday(
    settings: Settings,
) -> None:
    text = (
        "Внаслідок удару по Одесі у ніч проти неділі, 5 травня, загинула одна людина. "
        "Серед постраждалих вагітна жінка, вона в середньому ступені важкості. "
        "Ще троє людей з пораненнями госпіталізовані."
    )
    incident = _only(settings, text)
    assert incident.date is not None and incident.date.day == 4
    assert (_value(incident.killed), _value(incident.injured)) == (1, 4)


def test_a_count_before_another_casualty_word_is_that_words(settings: Settings) -> None:
    text = "Окупанти вдарили ракетами по Покровську: є загиблі та понад 30 поранених."
    incident = _only(settings, text)
    assert _value(incident.killed) is None and _value(incident.injured) == 30


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        (
            "Унаслідок удару по Харкову постраждали 40 людей - 36 отримали гостру реакцію на "
            "стрес, ще четверо - поранені уламками скла.",
            4,
        ),
        (
            "Унаслідок удару по Харкову постраждали 40 людей - 36 отримали гостру реакцію на стрес.",
            4,
        ),
        (
            "Унаслідок удару по Харкову поранення отримала 41-річна жінка і постраждала 14-річна "
            "дівчинка, яка зазнала гострої реакції на стрес.",
            1,
        ),
        (
            "Унаслідок удару по Харкову поранено трьох людей, ще двоє отримали гостру реакцію на стрес.",
            3,
        ),
    ],
    ids=["total-and-breakdown", "total-less-stressed", "relative-clause", "stressed-apart"],
)
def test_an_acute_stress_reaction_is_no_injury(settings: Settings, text: str, injured: int) -> None:
    assert _value(_only(settings, text).injured) == injured


def test_an_oblast_wide_count_is_no_towns_and_a_number_before_people_counts(
    settings: Settings,
) -> None:
    text = (
        "4 мая в результате обстрелов погибли три мирных жителя Донецкой области. "
        "Все погибшие проживали в Красногоровке. Еще семь человек в области получили ранения."
    )
    incident = _only(settings, text)
    assert incident.place is not None and incident.place.name == "Krasnohorivka"
    assert (_value(incident.killed), _value(incident.injured)) == (3, None)
    text = "Вечером ВСУ обстреляли Горловку, семь человек получили ранения."
    assert _value(_only(settings, text).injured) == 7


def test_ages_listed_after_the_victims_count_them_not_as_numbers(settings: Settings) -> None:
    text = (
        "В результате обстрела из РСЗО села Новоосиново погибли люди. Умерли мужчины 64, 65 и "
        "58 лет, а также две женщины 56 и 72 лет."
    )
    assert _value(_only(settings, text).killed) == 5


def test_a_toll_risen_to_a_number_and_a_mourning_day_told_with_the_dead(settings: Settings) -> None:
    text = (
        "У Кривому Розі кількість постраждалих унаслідок ракетного удару 4 травня збільшилася до "
        "75 людей. У місті 6 травня оголосили день жалоби за 19 загиблими."
    )
    incident = _only(settings, text)
    assert incident.date is not None and incident.date.day == 4
    assert (_value(incident.killed), _value(incident.injured)) == (19, 75)


def test_a_time_of_day_is_no_count(settings: Settings) -> None:
    text = (
        "Российские войска нанесли ракетный удар по Днепру. По состоянию на 21:30 за "
        "медицинской помощью обратились три человека."
    )
    assert _value(_only(settings, text).injured) == 3


def test_undated_reports_take_the_leads_day_not_a_datelines(settings: Settings) -> None:
    text = (
        "Унаслідок ракетного обстрілу 3 травня загинули 5 людей у різних областях.\n\n"
        "У Кривому Розі зруйновано під'їзд житлового будинку, загинули четверо людей."
    )
    incident = _only(settings, text)
    assert incident.place is not None and incident.place.name == "Kryvyi Rih"
    assert incident.date is not None and incident.date.day == 3
    text = (
        "Минувший понедельник стал тяжелым для Погара: дрон атаковал микроавтобус, погиб водитель."
    )
    incident = _only(settings, text)  # published Monday 6 May: the past Monday is 29 April
    assert incident.date is not None and (incident.date.month, incident.date.day) == (4, 29)


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        (
            "Вечером ВСУ обстреляли Горловку: пострадали 47-летний, 50-летний мужчины и 65-летняя женщина.",
            3,
        ),
        (
            "Вечером ВСУ обстреляли Горловку, ранения получили женщина 1958 и мужчины 1983 и 1985 годов рождения.",
            3,
        ),
        (
            "Вечером ВСУ обстреляли Горловку, погиб мужчина. Еще один мужчина в тяжёлом состоянии.",
            1,
        ),
    ],
    ids=["ages-with-commas", "birth-years", "grave-condition"],
)
def test_victims_counted_by_their_ages_birth_years_and_condition(
    settings: Settings, text: str, injured: int
) -> None:
    assert _value(_only(settings, text).injured) == injured


def test_a_neuter_town_inflects_and_the_city_is_the_town_told_of_last(settings: Settings) -> None:
    incident = _only(settings, "Внаслідок обстрілу Гуляйполя поранені двоє людей.")
    assert incident.place is not None and incident.place.name == "Huliaipole"
    text = (
        "Після 14-ї години окупанти вдарили дроном по житловому будинку в Нікополі, загинула "
        "жінка.\n\nУнаслідок інших ударів по місту поранено чотирьох людей.\n\n"
        "Крім того, жителька одного з сіл Червоногригорівської громади отримала травму."
    )
    incidents = _run(settings, text).corpus.incidents
    nikopol = [i for i in incidents if i.place is not None and i.place.name == "Nikopol"]
    assert len(nikopol) == 1 and _value(nikopol[0].injured) == 4


def test_a_wound_noun_counts_the_victims_after_the_verb_that_gives_it(settings: Settings) -> None:
    text = (
        "Вечером ВСУ обстреляли Горловку. Ранение по улице Абакумова в Кировском районе Донецка "
        "получили женщина 1958 и мужчины 1983 и 1985 годов рождения."
    )
    incidents = _run(settings, text).corpus.incidents
    assert any(_value(i.injured) == 3 for i in incidents), incidents


def test_a_residents_town_is_no_office(settings: Settings) -> None:
    # "города" ends the title "глава города", but "жительница города Суджа" holds no title
    incident = _only(settings, "При обстреле ВСУ погибла одна жительница города Суджа.")
    assert incident.place is not None and incident.place.name == "Sudzha"
    text = "При обстреле ВСУ погибла женщина, сообщил глава города Шебекино Владимир Жданов."
    assert _run(settings, text).corpus.incidents == () or all(
        i.place is None or i.place.name != "Shebekino"
        for i in _run(settings, text).corpus.incidents
    )
