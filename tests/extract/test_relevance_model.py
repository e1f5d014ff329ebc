"""The learned second opinion on relevance (:mod:`harmwatch.extract.relevance_model`).

The two long texts here are written for this test; the pipeline check reads one document of the
project's dev split (``tests/data/extract``), on which the model was fit.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from harmwatch.extract import extract_text
from harmwatch.extract.relevance_model import (
    MIN_WORDS,
    SETTINGS,
    THRESHOLD,
    data_fingerprint,
    load_model,
    training_data,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "extract"

CRIME = (
    "A man armed with a hunting rifle opened fire in a crowded shopping centre in the port city "
    "on Saturday afternoon, killing seven people and wounding 11 before he was overpowered by "
    "security guards, police said.\n\nThe suspect, a 41-year-old local resident with a licence "
    "for the weapon, was detained at the scene and taken in for questioning. Investigators said "
    "he had argued with a shop owner earlier in the week over an unpaid debt and had no links to "
    "any political group.\n\nWitnesses described shoppers running for the exits as shots echoed "
    "through the food court. Ambulances took the wounded to the regional hospital, where two "
    "remain in a serious condition, according to the health department.\n\nThe interior "
    "minister visited the site in the evening and promised a review of gun licensing rules. The "
    "city declared a day of mourning, and flags flew at half mast outside the town hall on "
    "Sunday.\n\nProsecutors have opened a murder case. A court is expected to decide on Monday "
    "whether the man will be held in custody until trial. Police asked anyone who filmed the "
    "shooting to come forward and share their footage with investigators."
)
WAR = (
    "Artillery shelling by government forces killed seven civilians, including two children, in "
    "the rebel-held town on Saturday, local officials and a monitoring group said.\n\nShells "
    "struck a market and a row of houses in the morning, when residents were buying food. "
    "Eleven people were wounded, among them four women, and were taken to a field hospital run "
    "by a medical charity, which said it was short of blood and anaesthetics.\n\nThe rebel "
    "alliance accused the army of targeting civilian areas deliberately and said its fighters "
    "had returned fire on army positions on the hills east of the town. The army said it had "
    "struck only military targets and blamed the rebels for using residential districts as "
    "cover.\n\nAbout 3,000 families have fled the town since the offensive began last month, "
    "according to the United Nations humanitarian office, and many are sheltering in olive "
    "groves near the border without tents or clean water. Aid agencies have called for a "
    "ceasefire to let convoys through, saying the only road into the area has been closed by "
    "fighting for two weeks."
)


@pytest.fixture(scope="module")
def model():
    found = load_model()
    assert found is not None, "the package ships no relevance_model.json"
    return found


@pytest.fixture(scope="module")
def dev_split() -> tuple[list[str], list[bool]]:
    return training_data(DATA / "gold-dev.jsonl", DATA / "docs")


def test_shipped_weights_were_fit_on_the_current_dev_split(model, dev_split) -> None:
    texts, labels = dev_split
    assert model.meta["documents"] == len(texts)
    assert model.meta["sha256"] == data_fingerprint(texts, labels), (
        "the dev split changed since relevance_model.json was fit: run `make relevance-model`"
    )


def test_plain_python_inference_reproduces_scikit_learn(model, dev_split) -> None:
    sklearn = pytest.importorskip("sklearn")  # in the dev extras
    del sklearn
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts, labels = dev_split
    vec = TfidfVectorizer(
        sublinear_tf=True, min_df=SETTINGS["min_df"], ngram_range=tuple(SETTINGS["ngram_range"])
    )
    clf = LogisticRegression(C=SETTINGS["C"], max_iter=5000).fit(vec.fit_transform(texts), labels)
    probe = [*texts[::23], CRIME, WAR]
    expected = clf.predict_proba(vec.transform(probe))[:, 1]
    for text, p in zip(probe, expected, strict=True):
        assert model.probability(text) == pytest.approx(float(p), abs=1e-5)


def test_reads_the_whole_report_not_its_harm_words(model) -> None:
    # Both texts tell seven dead and eleven wounded by gunfire or shells; only one is war.
    assert model.probability(CRIME) < THRESHOLD < model.probability(WAR)
    assert not model.vetoes(WAR)


def test_short_texts_are_left_to_the_rules(model) -> None:
    first_paragraph = CRIME.split("\n\n")[0]
    assert len(first_paragraph.split()) < MIN_WORDS
    assert model.probability(first_paragraph) is None
    assert not model.vetoes(first_paragraph)


def test_a_veto_drops_harm_categories_and_keeps_the_evidence(model) -> None:
    # h129: gunmen kill 12 at a party, annotated as cartel crime; the rules alone code killing.
    text = (DATA / "docs" / "h129.txt").read_text("utf-8")
    assert model.vetoes(text)
    vetoed = extract_text(text)
    assert vetoed["relevant"] is False
    assert set(vetoed["categories"]) <= {"response"}
    assert all(set(e["categories"]) <= {"response"} for e in vetoed["events"])
    assert any(f["measure"] == "killed" and f["value"] == 12 for f in vetoed["figures"])


def test_the_pipeline_obeys_the_model_when_the_rules_see_harm(model, monkeypatch) -> None:
    # The shipped model is made to veto every text it reads (its intercept is set far below
    # any text's weights). Its method is not replaced by a spy: a compiled build (make fast)
    # calls the compiled method directly, past any class attribute.
    assert extract_text(WAR)["relevant"] is True
    monkeypatch.setattr(model, "intercept", -1.0e6)
    assert model.vetoes(WAR) is True
    vetoed = extract_text(WAR)
    assert vetoed["relevant"] is False
    assert vetoed["figures"], "a vetoed document keeps its figures"
    # a text too short for the model is judged by the rules alone
    short = WAR.split("\n\n")[0]
    assert model.probability(short) is None
    assert extract_text(short)["relevant"] is True


def test_every_extraction_records_the_weights_it_used(model) -> None:
    out = extract_text(WAR)
    assert out["relevance_model"] == f"tfidf-lr:{model.meta['sha256'][:12]}"
