"""``python -m sourcecrit.cli``: the same as the ``sourcecrit`` console script."""

import sys

from sourcecrit.cli.main import console_main

if __name__ == "__main__":  # importing the module (e.g. to list the package) runs nothing
    sys.exit(console_main())
