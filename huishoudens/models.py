"""Models of huishoudens: none yet (see apps.py for what this app will own)."""
