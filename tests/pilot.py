"""What app tests share: waiting for the engine's results to be on screen."""

from __future__ import annotations


async def wait_for_engine(pilot, timeout: float = 120.0) -> None:
    """The engine's highlights and sidebar are on screen (it starts once the text is painted).
    Fails at once, with the status line, if the engine failed."""
    app, waited = pilot.app, 0.0
    while app.analysis is None:
        assert not any(w.state.name == "ERROR" for w in app.workers), app.status.said
        assert waited < timeout, "the engine did not finish"
        await pilot.pause(0.1)
        waited += 0.1
    await pilot.pause()
