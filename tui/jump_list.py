"""The jump list: where the reader was before a jump (``d``, ``n``, a search, the palette).

``ctrl+o`` goes back and ``ctrl+i`` forward again, as in vim: going back from
the newest place first records where the reader is, so forward returns there;
a new jump after going back drops the places ahead.
"""

from __future__ import annotations

from dataclasses import dataclass

LIMIT = 100


@dataclass(frozen=True, slots=True)
class Place:
    article: str
    offset: int  # the first character on screen in that article's column


class JumpList:
    def __init__(self) -> None:
        self._places: list[Place] = []
        self._index = 0  # len(_places) when the reader is not walking back through the list

    def record(self, place: Place) -> None:
        """The reader is about to jump away from ``place``."""
        del self._places[self._index :]
        if not self._places or self._places[-1] != place:
            self._places.append(place)
        del self._places[:-LIMIT]
        self._index = len(self._places)

    def back(self, here: Place) -> Place | None:
        if self._index == 0:
            return None
        if self._index == len(self._places):
            if self._places[-1] == here:
                self._index -= 1  # already recorded: go one further back
                if self._index == 0:
                    return None
            else:
                self._places.append(here)
        self._index -= 1
        return self._places[self._index]

    def forward(self) -> Place | None:
        if not self.can_go_forward:
            return None
        self._index += 1
        return self._places[self._index]

    @property
    def can_go_forward(self) -> bool:
        return self._index < len(self._places) - 1
