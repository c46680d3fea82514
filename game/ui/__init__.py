"""The pygame front end: window and loop, keymap, fonts, one module per screen.

Only this package imports pygame; it turns keys into commands for the core's
`Session` and draws whatever screen the session is on.
"""

import os

# pygame greets on stdout when first imported; the game's stdout is for its own lines (the
# benchmarks and the built-app test read "first-frame" there), so the greeting is off
# before any module of this package imports pygame.
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
