"""aip122/plural-collection: singular collection identifiers are flagged; uncountables, versions, namespaces,
aliases and singletons are not."""

import pytest

from .._kit import Case, Expected, assert_findings, check_case, fixture, ids, lint, op, params, position_of, spec

RULE = "aip122/plural-collection"


def E(path: str, word: str, suggestion: str) -> Expected:
    return Expected(None, path, f"collection identifier `{word}` is singular", suggestion)


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE)
    assert_findings(
        findings,
        [
            E("/v1/agents/{agent_id}/session/{session_id}", "session", "/v1/agents/{agent_id}/sessions/{session_id}"),
            E("/v1/status/{id}", "status", "/v1/statuses/{id}"),
            E("/v1/alias/{id}", "alias", "/v1/aliases/{id}"),
            E("/v1/book:batchGet", "book", "/v1/books:batchGet"),
            # `analysis` is one collection used by two paths: reported once, on the first.
            E("/v1/analysis", "analysis", "/v1/analyses"),
        ],
    )
    first = next(f for f in findings if f.path == "/v1/agents/{agent_id}/session/{session_id}")
    assert (first.line, first.column) == position_of(fixture(RULE, "bad.yaml"), "/v1/agents/{agent_id}/session/")
    assert all(f.severity.value == "error" for f in findings)
    analysis = next(f for f in findings if f.path == "/v1/analysis")
    assert "(in 2 paths)" in analysis.message
    assert [(r.path, r.line) for r in analysis.related] == [
        ("/v1/analysis/{analysis_id}", position_of(fixture(RULE, "bad.yaml"), "/v1/analysis/{analysis_id}")[0])]
    assert first.related == ()


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE) == []


def one(path: str, methods: str = "get") -> dict:
    return spec({path: methods})


SUMMARY = {"type": "object", "properties": {"id": {"type": "string"}, "total": {"type": "integer"}}}


def _returns(schema: dict) -> dict:
    return {"200": {"description": "OK", "content": {"application/json": {"schema": schema}}}}


def _required_query(name: str) -> dict:
    return {"name": name, "in": "query", "required": True, "schema": {"type": "string"}}


def _calls(*names: str, reads_only: bool = False) -> dict:
    """An RPC API of `noun.verb.json` calls (api2cart's), each taking its noun's bare `id` where it acts on one."""
    verbs = ("get", "search", "list") if reads_only else ("add", "info", "delete", "list")
    paths = {}
    for noun in names:
        for verb in verbs:
            method = {"add": "post", "delete": "delete"}.get(verb, "get")
            paths[f"/{noun}.{verb}.json"] = {method: op(*([_required_query("id")] if verb in ("info", "get", "delete")
                                                          else []))}
    return spec(paths)


CASES = [
    Case("positive", "an RPC API's calls named after a noun in the singular that it makes and deletes (api2cart)",
         _calls("product", "webhook", "customer"),
         [Expected(None, "/product.add.json", "collection identifier `product` is singular", "/products.add.json"),
          Expected(None, "/webhook.add.json", "collection identifier `webhook` is singular", "/webhooks.add.json"),
          Expected(None, "/customer.add.json", "collection identifier `customer` is singular",
                   "/customers.add.json")]),
    Case("negative", "a catalogue the API only reads (musixmatch's track.get)", _calls("track", "album", "artist",
                                                                                      reads_only=True), []),
    Case("positive", "a member written as its plural's singular before its ID (Doppler): dropped", spec({
        "/v3/workplace/roles": "get", "/v3/workplace/roles/role/{role}": "get patch delete"}),
         [Expected(None, "/v3/workplace/roles/role/{role}", "`role` repeats `roles` where the member's ID belongs",
                   "/v3/workplace/roles/{role}")]),
    Case("positive", "a member literal ending its path beside the list: its key takes its place, not the list's path",
         spec({"/v3/projects": "get", "/v3/projects/project": {"get": op(_required_query("project")),
                                                                "delete": op(_required_query("project"))}}),
         [Expected(None, "/v3/projects/project", "`project` repeats `projects`", "/v3/projects/{project}")]),
    Case("positive", "the same before a custom verb (NDHM's links/link/confirm)", one("/v0.5/links/link/confirm",
                                                                                     "post"),
         [Expected(None, "/v0.5/links/link/confirm", "`link` repeats `links`", "/v0.5/links/confirm")]),
    Case("negative", "a standard verb after its plural names the call (Twitter's lists/list.json)",
         one("/lists/list.json"), []),
    Case("positive", "singular collection before an ID (session)", one("/v1/agents/{agent_id}/session/{session_id}"),
         [E("/v1/agents/{agent_id}/session/{session_id}", "session", "/v1/agents/{agent_id}/sessions/{session_id}")]),
    Case("positive", "status is a singular ending in -s", one("/v1/status/{id}"),
         [E("/v1/status/{id}", "status", "/v1/statuses/{id}")]),
    Case("positive", "alias is a singular ending in -s", one("/v1/alias/{id}"),
         [E("/v1/alias/{id}", "alias", "/v1/aliases/{id}")]),
    Case("positive", "analysis is a singular ending in -s", one("/v1/analysis/{id}"),
         [E("/v1/analysis/{id}", "analysis", "/v1/analyses/{id}")]),
    Case("positive", "collection-level custom method", one("/v1/book:batchGet", "post"),
         [E("/v1/book:batchGet", "book", "/v1/books:batchGet")]),
    Case("positive", "camelCase collection keeps its case", one("/v1/apiKey/{key_id}"),
         [E("/v1/apiKey/{key_id}", "apiKey", "/v1/apiKeys/{key_id}")]),
    Case("positive", "inventory without the uncountable option", one("/v1/inventory/{id}"),
         [E("/v1/inventory/{id}", "inventory", "/v1/inventories/{id}")]),
    Case("negative", "inventory declared uncountable by option", one("/v1/inventory/{id}"), [],
         options={"uncountable": ["inventory"]}),
    Case("negative", "plural collections", spec({"/v1/agents/{agent_id}/sessions/{session_id}": "get"}), []),
    Case("positive", "a qualified name for the ID's noun", one("/v1/ad_campaign/{campaign_id}"),
         [E("/v1/ad_campaign/{campaign_id}", "ad_campaign", "/v1/ad_campaigns/{campaign_id}")]),
    Case("negative", "a parameter identifying another noun", one("/v1/Finance/Iban/{countryCode}"), []),
    Case("negative", "a selector parameter", one("/v1/archive/{year}"), []),
    Case("negative", "a selector the literal is named after, only read", one("/v1/thumbnail/{size}"), []),
    Case("positive", "a noun and its complement: the noun is counted", one("/v1/unit-of-measure/{id}"),
         [E("/v1/unit-of-measure/{id}", "unit-of-measure", "/v1/units-of-measure/{id}")]),
    Case("positive", "a camelCase noun and its complement", one("/v1/areaOfLaw/{id}"),
         [E("/v1/areaOfLaw/{id}", "areaOfLaw", "/v1/areasOfLaw/{id}")]),
    Case("negative", "a lookup by a key (sportsdata's FantasyDefenseByGame)", one("/v3/FantasyDefenseByGame/{id}"), []),
    Case("negative", "an attribute of the complement's thing (smart-me)", one("/api/TariffsStatusForProperty/{id}"),
         []),
    Case("positive", "a selector the literal is named after, deleted and changed: members (IllumiDesk)",
         one("/v1/servers/server-size/{size}", "get patch delete"),
         [E("/v1/servers/server-size/{size}", "server-size", "/v1/servers/server-sizes/{size}")]),
    Case("negative", "an attribute of the thing the ID names", one("/v1/media-pipeline-status/{identifier}"), []),
    Case("negative", "an acronym", one("/StopPoint/Sms/{id}"), []),
    Case("negative", "a value, not an ID", spec({"/comments/{comment}/status/{status}": {"put": op(
        {"name": "status", "in": "path", "required": True, "schema": {"type": "string", "enum": ["open", "closed"]}},
        {"name": "comment", "in": "path", "required": True, "schema": {"type": "string"}})}}), []),
    Case("negative", "a terminal literal whose sibling addresses another noun",
         spec({"/v1/import/status": "get", "/v1/import/status/{importUuid}": "get"}), []),
    Case("negative", "a state at a checkpoint, also on the path that continues it (LangGraph)", spec({
        "/threads/{thread_id}/state/checkpoint": "post", "/threads/{thread_id}/state/{checkpoint_id}": "get"}), []),
    Case("negative", "a lookup by a key", one("/v1/extraction-agents/by-name/{name}"), []),
    Case("negative", "a kind of the plural before it (authentik's providers)", one("/providers/ldap/{id}"), []),
    Case("negative", "a kind of the plural before a grouping the API has without it (authentik's admin view)",
         spec({"/authenticators/admin/duo/{id}": "get", "/authenticators/duo/{id}": "get"}), []),
    Case("positive", "the same without the path beside it (Cisco's /advisories/cvrf/advisory/{id})",
         one("/advisories/cvrf/advisory/{id}"),
         [E("/advisories/cvrf/advisory/{id}", "advisory", "/advisories/cvrf/advisories/{id}")]),
    Case("positive", "a singular under a singular grouping is no kind of anything", one("/admin/duo/{id}"),
         [E("/admin/duo/{id}", "duo", "/admin/duos/{id}")]),
    Case("negative", "a kind whose ID names the plural's members", one("/policies/reputation/{policy_uuid}"), []),
    Case("positive", "a singular after a plural whose own ID it is", one("/api/v1/timelines/tag/{tag_id}"),
         [E("/api/v1/timelines/tag/{tag_id}", "tag", "/api/v1/timelines/tags/{tag_id}")]),
    Case("negative", "namespace chat/completions", one("/v1/chat/completions", "post"), []),
    Case("negative", "namespace post-training", spec({
        "/v1/post-training/jobs": "get", "/v1/post-training/jobs/{job_uuid}": "get"}), []),
    Case("negative", "singleton files/{file_id}/content", spec({
        "/v1/files/{file_id}/content": "get", "/v1/files/{file_id}": "get"}), []),
    Case("negative", "singleton jobs/{id}/status", spec({"/v1/jobs/{id}/status": "get", "/v1/jobs/{id}": "get"}), []),
    Case("negative", "uncountable data", one("/v1/data/{key}"), []),
    Case("negative", "uncountable metadata", one("/v1/metadata/{key}"), []),
    Case("negative", "uncountable health", one("/v1/health/{check_id}"), []),
    Case("negative", "uncountable info", one("/v1/info/{key}"), []),
    Case("negative", "uncountable media", one("/v1/media/{media_id}"), []),
    Case("negative", "uncountable news", one("/v1/news/{article_id}"), []),
    # an activity's name groups what it manages (Rudder's `/usermanagement/users`, PatientView's `/patientmanagement`)
    Case("negative", "uncountable management", spec({"/usermanagement": "post", "/usermanagement/users": "get",
                                                      "/usermanagement/{username}": "delete"}), []),
    Case("negative", "version v1", one("/v1/books/{book_id}"), []),
    Case("negative", "version v1alpha", one("/v1alpha/books/{book_id}"), []),
    Case("negative", "version v2beta1", one("/v2beta1/books/{book_id}"), []),
    Case("negative", "version v1p1beta1", one("/v1p1beta1/books/{book_id}"), []),
    Case("negative", "dated version", one("/2024-01-01/books/{book_id}"), []),
    Case("negative", "alias users/me", spec({"/v1/users/me": "get", "/v1/users/{user_id}": "get"}), []),
    Case("negative", "alias publishers/-/books", spec({
        "/v1/publishers/-/books": "get", "/v1/publishers/{publisher_id}/books": "get"}), []),
    Case("negative", "participle starred", one("/v1/starred/{repo_id}"), []),
    Case("negative", "google colon method on a name", one("/v1/{name}:cancel", "post"), []),
    Case("not my business", "verb before an ID (rest/verb-before-id)",
         one("/v1beta/datasetio/append-row/{dataset_id}", "post"), [], reported_by="rest/verb-before-id"),
    Case("positive", "a singular literal before a view of one of its members named in the query (the Llama Stack "
         "job status)", spec({
             "/v1/jobs": "get", "/v1/job/status": {"get": op({"name": "job_id", "in": "query", "required": True,
                                                             "schema": {"type": "string"}})}}),
         [E("/v1/job/status", "job", "/v1/jobs/status")]),
    Case("positive", "an attribute noun whose own path lists them is a collection (Twine's patient_plan_summary)",
         spec({"/patient_plan_summary": {"get": op(responses=_returns({"type": "array", "items": SUMMARY}))},
               "/patient_plan_summary/{id}": {"get": op(responses=_returns(SUMMARY))}}),
         [E("/patient_plan_summary", "patient_plan_summary", "/patient_plan_summaries")]),
    Case("negative", "an attribute noun whose own path returns one thing", spec({
        "/pipeline-status": {"get": op(responses=_returns(SUMMARY))},
        "/pipeline-status/{identifier}": {"get": op(responses=_returns(SUMMARY))}}), []),
    Case("positive", "a one-letter abbreviation of the noun the operations name (Discourse's /t/{id}.json)", spec({
        "/t/{id}.json": {"get": op(operationId="getTopic", summary="Get a single topic"),
                         "delete": op(operationId="removeTopic", summary="Remove a topic")},
        "/t/{id}/posts.json": {"get": op(operationId="getSpecificPostsFromTopic")}}),
         [Expected(None, "/t/{id}.json", "collection identifier `t` abbreviates `topic`", "/topics/{id}.json")]),
    Case("negative", "a one-letter literal whose operations name no noun starting with it",
         one("/webhook/w/{id}"), []),
    Case("positive", "views of one member named by ?id= (Browshot's /screenshot/info, /screenshot/html)", spec({
        "/screenshot/info": {"get": op({"name": "id", "in": "query", "required": True, "schema": {"type": "string"}})},
        "/screenshot/html": {"get": op({"name": "id", "in": "query", "required": True, "schema": {"type": "string"}})}}),
         [E("/screenshot/html", "screenshot", "/screenshots/html")]),
    Case("positive", "a list whose members its writes name is their collection (kumpeapps' /kkid/userlist?userID=)",
         spec({"/kkid/userlist": {"get": op(), "post": op(), "delete": op(_required_query("userID")),
                                  "put": op(_required_query("userID"), _required_query("email"))}}),
         [Expected(None, "/kkid/userlist", "collection identifier `userlist` names a list of its members (`user`)",
                   "/kkid/users")]),
    Case("negative", "a list read by a member's ID may filter (Netatmo's GET /devicelist?device_id=)",
         spec({"/devicelist": {"get": op(_required_query("device_id"))}}), []),
    Case("positive", "a literal whose writes require a key spelled as it is the keys' collection (kumpeapps' "
         "PUT /appkey?app_key=)",
         spec({"/appkey": {"put": op(_required_query("app_key")), "post": op(_required_query("username"))}}),
         [E("/appkey", "appkey", "/appkeys")]),
    Case("negative", "an action's ID may be another thing's (/moderation/ban?id= names the user banned)", spec({
        "/moderation/ban": {"post": op({"name": "id", "in": "query", "required": True, "schema": {"type": "string"}})},
        "/moderation/mute": {"post": op({"name": "id", "in": "query", "required": True,
                                         "schema": {"type": "string"}})}}), []),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)


def test_a_singleton_also_used_before_an_id_is_reported_only_where_the_id_follows():
    """GitHub's `/user` is the signed-in user (`GET`/`PATCH /user`, `/user/repos`); only `/user/{account_id}`
    uses it as a collection, so that path alone is the mistake."""
    document = spec({"/user": "get patch", "/user/repos": "get post", "/user/{account_id}": "get",
                     "/users/{username}": "get"})
    findings = lint(document, RULE)
    assert [(f.path, f.suggestion, f.related) for f in findings] == [("/user/{account_id}", "/users/{account_id}", ())]


def test_a_singular_collection_created_in_covers_every_path_under_it():
    document = spec({"/fulfillment_policy": "get post", "/fulfillment_policy/{id}": "get put"})
    [finding] = lint(document, RULE)
    assert finding.path == "/fulfillment_policy"
    assert [r.path for r in finding.related] == ["/fulfillment_policy/{id}"]
