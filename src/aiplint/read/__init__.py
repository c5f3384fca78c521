"""Reading a spec: files and folders (`discovery`), YAML and JSON safely parsed (`loading`) with line and column
for any JSON pointer (`locate`, `yaml_keys`, `pointers`), `$ref`s followed across files (`references`) inside the
project's confines (`trust`), all held by one `Document` (`document`); a spec as it is at a git revision
(`revisions`); and the one escaping of spec text that every message and report uses (`escaping`)."""
