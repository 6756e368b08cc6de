import sys

from mumidesk.cli import main

sys.exit(main())
