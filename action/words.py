"""NAME TEXT: the words of the action's input NAME, split as a shell would split TEXT (quotes, no expansion: nothing
it holds is run), each ended by a NUL on standard output. An unbalanced quote is an error naming the input."""

import shlex
import sys

try:
    sys.stdout.write("".join(word + "\0" for word in shlex.split(sys.argv[2])))
except ValueError as exc:
    sys.exit(f"aiplint action: input {sys.argv[1]}: {exc}")
