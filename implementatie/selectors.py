"""Reads of implementatie: none yet (issue #14). Monitoring will read the other apps
through their selectors, never their models."""
