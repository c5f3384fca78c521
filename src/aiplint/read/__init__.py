"""Reading a spec: files and folders (`discovery`), YAML and JSON safely parsed (`loading`) with line and column
for any JSON pointer (`locate`, `yaml_keys`, `pointers`), `$ref`s followed across files (`references`) inside the
project's confines (`trust`), all held by one `Document` (`document`); which specs a change since a git revision
reaches (`changes`)."""
