"""The core of the game: pack format, validation, scoring, session. Never imports pygame."""
