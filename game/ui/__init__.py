"""The pygame front end: window and loop, keymap, fonts, one module per screen.

Only this package imports pygame; it turns keys into commands for the core's
`Session` and draws whatever screen the session is on.
"""
