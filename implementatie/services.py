"""Writes of implementatie: none yet (issue #14)."""
