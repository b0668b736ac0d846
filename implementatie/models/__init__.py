"""Models of implementatie: none yet (see apps.py for what this app will own)."""
