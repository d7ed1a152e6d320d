import sys

from ehcp.cli import main

sys.exit(main())
