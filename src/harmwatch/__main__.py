"""``python -m harmwatch`` runs the command line."""

from harmwatch.cli.main import run

run()
