"""Plain-text page dumps: furniture removal, publication dates, titles, language."""

from __future__ import annotations

import itertools
import json
from datetime import date

import pytest

from harmwatch.ingest.furniture import find_furniture
from harmwatch.ingest.language import detect_language
from harmwatch.ingest.plaintext import parse_plain_text, unwrap_lines
from harmwatch.ingest.published import date_from_url, detect_published
from tests.conftest import shared_or_skip

ARTICLE = (
    "Shelling of the town continued through the night, the local emergency service said on "
    "Sunday, adding that two residential buildings and a school were damaged. Rescue teams "
    "worked until morning to clear the rubble, and residents sheltered in basements.\n\n"
    "The regional administration said it would publish a full list of damaged property later "
    "this week, once engineers had inspected every building in the affected districts.\n"
)


def test_seed_newsfeed_after_source_line_is_not_article_text() -> None:
    raw = shared_or_skip("seeds", "002_6cc5f6cd1a6b099d.txt").read_text(encoding="utf-8")
    parsed = parse_plain_text(raw)
    assert parsed.text.rstrip().endswith("the letter said.")
    for furniture in (
        "Source Panorama.am",
        "Newsfeed",
        "ski resort",
        "killed at least",
        "117 children",
        "Follow us",
        "core.blocks.header",
    ):
        assert furniture not in parsed.text
    assert "At least 44 civilians were killed and 141 were injured" in parsed.text
    assert parsed.published == date(2020, 10, 30)
    assert parsed.language == "en"
    assert parsed.title and parsed.title.startswith("Armenian, Artsakh Human Rights Defenders")
    # the raw text keeps everything; the cuts cover exactly what was removed
    cut_text = "".join(raw[c.start : c.end] for c in parsed.furniture)
    assert "Hotel fire at Turkey ski resort kills at least 10" in cut_text
    assert "Politics 22:31 30/10/2020" in cut_text


def test_seed_without_furniture_keeps_whole_article() -> None:
    raw = shared_or_skip("seeds", "000_e71a607eea47b4a8.txt").read_text(encoding="utf-8")
    parsed = parse_plain_text(raw)
    assert parsed.published is None
    assert parsed.text == raw.strip()


def test_devset_publication_dates_match_gold() -> None:
    gold_path = shared_or_skip("devset", "gold.jsonl")
    wrong = []
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        raw = (gold_path.parent / "articles" / f"{gold['id']}.txt").read_text(encoding="utf-8")
        found = parse_plain_text(raw, gold["url"]).published
        if (found.isoformat() if found else None) != gold["published"]:
            wrong.append((gold["id"], found, gold["published"]))
    assert len(wrong) <= 1, wrong


def test_newsfeed_block_is_cut_and_its_figures_with_it() -> None:
    raw = (
        ARTICLE + "\nLatest\n10:15\nBus crash kills 12 on mountain road\n09:40\nMarkets rally\n"
        "09:05\nFactory fire injures 30 workers\n08:30\nWeather turns cold\n"
    )
    parsed = parse_plain_text(raw)
    assert "Bus crash" not in parsed.text and "injures 30" not in parsed.text
    assert "engineers had inspected every building" in parsed.text


def test_newsfeed_above_the_article_is_cut() -> None:
    raw = (
        "WORLD NEWSFEED\n09:12  Bus crash kills 12 on mountain road\n08:47  Markets rally\n"
        "08:30  Factory fire injures 30 workers\n" + ARTICLE
    )
    parsed = parse_plain_text(raw)
    assert "Bus crash" not in parsed.text and "injures 30" not in parsed.text
    assert "engineers had inspected every building" in parsed.text


def test_newsfeed_under_a_link_bar_is_cut_and_the_headline_kept() -> None:
    # a bar of section links is no running text, so the feed under it is above the story; the
    # cut ends with the feed, and the story's own headline under it stays
    raw = (
        "DAILY REVIEW  |  Politics  |  Region  |  World  |  Business  |  Sport  |  Culture\n"
        "Newsfeed\n19:10  Tram line closed for repairs until Monday\n"
        "18:35  Two injured in tram collision downtown\n18:02  Opposition plans new protest\n\n"
        "Flood defences hold as river peaks\n\n" + ARTICLE
    )
    parsed = parse_plain_text(raw)
    assert "tram collision" not in parsed.text and "Newsfeed" not in parsed.text
    assert "Flood defences hold as river peaks" in parsed.text
    assert "engineers had inspected every building" in parsed.text


def test_live_blog_entries_are_article_text() -> None:
    entry = (
        "Officials in the regional administration said rescuers were still working through "
        "the rubble of the damaged block, and that the count of the injured was rising. "
    )
    raw = "LIVE updates\n\n" + "".join(
        f"{h}:{m}\n{entry}Update number {n} followed.\n\n"
        for n, (h, m) in enumerate([("08", "20"), ("09", "35"), ("11", "40"), ("13", "10")])
    )
    parsed = parse_plain_text(raw)
    assert "Update number 3 followed." in parsed.text


@pytest.mark.parametrize("zone", ["IST", "GMT", "GMT+3", "local time", "pm"])
def test_live_blog_stamps_with_a_time_zone_are_article_text(zone: str) -> None:
    # "18:15 IST" on its own line stamps the paragraph under it, as a bare "18:15" does
    entry = (
        "Police said they had searched the villages along the ridge road overnight, and that "
        "the families of the missing had been asked to come to the district hospital. "
    )
    raw = (
        ARTICLE
        + "\n\n"
        + "".join(
            f"{h}:{m} {zone}\n{entry}Update number {n} followed.\n\n"
            for n, (h, m) in enumerate([("08", "20"), ("09", "35"), ("11", "40"), ("13", "10")])
        )
    )
    parsed = parse_plain_text(raw)
    assert "Update number 3 followed." in parsed.text


def test_terminator_before_article_does_not_swallow_page() -> None:
    raw = "News\nShow news feed\nShare\n\n" + ARTICLE
    parsed = parse_plain_text(raw)
    assert "two residential buildings" in parsed.text
    assert "Show news feed" not in parsed.text


@pytest.mark.parametrize(
    "cookies",
    [
        "This website uses cookies to improve your experience. [Accept] [More info]",
        "We use cookies to personalise content. By continuing to browse you agree to our cookie "
        "policy and to the sharing of data with our partners. [OK]",
    ],
)
def test_a_share_bar_between_headline_and_story_does_not_end_the_article(cookies: str) -> None:
    # site name, navigation, a consent banner, headline, date and share bar above the story:
    # together more than a short article's worth of characters, and none of it the story
    raw = (
        "THE VALLEY COURIER\nHome | Region | World | Opinion | Business | Sport\n"
        f"{cookies}\n\nShelling damages school and homes in the river town overnight\n\n"
        "Published: Monday, 3 June 2024\nShare: Facebook | Twitter | WhatsApp\n\n" + ARTICLE
    )
    parsed = parse_plain_text(raw)
    assert "Rescue teams worked until morning" in parsed.text
    assert "once engineers had inspected every building" in parsed.text
    assert "cookies" not in parsed.text
    assert "Share:" not in parsed.text


def test_a_share_bar_after_the_story_still_ends_it() -> None:
    raw = ARTICLE + "\nShare: Facebook | Twitter\n\nCeasefire talks resume in the capital\n"
    parsed = parse_plain_text(raw)
    assert "Ceasefire talks" not in parsed.text
    assert "once engineers had inspected every building" in parsed.text


@pytest.mark.parametrize(
    "line",
    [
        "Also read: Earthquake toll rises to 300 in the north",
        "READ MORE: Ministry reports 15 wounded",
        '{"core.blocks.header.spell_message1":"Selected mistake: "}',
        "English | Русский | Հայերեն",
        "Share this article on Facebook",
        "Skip to main content",
        "[Read more: Ten prisoners released in exchange deal]",
    ],
)
def test_single_furniture_lines_inside_article_are_cut(line: str) -> None:
    raw = ARTICLE.replace("\n\n", f"\n{line}\n\n", 1)
    parsed = parse_plain_text(raw)
    assert line not in parsed.text
    assert "Rescue teams worked until morning" in parsed.text


def test_inline_teaser_is_cut_to_end_of_its_sentence() -> None:
    raw = (
        "Floodwater reached the old town on Monday. Also read: Storm kills 9 in the south 4. "
        "Officials opened three shelters for families who left their homes overnight."
    )
    parsed = parse_plain_text(raw)
    assert "Storm kills 9" not in parsed.text
    assert parsed.text.startswith("Floodwater reached the old town on Monday.")
    assert "Officials opened three shelters" in parsed.text


def test_cuts_are_sorted_and_disjoint() -> None:
    raw = shared_or_skip("seeds", "002_6cc5f6cd1a6b099d.txt").read_text(encoding="utf-8")
    cuts = find_furniture(raw)
    for before, after in itertools.pairwise(cuts):
        assert before.end <= after.start


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" date 2023-01-17 Gas supply was cut again", date(2023, 1, 17)),
        ("Politics 22:31 30/10/2020 Armenia\n\nText", date(2020, 10, 30)),
        ("Title\n\nPublished January 22, 2022\nBody", date(2022, 1, 22)),
        ("By The Weekly | Monday, 04 April 2016\n\nBody", date(2016, 4, 4)),
        ("28 Nov 2018 | News\n\nBody", date(2018, 11, 28)),
        ("Title\n2025-01-27 02:57:00\nBody", date(2025, 1, 27)),
        ("YEREVAN, April 13. /TASS/. Ministers met.", None),
        # numeric dates year first with slashes or dots, day first with hyphens, "12th of May"
        ("Title\nDate: 2023/05/12\nBody", date(2023, 5, 12)),
        ("Title\n2023.05.12 | 10:15\nBody", date(2023, 5, 12)),
        ("Title\n12-05-2023\nBody", date(2023, 5, 12)),
        ("Title\n12th of May, 2023\nBody", date(2023, 5, 12)),
        # only the first can be the month
        ("Title\nSat, 05/13/2023 - 10:15\nBody", date(2023, 5, 13)),
        # a report header's own date outranks the date of the events in its title
        (
            "Review of the raid on the clinic, 3 October 2015\nPublished 5 November 2015\n",
            date(2015, 11, 5),
        ),
        ("Report\nIssued 9 March 2024 | As of 8 March 2024\nBody", date(2024, 3, 9)),
        ("Situation as of 2 October 2023, 12:00\n\nBody", date(2023, 10, 2)),
        # a date the header tells about is not the page's
        ("Chapter 2. The attacks of 21 August 2013\n\nBody", None),
        ("Section 3\n\n3. The raid of 26 November 2023\n\nBody", None),
        # a dateline dated to the month: no later day is the publication day
        ("Public report\nBangui, May 2022\nAll of it is valid as of 31 March 2022.\n", None),
    ],
)
def test_publication_date_from_headers(text: str, expected: date | None) -> None:
    assert detect_published(text)[0] == expected


def test_date_in_long_prose_line_is_not_the_publication_date() -> None:
    text = (
        "Rescuers recover bodies after a strike hit the depot in the city on July 3, 2019, "
        "in an image released by the agency on the following day.\n"
    )
    assert detect_published(text)[0] is None


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        ("GANJA, 11 October 2020 – ", date(2020, 10, 11)),
        ("THE HAGUE, March 17, 2023 (Agency) – ", date(2023, 3, 17)),
        ("KHARKIV, Ukraine, May 5, 2024 (Wire) - ", date(2024, 5, 5)),
        ("The strike in Gaza on 11 October 2020 – ", None),
        ("SRINAGAR/ISLAMABAD, May 8, 2025 (Wire) - ", date(2025, 5, 8)),
        ("Maputo, 14 de Março de 2023 — ", date(2023, 3, 14)),
        # translated wires: a space before the comma, an agency in brackets closed by a stop
        ("Aden , 3 August 2018 (Coast Press Service) — ", date(2018, 8, 3)),
        ("MOSCOW , 4 January 2023 (Wire-Inform) . ", date(2023, 1, 4)),
        ("Cali, 5 December 2022 (Agency, translated from Spanish). ", date(2022, 12, 5)),
        # a city's name ending in an abbreviation, a full stop before the dash
        ("Bogotá D.C., June 11, 2025.— ", date(2025, 6, 11)),
        ("WASHINGTON D.C., 3 March 2024. – ", date(2024, 3, 3)),
        ("The talks in Washington D.C., June 11, 2025 were ", None),
    ],
)
def test_wire_dateline_opening_a_long_paragraph(lead: str, expected: date | None) -> None:
    body = "Officials reported that several buildings were hit overnight and rescuers kept "
    assert detect_published(lead + body * 2)[0] == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.am/2023/01/17/gas-cut/", date(2023, 1, 17)),
        ("https://example.com/news/2022/oct/31/crowd/", date(2022, 10, 31)),
        ("https://example.pk/27-Sep-2023/fuel-depot", date(2023, 9, 27)),
        ("https://example.com/en/reports/2018-04-08-attack", date(2018, 4, 8)),
        ("https://example.com/archives/xx-1999-jun-16-mn-4693-story.html", date(1999, 6, 16)),
        ("https://example.com/archives/xx-1999-jun-mn-4693-story.html", None),
        ("https://example.com/news/1670808/title", None),
    ],
)
def test_publication_date_from_url(url: str, expected: date | None) -> None:
    assert date_from_url(url) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The shelling of the city continued on Sunday and the ministry said it was severe.",
            "en",
        ),
        (
            "Обстрел города продолжался всю ночь, сообщили в министерстве обороны утром.",
            "ru",
        ),
        ("Քաղաքի հրթիռակոծությունը շարունակվել է ամբողջ գիշեր, հայտնել են նախարարությունից։", "hy"),
        (
            "Le bombardement de la ville a continué pendant la nuit et les secours sont sur place.",
            "fr",
        ),
        (
            "Der Beschuss der Stadt dauerte die ganze Nacht, und die Behörden haben das bestätigt.",
            "de",
        ),
        (
            "Обстріл міста тривав усю ніч, повідомили у міністерстві; є загиблі та поранені.",
            "uk",
        ),
        ("12 34", None),
    ],
)
def test_language(text: str, expected: str | None) -> None:
    assert detect_language(text) == expected


def test_site_wide_ticker_of_other_stories_is_furniture() -> None:
    article = (
        "Festival opens with a record crowd\n\n"
        "The city's summer music festival opened on Friday with more than 40,000 visitors, the "
        "organisers said, and will run for ten days with concerts in five parks.\n"
    )
    ticker = "⚡ LIVE: War updates — Odesa: drone strike on port, 2 injured · Sumy: shelling\n"
    parsed = parse_plain_text(ticker + article, None)
    assert "drone strike" not in parsed.text and "music festival" in parsed.text
    # a live blog's own single headline stays
    own = "LIVE — Floods: day three of the rescue operation\n\n" + article
    assert "day three" in parse_plain_text(own, None).text
    # a regional site's "Flash info" line of several items
    flash = "Flash info: Dori – power cuts on Sunday · Djibo: three dead in a truck crash\n"
    parsed = parse_plain_text(flash + article, None)
    assert "truck crash" not in parsed.text and "music festival" in parsed.text
    # an "ALERT" bar of several items
    alert = "ALERT: Flights diverted to Misrata  ·  Sabri: 3 dead as old building collapses\n"
    parsed = parse_plain_text(alert + article, None)
    assert "building collapses" not in parsed.text and "music festival" in parsed.text
    also = "ALSO IN THE NEWS: Sulu: two soldiers killed in an encounter · Index ends higher\n"
    parsed = parse_plain_text(also + article, None)
    assert "two soldiers" not in parsed.text and "music festival" in parsed.text
    # not a headline about flash floods
    floods = "Flash floods: rescue teams reach cut-off villages · Part two of our series\n\n"
    assert "rescue teams" in parse_plain_text(floods + article, None).text


def test_long_newsfeed_line_and_popular_list_are_furniture() -> None:
    article = (
        "Storm floods the old town\n\n"
        "Heavy rain flooded streets and basements in the old town overnight, and firefighters "
        "pumped water out of more than sixty homes, the city council said on Tuesday morning.\n\n"
        "Schools in the district stay closed until Thursday while the clean-up goes on.\n"
    )
    feed = (
        "NEWSFEED  08:55 Drone debris damages a warehouse near the port, one injured · 08:30 "
        "Shelling wounds six in the northern suburbs · 07:40 Power outages scheduled in the "
        "region\n\n"
    )
    parsed = parse_plain_text(feed + article, None)
    assert "Drone debris" not in parsed.text and "firefighters" in parsed.text
    popular = "\nPOPULAR NOW\n› Chess: a draw in round five\n› Drone strike on a market injures 9\n"
    parsed = parse_plain_text(article + popular, None)
    assert "Drone strike" not in parsed.text and "clean-up" in parsed.text


def test_a_labelled_list_of_other_headlines_above_the_article_is_furniture() -> None:
    page = (
        "LATEST\n▸ Stocks gain in early trade\n▸ Heavy rain forecast for the capital\n\n"
        "Blast at a rally kills 54\n\n"
        "A bomb exploded at a political rally in the north-west on Sunday, killing 54 people and "
        "wounding nearly 200, officials said, in the deadliest attack in the province this year.\n"
    )
    text = parse_plain_text(page, None).text
    assert "Heavy rain" not in text and "political rally" in text


@pytest.mark.parametrize(
    "heading",
    [
        "MORE FOOTBALL",
        "MORE HAITI NEWS",
        "MORE OPINION ›",
        "More on this story",
        "More live coverage",
    ],
)
def test_a_more_heading_over_other_stories_ends_the_article(heading: str) -> None:
    article = (
        "Cup final goes to extra time\n\n"
        "The national team won the regional cup on Sunday after extra time, beating their "
        "neighbours 2-1 in front of a full stadium, and the players were greeted by thousands "
        "of fans at the airport on Monday morning.\n\n"
        "The coach said the squad would rest for a week before the qualifiers.\n"
    )
    more = f"\n{heading}\n› Port town: 12 killed in gang attack\n› Storm warning for the coast\n"
    text = parse_plain_text(article + more, None).text
    assert "gang attack" not in text and "qualifiers" in text


def test_a_paragraph_opening_with_more_is_not_a_heading() -> None:
    article = (
        "Shelling hits the market\n\n"
        "Shelling hit the central market on Monday, officials said, damaging dozens of stalls "
        "and wounding four traders who were opening their shops before dawn.\n\n"
        "MORE THAN 40 HOMES were damaged in the nearby streets, the mayor said.\n"
        "More on the ground, volunteers cleared rubble through the night.\n"
    )
    text = parse_plain_text(article, None).text
    assert "40 HOMES" in text and "volunteers cleared" in text


def test_a_live_blog_line_opening_with_more_from_is_kept() -> None:
    # a caption-like sentence of a live blog ("More from just south of the city.") is the
    # blog's own text; "More from <site>" over a list of links still ends an article
    blog = (
        "Strikes on the southern suburbs - live\n\n"
        "Here are some images from the strikes on the southern suburb of the city earlier "
        "today, sent by our correspondent who reached the area after the raids. Families "
        "were loading mattresses and water onto cars while rescuers searched the rubble.\n\n"
        "More from just south of the city.\n\n"
        "At least 35 people have been killed and 120 injured today, the health ministry said.\n"
    )
    text = parse_plain_text(blog, None).text
    assert "35 people have been killed" in text
    links = blog.replace("More from just south of the city.", "More from The Daily Courier")
    assert "35 people" not in parse_plain_text(links, None).text


def test_an_also_from_heading_ends_the_article_but_a_paragraph_is_kept() -> None:
    article = (
        "Pipeline repaired after landslide\n\n"
        "Engineers repaired the gas pipeline on Monday after a landslide cut supplies to three "
        "towns for two days, the energy ministry said, and pressure was back to normal by the "
        "evening in every district.\n\n"
        "Also from the ministry, a statement said inspections would continue all week.\n"
    )
    tail = "\nAlso from Energy Wire:\nStrike on a depot kills 4\nOil prices slip\n"
    text = parse_plain_text(article + tail, None).text
    assert "kills 4" not in text and "inspections would continue" in text


@pytest.mark.parametrize(
    "block",
    [
        "LO MÁS LEÍDO\n1. Cúcuta : 3 injured in a bus collision\n2. Coffee prices rise 5%\n",
        "Etiquetas: Cauca · ELN · Displacement\n\n1. Popayán: 2 killed in a landslide\n",
        "MAIS LIDAS\nBeira: 4 dead as a warehouse roof falls in\n",
        "Mots-clés : Ségou · Niono\n\nMopti : 3 traders freed after 10 days\n",
    ],
)
def test_spanish_portuguese_and_french_page_lists_end_the_article(block: str) -> None:
    # translated pages keep the source site's own labels for tags and most-read lists
    raw = ARTICLE + "\n" + block
    parsed = parse_plain_text(raw)
    assert "once engineers had inspected every building" in parsed.text
    assert not any(
        w in parsed.text for w in ("injured in a bus", "landslide", "warehouse", "traders")
    )


@pytest.mark.parametrize(
    "line", ["Compartir: Facebook | X | WhatsApp", "Lee también: Ten soldiers freed"]
)
def test_spanish_share_and_teaser_lines_are_cut(line: str) -> None:
    raw = ARTICLE.replace("\n\n", f"\n{line}\n\n", 1)
    parsed = parse_plain_text(raw)
    assert line not in parsed.text
    assert "Rescue teams worked until morning" in parsed.text


def test_a_follow_us_line_inside_the_article_is_cut_alone() -> None:
    article = (
        "Museum looted during the fighting\n\n"
        "The national museum was ransacked when fighters overran the capital, and staff who "
        "returned this year found the store rooms open and thousands of objects gone. The "
        "damage is estimated at millions of dollars, and experts fear the objects were "
        "smuggled abroad.\n\n"
        "Follow us on WhatsApp | LinkedIn for the latest headlines\n\n"
        "Inside, every lock had been broken and the crates had been opened and emptied, said "
        "the first member of staff to return, who has worked at the museum for twenty years.\n"
    )
    text = parse_plain_text(article, None).text
    assert "every lock had been broken" in text and "Follow us" not in text
    below = article.split("Inside,")[0] + "› Port town: 12 killed in gang attack\n› Storm warning\n"
    assert "gang attack" not in parse_plain_text(below, None).text


def test_hard_wrapped_wire_copy_is_unwrapped_in_place() -> None:
    raw = (
        "Ministry says 19 killed in a day\n"
        "05/03/2024 6:10:12 AM\n"
        "The health ministry in the territory said on Tuesday that 19\n"
        "people were killed in the territory in the past 24\n"
        "hours, taking the overall toll of the fighting to 2,310.\n"
        "The ministry also said in a statement that at least 5,402\n"
        "people had been wounded since the fighting began in March,\n"
        "and that two hospitals had stopped admitting patients.\n"
    )
    text = parse_plain_text(raw, None).text
    assert "that 19 people were killed in the territory in the past 24 hours," in text
    assert "at least 5,402 people had been wounded" in text
    # one character for one: the title and time stamp lines keep their breaks
    assert len(text) == len(raw.strip())
    assert text.startswith("Ministry says 19 killed in a day\n05/03/2024 6:10:12 AM\nThe")


def test_a_header_block_and_a_list_are_not_unwrapped() -> None:
    raw = (
        "Weekly update of the commission\n"
        "North region: civilian harm and arrests under the state of emergency\n"
        "Capital, 29 August 2023\n\n"
        "Killed: 26 civilians in the market of the town centre\n"
        "- Injured: 55 people, most of them traders and travellers\n"
        "- Detained: 41 people held at the district police station\n"
        "- Missing: 3 people, all of them from the villages nearby\n"
    )
    assert unwrap_lines(raw) == raw


def test_a_padded_table_of_figures_is_not_unwrapped() -> None:
    table = (
        "Key figures (as of 20 January)\n"
        "People killed in the town .................... 163\n"
        "People injured ................................ 217\n"
        "People newly displaced ..................... 50,000\n"
        "Schools used as shelters ....................... 32\n"
    )
    assert unwrap_lines(table) == table
