"""The room votes from its phones: a small web server inside the game and its page."""
