"""aiplint's built-in rules: one module per rule, each registered under the `aiplint.rules` entry-point group."""
