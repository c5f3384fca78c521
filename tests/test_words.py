"""Word decisions: noun number, verbs, identifiers (aip-rules.md section 5's measured traps), and inflect's import."""

from __future__ import annotations

import subprocess
import sys

import pytest

from aiplint import words


@pytest.mark.parametrize("word, number", [
    ("jobs", "plural"), ("job", "singular"), ("status", "singular"), ("statuses", "plural"),
    ("alias", "singular"), ("analysis", "singular"), ("bus", "singular"), ("address", "singular"),
    ("data", "plural"), ("metadata", "plural"), ("media", "plural"), ("info", "uncountable"),
    ("health", "uncountable"), ("news", "uncountable"), ("series", "uncountable"), ("people", "plural"),
    ("schemata", "plural"), ("menus", "plural"), ("schemas", "plural"), ("quotas", "plural"), ("v1", "unknown"),
])
def test_noun_number(word, number):
    assert words.noun_number(word) == number


@pytest.mark.parametrize("literal, number", [
    ("vector_stores", "plural"), ("apiKey", "singular"), ("codes_of_conduct", "plural"), ("starred", "unknown"),
    ("following", "unknown"), ("OS", "unknown"), ("products-uuid", "unknown"), ("ConnectApps.json", "plural"),
])
def test_literal_number_reads_the_head_word(literal, number):
    assert words.last_word_number(literal) == number


@pytest.mark.parametrize("literal, plural", [
    ("vector_store", "vector_stores"), ("apiKey", "apiKeys"), ("file-batch", "file-batches"), ("Job", "Jobs"),
])
def test_pluralize_keeps_spelling(literal, plural):
    assert words.pluralize_literal(literal) == plural


@pytest.mark.parametrize("literal, verb", [
    ("run-shield", "run"), ("list-tools", "list"), ("preference-optimize", "optimize"),
    ("supervised-fine-tune", "finetune"), ("setDefaultVersion", "set"), ("microsoft.graph.restore", "restore"),
    ("chat.postMessage", "post"), ("on-notify", None), ("completions", None), ("price-list", None),
])
def test_leading_verb(literal, verb):
    assert words.leading_verb(literal) == verb


@pytest.mark.parametrize("name, subject", [
    ("job_uuid", "job"), ("toolGroupId", "toolgroup"), ("countryCode", "country"), ("pull_number", "pull"),
    ("id", None), ("name", None), ("year", ""), ("CallSid", "call"), ("vectorStoreArn", "vectorstore"),
])
def test_identifier_subject(name, subject):
    assert words.subject(name) == subject


def test_verb_compounds_need_a_whole_second_word():
    assert words.verb_compound("iterrows") == "iter"
    assert [words.verb_compound(w) for w in ("checkpoints", "streamsets", "importations", "assignments")] == [None] * 4


def test_inflect_is_imported_without_typeguard_and_leaves_no_stand_in():
    code = ("import sys; from aiplint import words; words.plural_of('job'); "
            "assert 'typeguard' not in sys.modules; import typeguard; print(typeguard.typechecked.__module__)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().startswith("typeguard")
