"""The game's own words on screen: the core's catalogue (game/core/locales/*.yaml).

Kept so that screens import `say` from the UI layer as before; the words themselves
are data, one file per language, shared with the report, the handout and the guide.
"""

from __future__ import annotations

from game.core.catalogue import say

__all__ = ["say"]
