"""The reader's own annotations: the typed records, the file on disk, anchoring, export, and applying them to the engine's output."""
