"""`python -m aiplint`: the command line.

For `-m`, Python puts the current directory first on `sys.path`, so a file there such as `orjson.py` would
replace a library aiplint imports later; that entry is dropped first (as `python -P` does).  This cannot make
`python -m aiplint` safe in a folder you do not trust: Python has already looked there for `aiplint` itself
and for what `aiplint/__init__.py` imports (`__future__`, `typing`) before any line of aiplint runs.  The safe
forms are the `aiplint` command, `python -P -m aiplint` and `PYTHONSAFEPATH=1`."""

import os
import sys

if sys.path and not sys.flags.safe_path and sys.path[0] in ("", os.getcwd()):
    del sys.path[0]

from aiplint.cli import main  # noqa: E402

main()
