"""`python -m briefing_app`: the same entry point as the briefing-app command."""

from briefing_app.cli import main

raise SystemExit(main())
