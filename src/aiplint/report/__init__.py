"""Writing what a run found: findings and breaking changes in every output format (`output`), a diff's text and
JSON (`diff`), the Markdown changelog of API changes (`changelog`), and the rules' reference (`rule_docs`)."""
