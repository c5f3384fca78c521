"""Segment roles, read directly from the model: a table of paths (with their siblings) and the role of every segment."""

from __future__ import annotations

import json

import pytest
from rules._kit import spec

from aiplint.model import ApiModel, Role
from aiplint.read.document import open_document

V, P, N, C, S, A, X, W = (Role.VERSION, Role.PARAM, Role.NAMESPACE, Role.COLLECTION, Role.SINGLETON, Role.ALIAS,
                          Role.CUSTOM_VERB, Role.WELL_KNOWN)


def roles(paths: dict, key: str) -> list[Role]:
    api = ApiModel.build(open_document("roles.json", text=json.dumps(spec(paths))))
    return [seg.role for seg in next(item for item in api.paths if item.key == key).segments]


ROLES = [
    # (paths: the key under test first, its siblings after; methods), expected roles of the first key's segments
    ({"/v1/jobs/{job_id}": "get"}, [V, C, P]),
    ({"/v1/version": "get"}, [V, W]),
    ({"/v1/chat/completions": "post"}, [V, N, C]),
    ({"/v1/files/{file_id}/content": "get"}, [V, C, P, S]),
    ({"/v1/jobs/{job_id}/cancel": "post"}, [V, C, P, X]),
    ({"/v1/jobs/{job_id}:cancel": "post"}, [V, C, P, X]),
    ({"/v1/books:batchGet": "get"}, [V, C, X]),
    ({"/v1/users/me": "get", "/v1/users/{user_id}": "get"}, [V, C, A]),
    ({"/v1/publishers/-/books": "get", "/v1/publishers/{publisher}": "get"}, [V, C, A, C]),
    ({"/v1alpha/post-training/job/status": "get", "/v1alpha/post-training/jobs": "get"}, [V, N, N, S]),
    ({"/v1/jobs/status": "get", "/v1/jobs/{job_id}": "get"}, [V, C, A]),
    ({"/v1/vector-io/insert": "post"}, [V, N, X]),
    ({"/v1/graders/run": "post"}, [V, C, X]),
    ({"/swarm/join": "post", "/swarm": "get"}, [S, X]),
    ({"/health": "get"}, [W]),
    ({"/_ping": "get"}, [W]),
    ({"/.well-known/openid-configuration": "get"}, [W, W]),
    ({"/auth/password/reset": "post"}, [W, W, W]),  # a sign-in flow's endpoints follow their protocol
    ({"/auth/admin/realms/{realm}/users": "get"}, [N, N, C, P, C]),  # with a parameter after it, an API of its own
    ({"/#Action=DeleteQueue": "post"}, [X]),
    ({"/{AccountNumber}/{QueueName}/#Action=DeleteMessage": "get"}, [P, P, X]),
    ({"/{AccountNumber}/{QueueName}/#Action=ChangeMessageVisibility": "get"}, [P, P, X]),  # the key says action
    ({"/v1/messages/{id}/trash": "post"}, [V, C, P, X]),  # mostly a noun, but nothing reads it: an action
    ({"/v1/messages/{id}/trash": "get delete"}, [V, C, P, S]),
    ({"/messages/content.json": "post", "/messages/send.json": "post"}, [N, S]),  # a mass noun is no action
    ({"/v1/images/search": "get"}, [V, C, X]),  # a reading verb alone after a collection
    ({"/v1/pet/findByStatus": "get", "/v1/pet/{petId}": "get"}, [V, C, X]),
    ({"/v1/append-rows/{dataset_id}": "post"}, [V, C, P]),  # a verb in collection position stays `collection`
    ({"/v1/shipping_rate/{country}/{zone}": "get"}, [V, C, P, P]),
]


@pytest.mark.parametrize("paths, expected", ROLES, ids=[next(iter(p)) + " " + " ".join(p.values()).split()[0]
                                                         for p, _ in ROLES])
def test_segment_roles(paths, expected):
    assert roles(paths, next(iter(paths))) == expected


def test_a_verb_in_collection_position_carries_its_verb():
    api = ApiModel.build(open_document("roles.json", text=json.dumps(spec({"/v1/append-rows/{dataset_id}": "post"}))))
    assert [seg.verb for seg in api.paths[0].segments] == [None, "append", None]


def test_role_predicates():
    assert [r for r in Role if r.identifies] == [P, A]
    assert [r for r in Role if r.is_resource] == [P, C, S]
    assert [r for r in Role if r.is_thing] == [C, S]
    assert [r for r in Role if r.is_noun] == [N, C, S]


def test_the_lexicon_travels_with_the_model():
    from aiplint.model.lexicon import Lexicon, Vocabulary

    document = open_document("roles.json", text=json.dumps(spec({"/v1/widgets/{widget_id}/frobnicate": "get"})))
    plain, project = ApiModel.build(document), ApiModel.build(document, Lexicon.of(Vocabulary(verbs=frozenset({"frobnicate"}))))
    assert plain.paths[0].segments[-1].role is S and project.paths[0].segments[-1].role is X
    assert plain.lexicon is Lexicon.of() and project.lexicon is not plain.lexicon
