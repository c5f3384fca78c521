"""`aiplint server`: a language server (LSP over stdio) that shows in the editor what `aiplint check` finds.

`session` keeps the editor's text and the parsed files and lints specs with the stages of `aiplint.run`; `protocol`
speaks LSP with pygls (the optional dependency `aiplint[server]`), turning findings into diagnostics, hovers and
code actions; `edits` writes the `x-aiplint-ignore` entries a code action inserts."""
