"""Word handling shared by every rule: splitting path literals into words, noun number, the verb lexicon.

All English heuristics live here so that the rules agree with each other.  `inflect` is the fallback
for words none of the tables below decide; it is imported lazily (see `_inflect`) and every decision
is memoised.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator, Literal, Mapping

NounNumber = Literal["plural", "singular", "uncountable", "unknown"]

# Mass nouns and words whose plural is the word itself: singular is correct for them (AIP-122: "info").
UNCOUNTABLE = frozenset(
    """
    data metadata info information media news series species equipment feedback health usage telemetry
    safety inference analytics evidence software hardware firmware middleware traffic billing audio speech music
    knowledge progress research training tuning moose sheep fish deer aircraft content advice baggage luggage
    homework weather storage compute networking monitoring logging tracing auth authentication authorization history
    access security compliance documentation pricing shipping staff
    """.split()
)

# Plurals that inflect reads as singular (Latin/Greek and irregular plurals).
KNOWN_PLURAL = frozenset(
    """
    data metadata media criteria schemata indices matrices vertices appendices alumni cacti fungi people
    children men women feet teeth mice geese phenomena
    """.split()
)

# Singular words ending in "s" that inflect would read as plural.
SINGULAR_S = frozenset(
    """
    status bus campus virus corpus census bonus radius focus consensus cactus genus alias bias canvas atlas gas
    lens chaos ethos address access process class progress business analysis axis basis thesis crisis
    diagnosis synopsis hypothesis emphasis prognosis plus minus kubernetes
    """.split()
)
# Acronyms whose number cannot be told (`/StopPoint/Sms/{id}` must not become `Smss`).
ACRONYMS = frozenset("dns gps os ios sms mms cors https http us api sdk cdn vpn ssl tls faq".split())
# Nouns that name an attribute of something: `media-insights-pipeline-status/{identifier}` is a pipeline's status.
ATTRIBUTE_NOUNS = frozenset("status state config configuration settings info details summary health usage".split())
_SINGULAR_S_SUFFIX = re.compile(r"(sis|xis|ss|ous|ius|eus)$")

# Action verbs as they appear in RPC-style URIs.  Extendable per rule through the `verbs` option.
VERBS = frozenset(
    """
    accept activate add append apply approve archive assign attach authenticate authorize calculate
    cancel check classify clear clone close commit compact compare complete compute confirm connect convert copy
    count create deactivate decline decrypt delete deny deploy deprovision describe detach detect detokenize
    disable disconnect dismiss download duplicate edit embed enable encrypt enqueue estimate evaluate execute exec
    expire export extend fetch find finetune flush fork generate get grant hangup import index infer
    insert inspect install invalidate invite invoke iter join kill leave link list load lock login logout lookup
    make mark merge migrate modify move mute notify optimize parse patch pause ping post predict preview process
    promote provision publish pull purge push put query read reboot recalculate redeploy refer refresh regenerate
    register reindex reject reload remix remove rename render reopen reorder replace replay reply request
    rerank resend reset resize resolve restart restore resume retrieve retry revert revoke rollback rotate run
    save scale schedule score search seek send set share shutdown sign simulate sort split start stop stream
    submit subscribe summarize suspend sync tag terminate test tokenize train transcribe transfer translate
    trigger truncate tune unarchive unassign undelete uninstall unlink unlock unmute unpublish unregister
    unshare unsubscribe update upgrade upload upsert validate verify void watch
    """.split()
)

# Verbs that are also common nouns in URIs (`/search`, `/exports`, `/jobs/{id}/status`): count them as
# verbs only where the path item supports nothing but POST.
HOMOGRAPHS = frozenset(
    """
    search export import run query score scale exec check test process count preview copy report review match
    order transfer upload download sync merge lookup watch estimate commit complete reset publish stream index
    request reply tag sort load link patch post put sign share split edit render save replay push
    pull install compute find lock schedule train tune embed access grant archive set ping stop read login logout
    """.split()
)

# Verbs that only read: on a GET-only path item, a verb phrase starting with another verb reads as a noun
# phrase (`StopSchedule`, `send-checklist` are things you GET).
READ_VERBS = frozenset(
    """
    list get fetch retrieve read find search lookup count describe query compute calculate estimate check validate
    verify compare generate iter export download preview render resolve test inspect watch
    """.split()
)

# Endings that continue a verb into another word (`assign` + `ments`, `close` + `dlists`).
_DERIVED_STARTS = ("ment", "ing", "ion", "able", "ive", "ure")

# Verbs that change state: a custom method named by one of them must not be GET (AIP-136).
MUTATING_VERBS = frozenset(
    """
    accept activate add append apply approve archive assign attach cancel clear clone close commit confirm
    connect create deactivate decline delete deny deploy deprovision detach disable disconnect dismiss enable
    enqueue execute expire fork grant hangup insert install invalidate invite invoke join kill leave link lock
    mark merge migrate move mute pause promote provision publish purge reboot redeploy regenerate register
    reject reload remove rename reopen reorder replace resend reset resize restart restore resume retry revert
    revoke rollback rotate run schedule send set share shutdown start stop submit subscribe suspend terminate
    train truncate unarchive unassign undelete uninstall unlink unlock unmute unpublish unregister unshare
    unsubscribe update upgrade upsert void
    """.split()
)

# AIP standard methods and their synonyms (AIP-131..135; api-linter `synonyms` rules).
STANDARD_VERBS = frozenset("get list create update delete".split())
STANDARD_SYNONYMS = {
    "fetch": "get", "retrieve": "get", "acquire": "get", "insert": "create", "make": "create", "patch": "update",
    "put": "update",
}

# api-linter core::0136::prepositions.
PREPOSITIONS = frozenset(
    """
    after at before between but by except for from in including into of over since to toward under upon with
    within without
    """.split()
)

ID_WORDS = frozenset({"id", "uuid", "guid", "arn", "sid"})
# Words that name an identifier without naming its resource (`{name}`, `{user_name}`, `{pull_number}`).
GENERIC_ID_WORDS = ID_WORDS | {"name", "key", "slug", "identifier", "uid", "code", "number", "num", "no", "pk",
                                "resource", "object", "entity"}
# Parameters that select within a resource rather than identify one (`archive/{year}/{month}`).
SELECTOR_WORDS = frozenset(
    "year month day date time timestamp page version format lang language locale type kind size extension".split()
)
# Prefixes that make an ID an argument, not the target: `to_user_id`, `source_bucket_id`, `parent_id`.
ROLE_PREFIXES = frozenset(
    "to from source src target dest destination parent new old other related linked origin previous prev next".split()
)


@dataclass(frozen=True)
class Vocabulary:
    """A project's additions to the word lists (`[tool.aiplint.words]`): they shape the model every rule reads."""

    verbs: frozenset[str] = frozenset()  # action verbs of the API's domain (`provision`, `reindex`)
    nouns: frozenset[str] = frozenset()  # words never to read as verbs (`scale` where it is a resource)
    uncountable: frozenset[str] = frozenset()  # correct in the singular (`firmware`)
    plurals: Mapping[str, str] = field(default_factory=dict)  # singular -> plural (`person` -> `people`)
    id_words: frozenset[str] = frozenset()  # last words of ID parameter names besides id/uuid/guid (`sid`)


_extra = Vocabulary()


@contextmanager
def vocabulary(extra: Vocabulary) -> Iterator[None]:
    """Use a project's word lists for the duration of the block (one document's model and rules)."""
    global _extra
    previous, _extra = _extra, extra
    _clear_caches()
    try:
        yield
    finally:
        _extra = previous
        _clear_caches()


def _clear_caches() -> None:
    for cached in (noun_number, singular_of, plural_of):
        cached.cache_clear()


def is_id_word(word: str) -> bool:
    return word in ID_WORDS or word in _extra.id_words


_FILE_EXTENSION = re.compile(r"(?<=.)\.(json|xml|csv|ya?ml|txt|html?|pdf|zip|tar|gz)$", re.IGNORECASE)
_WORD_BOUNDARY = re.compile(r"[-_.~\s]+")
_CAMEL_HUMP = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")
_VERSION = re.compile(r"^v\d+(p\d+)?((alpha|beta|preview|rc|dev)\d*)?(\.\d+)*$", re.IGNORECASE)
_DATE_VERSION = re.compile(r"^\d{4}-\d{2}(-\d{2})?(-preview)?$")


def is_version(literal: str) -> bool:
    """`v1`, `v1alpha`, `v2beta1`, `v1p1beta1`, `v1.0` (reported elsewhere), and dated versions `2024-01-01`."""
    return bool(_VERSION.match(literal) or _DATE_VERSION.match(literal))


@lru_cache(maxsize=None)
def split_words(literal: str) -> tuple[str, ...]:
    """Split kebab, snake, dotted and camelCase literals into lower-case words: `setDefaultVersion` -> set, default, version."""
    words: list[str] = []
    literal = _FILE_EXTENSION.sub("", literal)
    for chunk in _WORD_BOUNDARY.split(literal):
        words.extend(hump.lower() for hump in _CAMEL_HUMP.findall(chunk))
    return tuple(words)


def compact(literal: str) -> str:
    """The literal's words run together (`tool_group`, `toolGroup`, `tool-group` and `toolgroup` agree)."""
    return "".join(split_words(literal))


@lru_cache(maxsize=None)
def noun_number(word: str, extra_uncountable: frozenset[str] = frozenset()) -> NounNumber:
    """Decide whether one lower-case word is a plural, singular or uncountable noun."""
    if len(word) <= 2 or not word.isalpha() or word in ACRONYMS:
        return "unknown"
    if word in extra_uncountable or word in _extra.uncountable or word in UNCOUNTABLE and word not in KNOWN_PLURAL:
        return "uncountable"
    if word in _extra.plurals:
        return "singular"
    if word in KNOWN_PLURAL or word in _extra.plurals.values():
        return "plural"
    if word in SINGULAR_S or _SINGULAR_S_SUFFIX.search(word):
        return "singular"
    singular = _inflect().singular_noun(word)
    if singular is False:
        return "singular"
    return "uncountable" if singular == word else "plural"


def head_word(literal: str) -> str | None:
    """The word that carries a literal's number: its last word, or the word before a preposition
    (`codes_of_conduct` -> `codes`)."""
    parts = split_words(literal)
    for index, word in enumerate(parts[1:], start=1):
        if word in PREPOSITIONS:
            return parts[index - 1]
    return parts[-1] if parts else None


def last_word_number(literal: str, extra_uncountable: frozenset[str] = frozenset()) -> NounNumber:
    """Noun number of a literal, read from its head word (`vector_stores` -> plural).  All-caps acronyms,
    participles and gerunds (`starred`, `following`: adjectives or mass nouns in URIs) are unknown."""
    head = head_word(literal)
    participle = head.endswith(("ed", "ing")) and not head.endswith("eed") if head else False
    if head is None or (literal.isupper() and len(literal) > 1) or participle or head in ID_WORDS:
        return "unknown"
    return noun_number(head, extra_uncountable)


@lru_cache(maxsize=None)
def singular_of(word: str) -> str:
    """Singular of a lower-case word; the word itself when it is not a plural."""
    if word in SINGULAR_S or noun_number(word) != "plural":
        return word
    for singular, plural in _extra.plurals.items():
        if plural == word:
            return singular
    if word in KNOWN_PLURAL:
        return {"people": "person", "children": "child", "men": "man", "women": "woman"}.get(word, word)
    return _inflect().singular_noun(word) or word


@lru_cache(maxsize=None)
def plural_of(word: str) -> str:
    """Plural of a lower-case singular word (never call it on a plural: inflect would coin a word)."""
    return _extra.plurals.get(word) or _inflect().plural_noun(word) or word


def stem(literal: str) -> str:
    """Compact singular form of a literal, for comparing `jobs`, `job`, `Job` and `job_uuid`'s stem `job`."""
    words = split_words(literal)
    if not words:
        return ""
    return "".join(words[:-1]) + singular_of(words[-1])


def pluralize_literal(literal: str) -> str:
    """Plural of a literal, keeping its separators and case: `vector_store` -> `vector_stores`, `apiKey` -> `apiKeys`."""
    words = split_words(literal)
    if not words:
        return literal
    last = words[-1]
    plural = plural_of(last)
    start = literal.lower().rfind(last)
    if start < 0:
        return literal
    original = literal[start : start + len(last)]
    if original.isupper():
        plural = plural.upper()
    elif original[:1].isupper():
        plural = plural[:1].upper() + plural[1:]
    return literal[:start] + plural + literal[start + len(last) :]


def is_verb(word: str) -> bool:
    return (word in VERBS or word in _extra.verbs) and word not in _extra.nouns


def action_part(literal: str) -> str:
    """The part of a literal that names an action: after a dotted namespace (`microsoft.graph.restore`,
    `chat.postMessage`), without a file extension."""
    base = _FILE_EXTENSION.sub("", literal)
    return base.rsplit(".", 1)[-1] or base


def leading_verb(literal: str) -> str | None:
    """The verb a literal is named after: the first word of its action part (`run-shield`, `list-tools`) or,
    for an adverb/object + verb phrase, its last word (`preference-optimize`, `supervised-fine-tune`)."""
    words = split_words(action_part(literal))
    if not words or words[0] in PREPOSITIONS or words[0] == "on":  # `on-notify`, `by-name`: a callback, a selector
        return None
    if is_verb(words[0]):
        return words[0]
    last = words[-1]
    if len(words) > 1 and is_verb(words[-2] + last):  # fine-tune
        return words[-2] + last
    if len(words) > 1 and is_verb(last) and last not in HOMOGRAPHS and last != "list":
        return last
    return None


def verb_leads(literal: str, verb: str) -> bool:
    """Whether the verb is the literal's first word (`run-shield`), not its last (`preference-optimize`)."""
    words = split_words(action_part(literal))
    return bool(words) and words[0] == verb


def subject(name: str) -> str | None:
    """The noun an identifier names, as a compact singular (`job_uuid` -> `job`, `countryCode` -> `country`,
    `pull_number` -> `pull`), None for a bare identifier (`id`, `name`, `key`), and "" for a selector that
    identifies nothing (`year`, `version`, `format`)."""
    words = list(split_words(name))
    generic = GENERIC_ID_WORDS | _extra.id_words
    if words and all(w in SELECTOR_WORDS or w in generic for w in words) and any(w in SELECTOR_WORDS for w in words):
        return ""  # `versionNumber`, `year`
    while words and words[-1] in generic:
        words.pop()
    if not words:
        return None
    return "".join(words[:-1]) + singular_of(words[-1])


def refers_to(literal: str, noun: str) -> bool:
    """Whether a literal names the thing an identifier's subject names, possibly qualified: `jobs`/`job`,
    `deployments`/`pagesdeployment`, `ad_campaign`/`campaign`, `runId`/`run`, `page`/`pagerange` (but not
    `get-user`/`user`: a verb phrase)."""
    words = [w for w in split_words(literal) if w not in ID_WORDS]
    if not words:
        return False
    own = "".join(words[:-1]) + singular_of(words[-1])
    if own == noun or noun.endswith(own) or noun.startswith(own) or own.startswith(noun):
        return True  # also `award_emoji`/`award`
    if own.endswith(noun):  # a qualified name, `ad_campaign`/`campaign`, but not a verb phrase, `get-user`/`user`
        verb = leading_verb(literal)
        return not (verb and verb_leads(literal, verb)) or noun_number(words[-1]) == "plural"  # `triggerRuns`
    return False


def _derived(head: str, tail: str) -> bool:
    """Whether cutting a word after `head` splits a derived word rather than two words."""
    return tail[0] in "aeiou" or tail.startswith(_DERIVED_STARTS) or (head.endswith("e") and tail[0] in "dsr")


def verb_compound(literal: str) -> str | None:
    """A verb glued to a plural noun in one lower-case word (`iterrows` = iter + rows); the verb, or None.

    Only used where other evidence says the literal is not the collection it appears to be, because many
    real nouns start with a verb (`checkpoints`, `settings`)."""
    if not literal.isalpha() or not literal.islower():
        return None
    for cut in range(4, len(literal) - 3):
        head, tail = literal[:cut], literal[cut:]
        if head in HOMOGRAPHS or _derived(head, tail):
            continue  # `streamsets`, `triggeredwebjobs`, `closedlists`, `attachments`: one word, not verb + noun
        if is_verb(head) and noun_number(tail) == "plural":
            return head
    return None


def names(literal: str, noun_stem: str) -> bool:
    """Whether a literal names the noun `noun_stem` (a compact singular): `jobs` and `job` name `job`,
    `run-shield` names `shield`, `vector_stores` names `vectorstore`."""
    parts = split_words(literal)
    return any("".join(parts[-k:-1]) + singular_of(parts[-1]) == noun_stem for k in range(1, len(parts) + 1))


def mentions(literal: str, noun_stem: str) -> bool:
    """Whether any run of a literal's words names `noun_stem`: `describe-app-version` mentions `app`,
    `admin.inviteRequests.deny` mentions `inviterequest`."""
    parts = split_words(literal)
    return any(
        "".join(parts[i : j - 1]) + singular_of(parts[j - 1]) == noun_stem
        for i in range(len(parts))
        for j in range(i + 1, len(parts) + 1)
    )


@lru_cache(maxsize=1)
def _inflect():
    """inflect's engine, imported on first use.

    inflect 7 decorates its methods with typeguard's `@typechecked`, which re-parses inflect's source at import
    (1.2 s measured here), and importing typeguard itself costs 25 ms (it pulls in asyncio and unittest.mock).
    The checks only validate argument types, which the callers above guarantee (non-empty alphabetic words),
    so inflect is imported with `typechecked` as the identity: from a stand-in module when typeguard is not
    loaded yet (removed again right after), or patched for the moment on the real one.
    """
    import sys
    import types

    def identity(target=None, **_):
        return target if target is not None else (lambda f: f)

    real = sys.modules.get("typeguard")
    if real is None:
        sys.modules["typeguard"] = types.SimpleNamespace(typechecked=identity)  # type: ignore[assignment]
    else:
        saved, real.typechecked = real.typechecked, identity
    try:
        import inflect
    finally:
        if real is None:
            del sys.modules["typeguard"]
        else:
            real.typechecked = saved
    return inflect.engine()
