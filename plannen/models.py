"""Models of plannen: none yet (see apps.py for what this app will own)."""
