"""Writing what a run found: findings and breaking changes in every output format (`output`), and the rules'
reference (`rule_docs`)."""
