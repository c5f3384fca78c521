"""The lexicon: every word decision aiplint makes, from one table of words and their tags.

Three data files feed it, read on first use:

- `data/words.txt`: the hand-kept lists, as `[tag]` sections (uncountable nouns, irregular plurals, verbs that are
  also URI nouns, mutating and reading verbs, ID words, ...);
- `data/wordnet.txt`: every English lemma WordNet 3.1 knows, by part of speech (see `scripts/build_lexicon.py`), so
  a verb nobody listed (`escalate`, `reconcile`, `hibernate`) is still a verb;
- `data/inflections.txt`: inflect's singular and plural of each of those words (`scripts/build_inflections.py`),
  so inflect, whose rules decide a noun's number when no list does, is imported only for a word outside them.

A project's `[tool.aiplint.words]` is an overlay of the same tables (`Lexicon.with_vocabulary`).  The lexicon
travels with the model (`ApiModel.lexicon`), never through module state, so documents with different
vocabularies can be linted at once.  Every decision is memoised per lexicon.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property, lru_cache
from types import MappingProxyType
from typing import Callable, Literal, Mapping

from aiplint.model.words import action_part, split_words

NounNumber = Literal["plural", "singular", "uncountable", "unknown"]
VerbKind = Literal["verb", "homograph", "named"]
"""How much evidence a word needs to be read as a verb in a path: `verb` none (`cancel`, `escalate`); `homograph`
a POST-only path item or the operation's name (`search`, `export`: also nouns in URIs); `named` the operation's
own name (`job`, `table`: nouns first)."""

_SINGULAR_S_SUFFIX = re.compile(r"(sis|xis|ss|ous|ius|eus)$")
# Endings that continue a verb into another word (`assign` + `ments`, `close` + `dlists`).
_DERIVED_STARTS = ("ment", "ing", "ion", "able", "ive", "ure")
_DATA = os.path.join(os.path.dirname(__file__), "data")
_MAPPINGS = frozenset(("plural-of", "synonym", "standard-http", "name-verb"))  # `word:value` sections
# A split of a lower-case run into words: at most this many words, each at most this long.
_MOST_SPLIT_WORDS = 3
_LONGEST_SPLIT_WORD = 24
_GLUED_ID = re.compile(r"^([a-z]{3,}?)(uuid|guid|id)$")
_NOUN_TAGS = ("uncountable", "plural", "singular-s", "attribute", "noun")
_WORDNET_VERB_KINDS: Mapping[str, VerbKind] = {"verb": "verb", "verb-noun": "homograph", "noun-verb": "named"}


@dataclass(frozen=True)
class Vocabulary:
    """A project's additions to the word lists (`[tool.aiplint.words]`): they shape the model every rule reads."""

    verbs: frozenset[str] = frozenset()  # action verbs of the API's domain (`provision`, `reindex`)
    nouns: frozenset[str] = frozenset()  # words never to read as verbs (`scale` where it is a resource)
    uncountable: frozenset[str] = frozenset()  # correct in the singular (`firmware`)
    plurals: tuple[tuple[str, str], ...] = ()  # (singular, plural) pairs (`person`, `people`)
    id_words: frozenset[str] = frozenset()  # last words of ID parameter names besides id/uuid/guid (`sid`)


def _read_sections(name: str) -> dict[str, str]:
    """A data file's `[section]` bodies, untokenised (a section is split only when it is first used)."""
    with open(os.path.join(_DATA, name), encoding="utf-8") as file:
        text = file.read()
    sections: dict[str, str] = {}
    for chunk in text.split("\n[")[1:]:
        title, _, body = chunk.partition("]\n")
        sections[title] = body
    return sections


def _tokens(body: str) -> list[str]:
    """The words of a section body, leaving out its `#` comment lines."""
    if "#" in body:
        body = "\n".join(line for line in body.split("\n") if not line.startswith("#"))
    return body.split()


@lru_cache(maxsize=1)
def _curated() -> Mapping[str, str]:
    return _read_sections("words.txt")


@lru_cache(maxsize=1)
def _wordnet() -> Mapping[str, str]:
    return _read_sections("wordnet.txt")


class _SortedWords:
    """A sorted word list searched by bisection: WordNet's sections are written sorted, and hashing their 77,000
    words into sets would cost more start-up than the few hundred lookups a run makes."""

    __slots__ = ("_words",)

    def __init__(self, words: list[str]):
        self._words = words

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        index = bisect_left(self._words, word)
        return index < len(self._words) and self._words[index] == word


@lru_cache(maxsize=None)
def _wordnet_section(name: str) -> _SortedWords:
    return _SortedWords(_tokens(_wordnet()[name]))


@lru_cache(maxsize=None)  # one per section: `mapping` is asked per operation and per candidate ID
def _pairs(body: str) -> Mapping[str, tuple[str, ...]]:
    found: dict[str, tuple[str, ...]] = {}
    for token in _tokens(body):
        key, _, value = token.partition(":")
        found[key] = found.get(key, ()) + (value,)
    return MappingProxyType(found)


@dataclass(frozen=True, eq=False)  # compared by identity: it keys its own memo tables
class Lexicon:
    vocabulary: Vocabulary = Vocabulary()

    @staticmethod
    @lru_cache(maxsize=None)
    def of(vocabulary: Vocabulary = Vocabulary()) -> Lexicon:
        """The lexicon with a project's vocabulary on top (one per vocabulary, so its memo tables are shared)."""
        return Lexicon(vocabulary)

    # -- the tables

    @cached_property
    def _tags(self) -> Mapping[str, frozenset[str]]:
        sections = {tag: frozenset(_tokens(body)) for tag, body in _curated().items() if tag not in _MAPPINGS}
        extra = self.vocabulary
        sections["uncountable"] = sections["uncountable"] | extra.uncountable
        sections["id-word"] = sections["id-word"] | extra.id_words
        sections["verb"] = (sections["verb"] | extra.verbs) - extra.nouns
        sections["homograph"] = sections["homograph"] - extra.verbs - extra.nouns
        return MappingProxyType(sections)

    @cached_property
    def _plural_of(self) -> Mapping[str, str]:
        table = {word: plurals[0] for word, plurals in _pairs(_curated()["plural-of"]).items()}
        table.update(dict(self.vocabulary.plurals))
        return MappingProxyType(table)

    @cached_property
    def _singular_of(self) -> Mapping[str, str]:
        return MappingProxyType({plural: singular for singular, plural in self._plural_of.items()})

    def words(self, tag: str) -> frozenset[str]:
        """Every word with a tag (`uncountable`, `verb`, `mutating-verb`, ...; see `data/words.txt`)."""
        return self._tags[tag]

    def has(self, word: str, tag: str) -> bool:
        return word in self._tags[tag]

    def mapping(self, tag: str) -> Mapping[str, tuple[str, ...]]:
        """A `word:value` section (`synonym`, `standard-http`), each word with its values."""
        return _pairs(_curated()[tag])

    # -- nouns

    @lru_cache(maxsize=None)
    def noun_number(self, word: str) -> NounNumber:
        """Whether one lower-case word is a plural, singular or uncountable noun."""
        if len(word) <= 2 or not word.isalpha() or self.has(word, "acronym"):
            return "unknown"
        if self.has(word, "uncountable"):
            return "uncountable"
        if word in self._plural_of and word not in self._singular_of:
            return "singular"
        if self.has(word, "plural") or word in self._singular_of:
            return "plural"
        if self.has(word, "singular-s") or _SINGULAR_S_SUFFIX.search(word):
            return "singular"
        singular = _singular_noun(word)
        if singular is False:
            return "singular"
        return "uncountable" if singular == word else "plural"

    @lru_cache(maxsize=None)
    def head_word(self, literal: str) -> str | None:
        """The word that carries a literal's number: its last word, or the word before a preposition
        (`codes_of_conduct` -> `codes`)."""
        parts = self.words_of(literal)
        for index, word in enumerate(parts[1:], start=1):
            if self.has(word, "preposition"):
                return parts[index - 1]
        return parts[-1] if parts else None

    @lru_cache(maxsize=None)
    def last_word_number(self, literal: str, extra_uncountable: frozenset[str] = frozenset(),
                         before_id: bool = False) -> NounNumber:
        """Noun number of a literal, read from its head word (`vector_stores` -> plural).  All-caps acronyms,
        participles and gerunds (`starred`, `following`: adjectives or mass nouns in URIs) are unknown, except
        a gerund that is a countable noun right before an ID (`/setting/{key}`, `/listing/{id}`, `/reward_earning/{id}`:
        `earnings` is a noun)."""
        head = self.head_word(literal)
        participle = head.endswith(("ed", "ing")) and not head.endswith("eed") if head else False
        if (participle and before_id and head is not None and head.endswith("ing")
                and (self.is_noun(head) or self.is_noun(head + "s"))):
            participle = False
        if head is None or (literal.isupper() and len(literal) > 1) or participle or self.has(head, "id-word"):
            return "unknown"
        if head in extra_uncountable:
            return "uncountable"
        return self.noun_number(head)

    @lru_cache(maxsize=None)
    def singular_of(self, word: str) -> str:
        """Singular of a lower-case word; the word itself when it is not a plural."""
        if self.has(word, "singular-s") or self.noun_number(word) != "plural":
            return word
        if word in self._singular_of:
            return self._singular_of[word]
        if self.has(word, "plural"):
            return word
        return _singular_noun(word) or word

    @lru_cache(maxsize=None)
    def plural_of(self, word: str) -> str:
        """Plural of a lower-case singular word (never call it on a plural: inflect would coin a word)."""
        return self._plural_of.get(word) or _plural_noun(word) or word

    @lru_cache(maxsize=None)
    def stem(self, literal: str) -> str:
        """Compact singular form of a literal, for comparing `jobs`, `job`, `Job` and `job_uuid`'s stem `job`."""
        parts = split_words(literal)
        return "".join(parts[:-1]) + self.singular_of(parts[-1]) if parts else ""

    def pluralize_literal(self, literal: str) -> str:
        """Plural of a literal, keeping its separators and case: `vector_store` -> `vector_stores`,
        `apiKey` -> `apiKeys`."""
        return _last_word_replaced(literal, self.plural_of)

    def listed_noun(self, literal: str) -> str | None:
        """The noun a literal names a list of (`userlist`, `user_list`, `UserList` -> `user`, `user`, `User`), as
        written; None when it names no list of something."""
        parts = self.words_of(literal)
        if len(parts) < 2 or parts[-1] != "list" or not literal.lower().endswith("list"):
            return None
        return literal[: -len("list")].rstrip("_-.")

    def parent_named_after(self, literal: str, stem: str) -> str | None:
        """The words a collection's literal lists, as written, where it names the parent `stem` after a
        preposition of a parent (`vehicles-for-stop`, `VehiclesForStop` and `stop` -> `vehicles`, `Vehicles`); None
        where it names no such parent."""
        parts = self.words_of(literal)
        at = next((i for i, word in enumerate(parts) if self.has(word, "parent-preposition")), 0)
        if not at or not self.mentions("-".join(parts[at + 1 :]), stem):
            return None
        word = parts[at]
        cut = min((i for i in (literal.find(f"{sep}{word}{sep}") for sep in "-_.") if i > 0), default=-1)
        cut = cut if cut > 0 else literal.find(word.capitalize())
        return literal[:cut] if cut > 0 else literal

    def singularize_literal(self, literal: str) -> str:
        """Singular of a literal, keeping its separators and case: `scoring-functions` -> `scoring-function`."""
        return _last_word_replaced(literal, self.singular_of)

    # -- verbs

    @lru_cache(maxsize=None)
    def verb_kind(self, word: str) -> VerbKind | None:
        """How readily a word is a verb (see `VerbKind`): the project's words first, then the curated lists,
        then WordNet (verb only: `verb`; verb mostly: `homograph`; noun mostly: `named`)."""
        if word in self.vocabulary.nouns:
            return None
        if self.has(word, "homograph"):
            return "homograph"
        if self.has(word, "verb"):
            return "verb"
        if self.has(word, "noun"):
            return "named"
        for section, kind in _WORDNET_VERB_KINDS.items():
            if word in _wordnet_section(section):
                return kind
        return self._derived_verb_kind(word)

    def _derived_verb_kind(self, word: str) -> VerbKind | None:
        """Verbs no list has, made of one that is: a prefix on a verb, of the same kind (`unpause` like `pause`,
        `untag` like `tag`, `reblog` like `blog`), or a verb and its particle, nouns first (`backup`, `poweron`)."""
        if len(word) < 5 or not word.isalpha():
            return None
        if word.startswith(("un", "re")) and not self.is_noun(word):
            kind = self.verb_kind(word[2:])
            if kind is not None:
                return kind  # `untag` like `tag`, `reblog` like `blog`
        for particle in self.words("particle"):
            head = word[: -len(particle)]
            if word.endswith(particle) and len(head) >= 3 and self.verb_kind(head) is not None:
                return "named"
        return None

    def is_verb(self, word: str) -> bool:
        """A verb that needs no further evidence (`cancel`, `escalate`)."""
        return self.verb_kind(word) in ("verb", "homograph")

    def changes_state(self, verb: str) -> bool:
        """A verb that changes what it acts on (`cancel`, `archive`), also with a prefix (`unset`, `reapply`)."""
        return self.has(verb, "mutating-verb") or (
            verb.startswith(("un", "re")) and len(verb) > 4 and self.has(verb[2:], "mutating-verb"))

    def listed_verb(self, word: str) -> bool:
        """A verb of the curated lists or the project's, as opposed to one only WordNet knows (`recall`, `issue`)."""
        return (self.has(word, "verb") or self.has(word, "homograph")) and word not in self.vocabulary.nouns

    def is_homograph(self, word: str) -> bool:
        return self.verb_kind(word) == "homograph"

    @lru_cache(maxsize=None)
    def is_word(self, word: str) -> bool:
        """Whether WordNet or the curated lists know the word at all (any part of speech)."""
        return self.verb_kind(word) is not None or word in _wordnet_section("other") or self.is_noun(word)

    @lru_cache(maxsize=None)
    def is_noun(self, word: str) -> bool:
        """Whether the word can be a noun (WordNet, or a curated noun list)."""
        return (word in _wordnet_section("noun") or word in _wordnet_section("noun-verb")
                or word in _wordnet_section("verb-noun") or any(self.has(word, t) for t in _NOUN_TAGS))

    @lru_cache(maxsize=None)
    def segment(self, piece: str) -> tuple[str, ...]:
        """A lower-case run of words split into them (`purgecache` -> purge, cache; `startall` -> start, all;
        `deletedstorage` -> deleted, storage) when it is not a word itself: the fewest known words of three
        letters or more, the longest first word on a tie (`start all`, not `star tall`)."""
        # Only splits of up to _MOST_SPLIT_WORDS words are used, so a longer piece has none; bounding both keeps
        # the work and the memo tables linear in a hostile path (one segment of 80,000 letters).
        if not 6 <= len(piece) <= _MOST_SPLIT_WORDS * _LONGEST_SPLIT_WORD or not piece.isalpha() or self._known(piece):
            return (piece,)
        best: list[tuple[str, ...] | None] = [()] + [None] * len(piece)
        for end in range(3, len(piece) + 1):
            for start in range(max(0, end - _LONGEST_SPLIT_WORD), end - 2):
                head = best[start]
                if head is None or len(head) == _MOST_SPLIT_WORDS or not self._known(piece[start:end]):
                    continue
                found = head + (piece[start:end],)
                current = best[end]
                if current is None or _split_rank(found) < _split_rank(current):
                    best[end] = found
        return best[-1] or (piece,)

    @lru_cache(maxsize=None)
    def _known(self, word: str) -> bool:
        """A word, or an inflection of one (`points`, `deleted`, `running`, `embeddings`)."""
        # The word's own forms first: most are words, and their singular costs an inflect call (~50 us each).
        return (any(self.is_word(form) for form in _base_forms(word))
                or any(self.is_word(form) for form in _base_forms(self.singular_of(word))))

    @lru_cache(maxsize=None)
    def words_of(self, literal: str) -> tuple[str, ...]:
        """`split_words`, with lower-case runs of words split too (`purge_cache`, `purgecache`, `purgeCache`
        agree)."""
        return tuple(word for piece in split_words(literal) for word in self.segment(piece))

    @lru_cache(maxsize=None)
    def leading_verb(self, literal: str) -> str | None:
        """The verb a literal is named after: the first word of its action part (`run-shield`, `list-tools`,
        `renamefile`) or, for an adverb/object + verb phrase, its last word (`preference-optimize`,
        `supervised-fine-tune`, `counters-reset`)."""
        parts = self.words_of(action_part(literal))
        if not parts or self.has(parts[0], "preposition") or parts[0] == "on":  # `on-notify`, `by-name`
            return None
        if len(parts) > 1:  # `new_releases`, `whats-new`: a verb only alone qualifies the noun
            parts = tuple(word for word in parts if not self.has(word, "alone-verb"))
            if not parts:
                return None
        if self.is_verb(parts[0]):
            return parts[0]
        if len(parts) > 1 and self.is_verb(parts[-2] + parts[-1]):  # fine-tune
            return parts[-2] + parts[-1]
        # an object before its verb (`counters-reset`) or a verb inside a phrase (`cache-set-ttl`); `price-list`
        # and `live_feed_items` (ending in a plural) are nouns, and the model asks more evidence of a verb that
        # does not lead
        if self.noun_number(parts[-1]) == "plural":
            return None
        return next((word for word in reversed(parts[1:]) if word != "list" and self.is_verb(word)), None)

    def lookup_key(self, literal: str) -> str | None:
        """The key a literal looks one thing up by: `by-name` -> `name`, `ByEmail` -> `email`, and glued in lower
        case `byurl` -> `url` (not `bypass`, `bytes`: words of their own); None for any other literal."""
        parts = self.words_of(action_part(literal))
        if len(parts) > 1 and parts[0] == "by":
            return "".join(parts[1:])
        lower = literal.lower()
        glued = len(parts) == 1 and lower.startswith("by") and len(lower) > 4
        return lower[2:] if glued and self.is_word(lower[2:]) and not self.is_word(lower) else None

    def verb_leads(self, literal: str, verb: str) -> bool:
        """Whether the verb is the literal's first word (`run-shield`), not its last (`preference-optimize`)."""
        parts = self.words_of(action_part(literal))
        return bool(parts) and parts[0] == verb

    def verb_compound(self, literal: str) -> str | None:
        """A verb glued to a plural noun in one lower-case word (`iterrows` = iter + rows); the verb, or None.

        Only used where other evidence says the literal is not the collection it appears to be, because many
        real nouns start with a verb (`checkpoints`, `settings`)."""
        if not literal.isalpha() or not literal.islower():
            return None
        for cut in range(4, len(literal) - 3):
            head, tail = literal[:cut], literal[cut:]
            if self.is_homograph(head) or _derived(head, tail):
                continue  # `streamsets`, `triggeredwebjobs`, `closedlists`, `attachments`: one word, not verb + noun
            if self.verb_kind(head) == "verb" and self.noun_number(tail) == "plural":
                return head
        return None

    # -- identifiers

    def is_id_word(self, word: str) -> bool:
        return self.has(word, "id-word")

    def id_stem(self, name: str, resources: frozenset[str] = frozenset()) -> str | None:
        """The resource a parameter name identifies (`job_uuid` -> `job`, `toolGroupId` -> `toolgroup`, `id` -> ``),
        or None when the name is not a single resource ID (`ids`, `after`), or names a request, a trace or a session
        (`request_id`) that is not one of the API's `resources` (Etherpad's `sessionID` where `createSession`
        exists is one)."""
        stem = self._id_noun(name)
        return None if stem is not None and self.has(stem, "non-resource-id") and stem not in resources else stem

    @lru_cache(maxsize=None)
    def _id_noun(self, name: str) -> str | None:
        parts = self._unqualified(split_words(name))
        if len(parts) == 1 and not self.is_id_word(parts[0]):
            return self._glued_id_stem(parts[0])
        if len(parts) > 1 and parts[0] == "id" and not self.is_id_word(parts[-1]):
            # the ID word first (Trello's `idCard`, `idChoreList`): the noun after it, one of them
            return None if name.endswith(("s", "S")) else "".join(parts[1:])
        if not parts or not self.is_id_word(parts[-1]):
            return None
        if name.endswith(("s", "S")) and not name.endswith(("ss", "SS")):
            return None  # ids, job_ids, jobIDs
        return "".join(parts[:-1])

    def _unqualified(self, parts: tuple[str, ...]) -> tuple[str, ...]:
        """An ID's words without the adjective that says what kind of ID it is: `external_id`, `unique_identifier`
        -> `id` (bare `identifier` stays a generic key: Netbox's `identifier` is a VPN's number, not its ID)."""
        if (len(parts) == 2 and self.has(parts[0], "id-qualifier")
                and (self.is_id_word(parts[1]) or parts[1] == "identifier")):
            return ("id",)
        return parts

    def _glued_id_stem(self, word: str) -> str | None:
        """`jobid` -> `job`, `docuuid` -> `doc`: a noun glued to an ID word, when the whole is not a word itself
        (`fluid`, `valid`, `rapid`)."""
        match = _GLUED_ID.match(word)
        if match is None or self.has(match.group(1), "non-resource-id") or self.is_word(word):
            return None
        return match.group(1) if self.is_noun(match.group(1)) else None

    @lru_cache(maxsize=None)
    def key_parts(self, name: str) -> tuple[str, ...]:
        """A key's words (`split_words`), a noun glued to `name` split from it (`teamname` -> team, name;
        `username`), unless the whole is a word (`nickname`, `filename`)."""
        parts = split_words(name)
        glued = self.words_of(parts[0]) if len(parts) == 1 else ()
        return glued if len(glued) == 2 and glued[1] == "name" else parts

    @lru_cache(maxsize=None)
    def subject(self, name: str) -> str | None:
        """The noun an identifier names, as a compact singular (`job_uuid` -> `job`, `countryCode` -> `country`,
        `pull_number` -> `pull`), None for a bare identifier (`id`, `name`, `key`), and "" for a selector that
        identifies nothing (`year`, `version`, `format`)."""
        parts = list(self.key_parts(name))
        generic = self.words("generic-id") | self.words("id-word")
        selector = self.words("selector")
        if parts and all(w in selector or w in generic for w in parts) and any(w in selector for w in parts):
            return ""  # `versionNumber`, `year`
        while parts and parts[-1] in generic:
            parts.pop()
        if not parts:
            return None
        return "".join(parts[:-1]) + self.singular_of(parts[-1])

    def refers_to(self, literal: str, noun: str) -> bool:
        """Whether a literal names the thing an identifier's subject names, possibly qualified: `jobs`/`job`,
        `deployments`/`pagesdeployment`, `ad_campaign`/`campaign`, `runId`/`run`, `page`/`pagerange` (but not
        `get-user`/`user`: a verb phrase)."""
        parts = [w for w in self.words_of(literal) if not self.is_id_word(w)]
        if not parts:
            return False
        own = "".join(parts[:-1]) + self.singular_of(parts[-1])
        if own == noun or noun.endswith(own) or noun.startswith(own) or own.startswith(noun):
            return True  # also `award_emoji`/`award`
        if len(parts) > 1 and noun.startswith(parts[-1]) and noun != parts[-1]:
            return True  # a qualified mass noun for what the ID names: `deletedstorage`/`storageaccount`
        if own.endswith(noun):  # a qualified name, `ad_campaign`/`campaign`, but not a verb phrase, `get-user`/`user`
            verb = self.leading_verb(literal)
            if not (verb and self.verb_leads(literal, verb)):
                return True
            # `triggerRuns` names runs, but a standard method's phrase is an action: `GetBuilds`
            return self.noun_number(parts[-1]) == "plural" and not self.has(verb, "standard-verb")
        return False

    def names(self, literal: str, noun_stem: str) -> bool:
        """Whether a literal names the noun `noun_stem` (a compact singular): `jobs` and `job` name `job`,
        `run-shield` names `shield`, `vector_stores` names `vectorstore`."""
        parts = split_words(literal)
        return any("".join(parts[-k:-1]) + self.singular_of(parts[-1]) == noun_stem for k in range(1, len(parts) + 1))

    def mentions(self, literal: str, noun_stem: str, arguments: bool = True) -> bool:
        """Whether any run of a literal's words names `noun_stem`: `describe-app-version` mentions `app`,
        `admin.inviteRequests.deny` mentions `inviterequest`.  Without `arguments`, only the words before a
        preposition count: `estimate-shipping-methods-by-address-id` does not mention `address` as what it acts
        on, only as an argument."""
        parts = self.words_of(literal)
        if not arguments:  # `byUser` names no object: what follows a preposition is an argument
            parts = parts[: next((i for i, w in enumerate(parts) if self.has(w, "preposition")), len(parts))]
        return any(
            "".join(parts[i : j - 1]) + self.singular_of(parts[j - 1]) == noun_stem
            for i in range(len(parts))
            for j in range(i + 1, len(parts) + 1)
        )


def _base_forms(word: str) -> set[str]:
    """The word and what it may inflect (`deleted` -> delete, `running` -> run, `embedding` -> embed)."""
    forms = {word}
    for ending in ("ing", "ed"):
        if word.endswith(ending):
            stem = word[: -len(ending)]
            forms |= {stem, stem + "e"} | ({stem[:-1]} if len(stem) > 3 and stem[-1] == stem[-2] else set())
    return {form for form in forms if len(form) > 2}


def _derived(head: str, tail: str) -> bool:
    """Whether cutting a word after `head` splits a derived word rather than two words."""
    return tail[0] in "aeiou" or tail.startswith(_DERIVED_STARTS) or (head.endswith("e") and tail[0] in "dsr")


def _singular_noun(word: str) -> str | Literal[False]:
    """inflect's `singular_noun`: False for a word it does not read as a plural."""
    row = _inflections().row(word)
    if row is None:
        return _inflect().singular_noun(word)
    singular = row.split(" ", 1)[0]
    return False if singular == "-" else _from_word(word, singular)


def _plural_noun(word: str) -> str:
    """inflect's `plural_noun`."""
    row = _inflections().row(word)
    return _inflect().plural_noun(word) if row is None else _from_word(word, row.split(" ", 1)[1])


def _from_word(word: str, change: str) -> str:
    """An answer of `data/inflections.txt`: letters dropped from the word's end, then letters added (`1ies`)."""
    digits = len(change) - len(change.lstrip("0123456789"))
    return word[: len(word) - int(change[:digits])] + change[digits:]


class _SortedLines:
    """A text of sorted `key rest` lines searched by bisection over its characters, so that a table of 130,000
    lines costs one file read at start-up instead of a dictionary built line by line."""

    __slots__ = ("_text",)

    def __init__(self, text: str):
        self._text = text

    def row(self, key: str) -> str | None:
        """The rest of the key's line, or None."""
        text, low, high = self._text, 0, len(self._text)
        while low < high:  # both always at the start of a line (or the end of the text)
            start = text.rfind("\n", 0, (low + high) // 2) + 1
            end = text.find("\n", start)
            found, _, rest = text[start:end].partition(" ")
            if found == key:
                return rest
            if found < key:
                low = end + 1
            else:
                high = start
        return None


@lru_cache(maxsize=1)
def _inflections() -> _SortedLines:
    """inflect's answers for the words of the lexicon's data (see `scripts/build_inflections.py`)."""
    with open(os.path.join(_DATA, "inflections.txt"), encoding="utf-8") as file:
        text = file.read()
    return _SortedLines(text[text.index("\n") + 1 :])  # after the header line


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


def _split_rank(words: tuple[str, ...]) -> tuple[int, list[int]]:
    """How good a split of a literal into words is (lower is better): fewer words, then longer ones first."""
    return len(words), [-len(w) for w in words]


def _last_word_replaced(literal: str, inflect: Callable[[str], str]) -> str:
    """The literal with its last word inflected, its separators and case kept (`apiKey` -> `apiKeys`)."""
    parts = split_words(literal)
    if not parts:
        return literal
    last = parts[-1]
    start = literal.lower().rfind(last)
    if start < 0:
        return literal
    changed = inflect(last)
    original = literal[start : start + len(last)]
    if original.isupper():
        changed = changed.upper()
    elif original[:1].isupper():
        changed = changed[:1].upper() + changed[1:]
    return literal[:start] + changed + literal[start + len(last) :]
