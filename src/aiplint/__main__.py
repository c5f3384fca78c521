"""`python -m aiplint`: the command line.

For `-m`, Python puts the current directory first on `sys.path`; in a repository under review a file there
such as `orjson.py` would then replace a library aiplint imports, so that entry is dropped first (as
`python -P` does)."""

import os
import sys

if sys.path and not sys.flags.safe_path and sys.path[0] in ("", os.getcwd()):
    del sys.path[0]

from aiplint.cli import main  # noqa: E402

main()
