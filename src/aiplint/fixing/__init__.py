"""`aiplint check --fix`: the fixes rules declare (`aiplint.rule.Fix`) made to the text of the spec's files.

`policy` says which findings a run fixes; `spans` finds the text of keys, members and values from JSON pointers;
`edits` turns a fix into character ranges and their replacement; `engine` lints and fixes in passes until nothing
changes.  Text outside the edited ranges is never rewritten: comments, key order, quoting, indentation and a JSON
file's layout stay as they were, byte for byte."""
