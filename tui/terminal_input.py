"""Keys from the terminal, decoded leniently: one invalid byte must not end the app.

Textual's Linux driver decodes terminal input as strict UTF-8 in its input
thread (textual 8.2; upstream issue Textualize/textual#6456). A single byte
that is not UTF-8 (a paste from a Latin-1 source, a terminal in another
locale) raises ``UnicodeDecodeError``, the input thread dies, and the app
panics and exits, unsaved work and all. ``TolerantLinuxDriver`` is the same
driver with ``errors="replace"``: such a byte becomes U+FFFD and the app goes
on. Textual offers no option for this, so ``run_input_thread`` (a public
method of the driver) is overridden with a copy of Textual's own, the
decoder being the one difference; ``CorpusApp.get_driver_class`` picks it
only where Textual would pick ``LinuxDriver``.

One private import is left, on purpose: ``XTermParser``, which turns the
terminal's bytes into key and mouse events. Textual has no public parser, and
writing our own would be far more code to keep in step than one import.
"""

from __future__ import annotations

import os
import selectors
from codecs import getincrementaldecoder

from textual.driver import Driver
from textual.drivers.linux_driver import LinuxDriver


class TolerantLinuxDriver(LinuxDriver):
    def run_input_thread(self) -> None:
        """Wait for input and dispatch events (Textual's loop, decoding with replacement)."""
        from textual._xterm_parser import XTermParser  # no public parser: see the module's docstring

        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        fileno = self.fileno
        parser = XTermParser()  # (its debug mode only writes a keys.log for Textual's developers)
        feed, tick = parser.feed, parser.tick
        decode = getincrementaldecoder("utf-8")(errors="replace").decode

        def process_selector_events(events, final: bool = False) -> None:
            for n, (_key, mask) in enumerate(events):
                last = n == len(events) - 1
                if mask & selectors.EVENT_READ:
                    unicode_data = decode(os.read(fileno, 1024 * 4), final=final and last)
                    if not unicode_data:
                        break  # stdin is a pipe that was closed
                    for event in feed(unicode_data):
                        self.process_message(event)
            for event in tick():
                self.process_message(event)

        try:
            while not self.exit_event.is_set():
                process_selector_events(selector.select(0.1))
            selector.unregister(self.fileno)
            process_selector_events(selector.select(0.1), final=True)
        finally:
            selector.close()
            try:
                for _event in feed(""):
                    pass
            except Exception:  # EOFError or the parser's ParseError: the input ends here either way
                pass


def tolerant(driver_class: type[Driver]) -> type[Driver]:
    """The driver to use instead of ``driver_class`` (Textual's choice)."""
    return TolerantLinuxDriver if driver_class is LinuxDriver else driver_class
