"""Writing what a run found: findings and breaking changes in every output format, one module per format, a
diff's text and JSON (`diff`), the Markdown changelog of API changes (`changelog`), and the rules' reference
(`rule_docs`).

`text` is for people, `json` (`json_report`) for tools (a versioned contract), `markdown` for a CI job's summary
or a pull request's comment, `html` (`html_report`) for a browser or a reviewer (one self-contained page, also
`aiplint changelog`'s); the CI formats are `sarif` (SARIF 2.1.0, for GitHub code scanning and other SARIF
viewers), `github` (GitHub Actions workflow commands, which annotate the pull request), `gitlab` (GitLab Code
Quality) and `junit` (JUnit XML, for test-report widgets).  `formats` finds a format's writer by name; every
writer has one signature, ``write(report, stream)`` (`writer`).  Text from a spec goes through
`aiplint.read.escaping`, the one escaping of every report.
"""
