import sys

from textcheck.cli import main

sys.exit(main())
