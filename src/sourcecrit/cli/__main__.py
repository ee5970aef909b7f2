"""``python -m sourcecrit.cli``: the same as the ``sourcecrit`` console script."""

import sys

from sourcecrit.cli.main import main

sys.exit(main())
