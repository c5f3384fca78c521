"""The lexicon: its tables' invariants, the word decisions every rule relies on, and the project overlay."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from aiplint.model.lexicon import Lexicon, Vocabulary

LEX = Lexicon.of()
REPO = Path(__file__).resolve().parents[1]


# -- the tables


def test_every_mutating_or_reading_verb_is_a_verb_and_none_is_both():
    for tag in ("mutating-verb", "read-verb", "standard-verb", "homograph", "create-verb", "credential-verb"):
        assert {w for w in LEX.words(tag) if LEX.verb_kind(w) is None} <= {"new"}, tag
    assert LEX.words("mutating-verb") & LEX.words("read-verb") == set()


def test_no_word_is_both_uncountable_and_plural_or_singular_s():
    assert LEX.words("uncountable") & LEX.words("plural") == set()
    assert LEX.words("plural") & LEX.words("singular-s") == set()


def test_curated_homographs_are_verbs_and_nouns_first_are_not():
    assert LEX.words("homograph") <= LEX.words("verb")
    assert LEX.words("noun") & (LEX.words("verb") | LEX.words("homograph")) == set()


def test_irregular_plurals_are_words_of_their_own():
    plurals = dict(LEX.mapping("plural-of"))
    assert not set(plurals) & {p for values in plurals.values() for p in values}
    assert all(LEX.noun_number(singular) == "singular" for singular in plurals)


def test_synonyms_and_standard_http_name_standard_methods():
    assert all(LEX.verb_kind(word) for word in LEX.mapping("synonym"))
    assert {v for values in LEX.mapping("synonym").values() for v in values} <= LEX.words("standard-verb")
    assert {m for values in LEX.mapping("standard-http").values() for m in values} <= {"get", "put", "patch", "delete"}


# -- nouns


@pytest.mark.parametrize("word, number", [
    ("jobs", "plural"), ("job", "singular"), ("status", "singular"), ("statuses", "plural"),
    ("alias", "singular"), ("analysis", "singular"), ("bus", "singular"), ("address", "singular"),
    ("data", "plural"), ("metadata", "plural"), ("media", "plural"), ("info", "uncountable"),
    ("health", "uncountable"), ("news", "uncountable"), ("series", "uncountable"), ("people", "plural"),
    ("schemata", "plural"), ("menus", "plural"), ("schemas", "plural"), ("quotas", "plural"), ("v1", "unknown"),
    ("epoch", "singular"), ("epochs", "plural"),
])
def test_noun_number(word, number):
    assert LEX.noun_number(word) == number


@pytest.mark.parametrize("literal, number", [
    ("vector_stores", "plural"), ("apiKey", "singular"), ("codes_of_conduct", "plural"), ("starred", "unknown"),
    ("following", "unknown"), ("OS", "unknown"), ("products-uuid", "unknown"), ("ConnectApps.json", "plural"),
])
def test_literal_number_reads_the_head_word(literal, number):
    assert LEX.last_word_number(literal) == number


@pytest.mark.parametrize("literal, plural", [
    ("vector_store", "vector_stores"), ("apiKey", "apiKeys"), ("file-batch", "file-batches"), ("Job", "Jobs"),
    ("epoch", "epochs"), ("Stomach", "Stomachs"), ("person", "people"),
])
def test_pluralize_keeps_spelling(literal, plural):
    assert LEX.pluralize_literal(literal) == plural


# -- verbs


@pytest.mark.parametrize("literal, verb", [
    ("run-shield", "run"), ("list-tools", "list"), ("preference-optimize", "optimize"),
    ("supervised-fine-tune", "finetune"), ("setDefaultVersion", "set"), ("microsoft.graph.restore", "restore"),
    ("chat.postMessage", "post"), ("on-notify", None), ("completions", None), ("price-list", None),
])
def test_leading_verb(literal, verb):
    assert LEX.leading_verb(literal) == verb


@pytest.mark.parametrize("word", ["escalate", "acknowledge", "rebuild", "reconcile", "hibernate", "eject", "decommission"])
def test_verbs_nobody_listed_come_from_wordnet(word):
    assert word not in LEX.words("verb")  # not hand-listed: WordNet knows them
    assert LEX.verb_kind(word) == "verb"


@pytest.mark.parametrize("word, kind", [
    ("search", "homograph"), ("cancel", "verb"), ("reverse", "homograph"), ("snooze", "named"), ("free", "named"),
    ("job", "named"), ("table", "named"), ("report", "named"), ("status", None), ("user", None),
])
def test_verb_kind_says_how_much_evidence_a_verb_needs(word, kind):
    assert LEX.verb_kind(word) == kind


def test_verb_compounds_need_a_whole_second_word():
    assert LEX.verb_compound("iterrows") == "iter"
    assert [LEX.verb_compound(w) for w in ("checkpoints", "streamsets", "importations", "assignments")] == [None] * 4


# -- identifiers


@pytest.mark.parametrize("name, subject", [
    ("job_uuid", "job"), ("toolGroupId", "toolgroup"), ("countryCode", "country"), ("pull_number", "pull"),
    ("id", None), ("name", None), ("year", ""), ("CallSid", "call"), ("vectorStoreArn", "vectorstore"),
])
def test_identifier_subject(name, subject):
    assert LEX.subject(name) == subject


@pytest.mark.parametrize("name, stem", [
    ("job_uuid", "job"), ("toolGroupId", "toolgroup"), ("id", ""), ("ids", None), ("job_ids", None),
    ("request_id", None), ("after", None),
    ("idCard", "card"), ("idChoreList", "chorelist"), ("idBoards", None),  # the ID word first (Trello's `idCard`)
])
def test_id_stem(name, stem):
    assert LEX.id_stem(name) == stem


# -- the project's overlay


def test_a_projects_vocabulary_is_an_overlay_that_leaves_the_default_alone():
    project = Lexicon.of(Vocabulary(verbs=frozenset({"frobnicate"}), nouns=frozenset({"scale"}),
                                    uncountable=frozenset({"firmware", "kit"}), plurals=(("cactus", "cactuses"),),
                                    id_words=frozenset({"handle"})))
    assert project.is_verb("frobnicate") and not LEX.is_verb("frobnicate")
    assert project.verb_kind("scale") is None and LEX.verb_kind("scale") == "homograph"
    assert project.noun_number("kit") == "uncountable" and LEX.noun_number("kit") == "singular"
    assert project.plural_of("cactus") == "cactuses" and project.singular_of("cactuses") == "cactus"
    assert project.id_stem("user_handle") == "user" and LEX.id_stem("user_handle") is None
    assert Lexicon.of(Vocabulary(verbs=frozenset({"frobnicate"}))) is Lexicon.of(Vocabulary(verbs=frozenset({"frobnicate"})))


def test_inflect_is_imported_without_typeguard_and_leaves_no_stand_in():
    code = ("import sys; from aiplint.model.lexicon import Lexicon; Lexicon.of().plural_of('zorblat'); "
            "assert 'inflect' in sys.modules and 'typeguard' not in sys.modules; import typeguard; "
            "print(typeguard.typechecked.__module__)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().startswith("typeguard")


def test_the_frozen_inflections_are_inflects_own_answers():
    """`data/inflections.txt` stands in for inflect on the words of the lexicon's data; a sample of its rows (and
    words whose answers are irregular) must be what the installed inflect says, or the file is stale."""
    from aiplint.model.lexicon import _inflect, _inflections, _plural_noun, _singular_noun

    table = _inflections()
    engine = _inflect()
    rows = [line.split(" ", 1)[0] for line in table._text.splitlines()]
    sample = rows[::97] + ["pets", "pet", "job", "jobs", "children", "data", "status", "category", "after"]
    for word in sample:
        assert table.row(word) is not None, word
        ours = (_singular_noun(word), _plural_noun(word))
        assert ours == (engine.singular_noun(word), engine.plural_noun(word)), word


def test_a_word_outside_the_frozen_inflections_asks_inflect():
    from aiplint.model.lexicon import _inflect, _inflections, _singular_noun

    for word in ("datasetios", "zorblats", "abot", "aaa0"):
        assert _inflections().row(word) is None
        assert _singular_noun(word) == _inflect().singular_noun(word)


def test_a_small_spec_is_linted_without_importing_inflect():
    """Its words are all in the frozen table, so the cold run skips inflect's import (10-15 ms)."""
    code = ("import sys; from aiplint import api; "
            "findings = api.lint(open('fixtures/examples/petstore-jobs.yaml').read(), name='petstore-jobs.yaml'); "
            "assert findings; assert 'inflect' not in sys.modules, 'inflect imported'")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr


def test_splitting_a_long_run_of_letters_is_linear_in_memory_and_time():
    """A path segment of thousands of letters (issue 16): only splits of up to three words are used, so none is
    built for a longer run; the old search kept a tuple of words for every prefix (quadratic memory)."""
    import time
    import tracemalloc

    lexicon = Lexicon(Vocabulary())  # its own memo tables
    lexicon.words_of("purgecache")  # the word tables are read before measuring
    tracemalloc.start()
    start = time.perf_counter()
    try:
        assert lexicon.words_of("a" * 20_000) == ("a" * 20_000,)
        assert lexicon.segment("b" * 72) == ("b" * 72,)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000 and time.perf_counter() - start < 5
    assert lexicon.segment("purgecachenow") == ("purge", "cache", "now")
    assert lexicon.segment("purgecachestartall") == ("purgecachestartall",)  # four words: left whole, as before
