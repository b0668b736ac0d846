"""The one environment reader shared by the settings modules."""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
# A local .env file is read when present, so a developer can keep settings out of the shell.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# DEMO enables the demo conveniences of the run command (MFA relaxed for demo accounts only).
DEMO = env.bool("REGIE_DEMO", default=False)
# DEBUG is for development only. The demo shows what its users will see: Regie's Dutch error
# pages, never Django's debug pages, which list every URL and show the settings (issue #12).
DEBUG = env.bool("DEBUG", default=False) and not DEMO
