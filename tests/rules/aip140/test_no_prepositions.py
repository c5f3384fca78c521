"""aip140/no-prepositions: field names include no prepositions, under the `aip` profile (AIP-140)."""

from typing import Any

import pytest

from .._kit import Case, Expected, assert_findings, check_case, fixture, ids, lint, params, position_of, spec

RULE = "aip140/no-prepositions"


def E(name: str, preposition: str) -> Expected:
    return Expected(None, None, f"the field `{name}` includes the preposition `{preposition}`")


def schemas(**properties: dict[str, Any]) -> dict[str, Any]:
    return spec({}, components={"schemas": {"Thing": {"type": "object", "properties": properties}}})


STRING = {"type": "string"}


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE, profile="aip")
    assert_findings(findings, [E("written_by", "by"), E("reason_for_error", "for")])
    assert (findings[0].line, findings[0].column) == position_of(fixture(RULE, "bad.yaml"), "written_by:")
    assert findings[0].severity.value == "warning"


def test_off_under_rest():
    from aiplint.linting.registry import available_rules

    assert available_rules()[RULE].severity_for("rest") is None


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE, profile="aip") == []


CASES = [
    Case("positive", "camelCase `createdBy`", schemas(createdBy=STRING), [E("createdBy", "by")], profile="aip"),
    Case("positive", "AIP-140's `book_with_publisher`", schemas(book_with_publisher={"type": "object"}),
         [E("book_with_publisher", "with")], profile="aip"),
    Case("positive", "a field of a request body written inline", spec({"/things": {"post": {"requestBody": {
        "content": {"application/json": {"schema": {"type": "object", "properties": {
            "urlForVerification": STRING}}}}}}}}), [E("urlForVerification", "for")], profile="aip"),
    Case("positive", "a description in lower case that says more than the name", schemas(isCertifiedByMicrosoft={
        "type": "boolean", "description": "Indicates whether the application is certified by Microsoft."}),
         [E("isCertifiedByMicrosoft", "by")], profile="aip"),
    Case("negative", "a product's name, written in capitals in the description (Zoom's `workplace_by_facebook`, "
         "Microsoft's `windowsHelloForBusinessBlocked`)", schemas(
        workplace_by_facebook={"type": "boolean",
                               "description": "Allow livestreaming by host through Workplace by Facebook."},
        windowsHelloForBusinessBlocked={"type": "boolean", "description": "Boolean value that blocks Windows Hello "
                                        "for Business as a method for signing into Windows."}), [], profile="aip"),
    Case("negative", "a word the name splits in two, written whole in the description (`standby`), beside an "
         "`allOf` reference", schemas(StandByAvailabilityZoneCount={"allOf": [
             {"type": "string"}, {"description": "The number of standby Availability Zones configured."}]}),
         [], profile="aip"),
    Case("negative", "a description that is the name and nothing more, a title", schemas(workplace_by_facebook={
        "type": "boolean", "description": "Workplace by facebook."}), [], profile="aip"),
    Case("negative", "`sort_by`, `GroupByAttribute` and Fitness' `bucketByTime`, AIP-132's `order_by` kin",
         schemas(sort_by=STRING, GroupByAttribute=STRING, bucketByTime={"type": "object"}), [], profile="aip"),
    Case("negative", "fixed terms with other prepositions (`time_of_day`, `point_in_time`, `reply_to`)",
         schemas(time_of_day=STRING, point_in_time=STRING, reply_to=STRING), [], profile="aip"),
    Case("negative", "a word that contains a preposition (`forecast`, `byte_count`)",
         schemas(forecast=STRING, byte_count=STRING), [], profile="aip"),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
