"""Stage 6b: named sites and unlisted localities the gazetteer cannot hold."""

from __future__ import annotations

from harmwatch.extract.sites import find_sites


def found(text: str) -> list[tuple[str, str]]:
    sites = find_sites(text, 0, len(text))
    for s in sites:
        assert text[s.start : s.end] == s.mention
    return [(s.name, s.feature) for s in sites]


def test_named_facility() -> None:
    got = found("Shells hit the Republican Medical Center and Ghazanchetsots Cathedral.")
    assert ("Republican Medical Center", "site") in got
    assert ("Ghazanchetsots Cathedral", "site") in got


def test_unlisted_village_named_by_its_kind() -> None:
    got = found("Gunmen entered the village of Tilwa-Beri at dawn and burned the mill.")
    assert got == [("Tilwa-Beri", "locality")]
    got = found("Residents of the camp said strikes hit Umm Sayala village overnight.")
    assert got == [("Umm Sayala", "locality")]


def test_demonyms_and_sentence_openers_are_not_localities() -> None:
    assert found("A Palestinian refugee camp was hit.") == []
    assert found("Village elders said nothing.") == []


def test_place_name_built_like_one() -> None:
    got = found("Mortars fell on Kafr Tukharim and near Wadi al-Harir on Sunday.")
    assert ("Kafr Tukharim", "locality") in got and ("Wadi al-Harir", "locality") in got


def test_named_area_of_a_city_and_coordinated_units() -> None:
    assert ("Bustan al-Qasr", "locality") in found(
        "Two shells struck a street in the Bustan al-Qasr area of the city."
    )
    assert ("Tambura", "locality") in found("Families fled Nzara and Tambura counties.")


def test_a_describing_word_before_a_plural_unit_is_not_a_name() -> None:
    assert found("Satellite images show entire Zaghawa neighbourhoods burned.") == []
    assert found("Buildings collapsed across ten Turkish provinces.") == []


class _Town:
    def __init__(self, start: int, end: int, country: str, feature: str = "city") -> None:
        self.start, self.end, self.country, self.feature = start, end, country, feature


def _mates(text: str, towns: list[str], country: str = "SY") -> list[tuple[str, str | None]]:
    from harmwatch.extract.sites import list_mates

    places = [_Town(text.index(t), text.index(t) + len(t), country) for t in towns]
    got = list_mates(text, 0, len(text), places)
    for m in got:
        assert text[m.start : m.end] == m.mention
    return [(m.name, m.country) for m in got]


def test_names_listed_with_gazetteer_towns_are_towns_of_their_country() -> None:
    text = "Artillery shelled the outskirts of Ariha, Kansafra and Marata on Tuesday."
    assert _mates(text, ["Ariha"]) == [("Kansafra", "SY"), ("Marata", "SY")]


def test_list_mates_need_a_list_of_towns() -> None:
    # an address or an apposition is not a list
    assert _mates("said the governor of Nabatieh, Sana Haddad, on Monday.", ["Nabatieh"]) == []
    # the list names hospitals, not towns
    assert _mates("The wounded died at Jableh and Ibn Rushd hospitals.", ["Jableh"]) == []
    # a date after a name
    assert _mates("Strikes hit Saada and Janury 21 was calm.", ["Saada"]) == []
    # no gazetteer town in the list
    assert _mates("Hamas and Fatah met in Cairo.", ["Cairo"]) == []


def test_name_placed_in_a_local_unit_or_apposed_to_a_kind_of_place() -> None:
    got = found("Drones hit mourners in Gidan Dabo, in Zamfara State's Maru local government area.")
    assert ("Gidan Dabo", "locality") in got and ("Maru", "locality") in got
    assert ("Kutum", "locality") in found("Shells fell on Kutum, a town in North Darfur, at dawn.")
    assert ("Haro", "locality") in found("Gunmen killed farmers in Haro kebele overnight.")


def test_possessive_city_before_a_site_is_left_out_of_it() -> None:
    # "Tehran's Evin prison": the site is the prison; Tehran is a place of its own
    sites = find_sites("A strike hit Tehran's Evin prison.", 0, 34)
    assert [(s.mention, s.name) for s in sites] == [("Evin prison", "Evin prison")]
    # an owner the gazetteer does not know stays in the name
    sites = find_sites("A strike hit Zorgistan's Evin prison.", 0, 37)
    assert sites and sites[0].name == "Zorgistan's Evin prison"


def test_triggers_found_once_per_document_give_the_same_sites() -> None:
    """The pipeline hands find_sites each sentence's trigger words found in one pass over the
    document (site_triggers); the sites must be those found by asking per sentence."""
    from harmwatch.extract.sites import site_triggers
    from harmwatch.extract.text import split_sentences
    from harmwatch.extract.wordindex import Windows, WordIndex

    text = (
        "A missile struck the Okhmatdyt children's hospital in Kyiv on Monday. "
        "Shelling damaged the Al-Noor general hospital and the Mushkaf tunnel. "
        "Nothing else happened at the market."
    )
    words = WordIndex(text)
    bounds = [(s.start, s.end) for s in split_sentences(text)]
    per_window = site_triggers(Windows(words, bounds))
    assert len(per_window) == len(bounds)
    for (s, e), triggers in zip(bounds, per_window, strict=True):
        assert find_sites(text, s, e, words, triggers=triggers) == find_sites(text, s, e, words)
    assert any(find_sites(text, s, e, words) for s, e in bounds)
