"""Every key the reader uses, with a stable id so a user can remap it.

Remap keys in ``keys.toml`` in the user config folder (see ``keys_file()``),
one line per binding id::

    "entity.next" = "f2"
    "entity.previous" = "shift+f2"
    "app.quit" = "q,ctrl+q"

Unknown ids and unreadable files are reported, never fatal.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.binding import Binding

KEYS_FILE = "keys.toml"


@dataclass(frozen=True, slots=True)
class Key:
    id: str
    keys: str  # Textual key names, comma separated
    action: str
    description: str
    context: str  # where it works, for the help screen
    footer: str = ""  # short label; keys without one stay out of the footer
    priority: bool = False  # checked before the focused widget sees the key


ANYWHERE = "Anywhere"
READER = "Reading an article"
MOVING = "Moving (articles and lists)"
SIDEBAR = "Sidebar"

APP_KEYS: tuple[Key, ...] = (
    Key("app.quit", "q,ctrl+q", "quit", "Quit", ANYWHERE, "Quit"),
    Key("app.help", "question_mark,f1", "help", "Help: every key", ANYWHERE, "Help"),
    Key("mention.next", "right_square_bracket", "mention(1)", "Next mention in this article", READER, "Mention"),
    Key("mention.previous", "left_square_bracket", "mention(-1)", "Previous mention in this article", READER),
    Key("entity.next", "n", "entity(1)", "Next mention of the same entity, any article", READER, "Same entity"),
    Key("entity.previous", "N", "entity(-1)", "Previous mention of the same entity", READER),
    Key("discrepancy.next", "d", "discrepancy(1)", "Next discrepancy: one article of each side; past a story's last, the next story's first", ANYWHERE, "Discrepancy"),
    Key("discrepancy.previous", "D", "discrepancy(-1)", "Previous discrepancy (before the first, the previous story's)", ANYWHERE),
    # Priority, so the box has focus before the keys typed right after "/" are handled.
    Key("search.open", "slash", "search", "Search all articles", ANYWHERE, "Search", priority=True),
    Key("search.next", "full_stop", "match(1)", "Next search match", ANYWHERE),
    Key("search.previous", "comma", "match(-1)", "Previous search match", ANYWHERE),
    Key("layer.entity", "1", "layer('entity')", "Show/hide entity highlights", ANYWHERE),
    Key("layer.number", "2", "layer('number')", "Show/hide number highlights", ANYWHERE),
    Key("layer.quote", "3", "layer('quote')", "Show/hide quote highlights", ANYWHERE),
    Key("layer.date", "4", "layer('date')", "Show/hide date highlights", ANYWHERE),
    Key("layer.discrepancy", "5", "layer('discrepancy')", "Show/hide discrepancy underlines", ANYWHERE),
    Key("panes.sync", "s", "sync_scroll", "Scroll panes in step (on/off)", ANYWHERE),
    Key("pane.left", "left", "pane(-1)", "Focus the column to the left (from the sidebar: the last column)", READER),
    Key("pane.right", "right", "pane(1)", "Focus the column to the right (after the last: the sidebar)", READER),
    Key("move.down", "j", "move('down')", "Down: scroll the article, or the next entry of a list", MOVING),
    Key("move.up", "k", "move('up')", "Up: scroll the article, or the previous entry of a list", MOVING),
    Key("move.top", "g", "move('home')", "To the top of the article or list", MOVING),
    Key("move.bottom", "G", "move('end')", "To the end of the article or list", MOVING),
    Key("move.half_down", "ctrl+d", "move('half_down')", "Half a screen down", MOVING),
    Key("move.half_up", "ctrl+u", "move('half_up')", "Half a screen up", MOVING),
    Key("jump.back", "ctrl+o", "jump(-1)", "Back to where you were before a jump (d, n, search, palette, story)", MOVING),
    # ctrl+i is the same key as tab in most terminals: it goes forward only after ctrl+o, else tab moves focus.
    Key("jump.forward", "ctrl+i,tab", "jump(1)", "Forward again in the jump list (after ctrl+o)", MOVING, priority=True),
    Key("copy", "y", "copy", "Copy the finding, quote or evidence to the clipboard (works over SSH: OSC 52)", ANYWHERE),
    Key("column.next_article", "greater_than_sign", "swap_article(1)", "Show the story's next article in this column", ANYWHERE),
    Key("column.previous_article", "less_than_sign", "swap_article(-1)", "Show the story's previous article in this column", ANYWHERE),
    Key("story.next", "right_curly_bracket", "story(1)", "Next story: its articles in the columns", ANYWHERE),
    Key("story.previous", "left_curly_bracket", "story(-1)", "Previous story", ANYWHERE),
    Key("articles.list", "o", "articles", "Articles list: choose what this column shows", ANYWHERE, "Articles"),
    Key("sidebar.toggle", "b", "toggle_sidebar", "Show/hide the sidebar", ANYWHERE),
    Key("sidebar.view", "v", "sidebar_view", "Sidebar: next tab (discrepancies, entities, coverage)", ANYWHERE, "Sidebar tab"),
    Key("sidebar.wider", "plus,equals_sign", "sidebar_width(1)", "Widen the sidebar", ANYWHERE),
    Key("sidebar.narrower", "minus", "sidebar_width(-1)", "Narrow the sidebar", ANYWHERE),
    Key("list.filter", "f", "filter_list", "Filter the sidebar's list by typing (words, kind, severity, label)", SIDEBAR),
    Key("selection.clear", "escape", "clear", "Clear the selection and marks", ANYWHERE),
    Key("problems.list", "p", "problems", "Problems: files skipped or read with repairs, and why", ANYWHERE, "Problems"),
    Key("article.copy_url", "u", "copy_url", "Copy this article's web address (url) and show it", READER),
)

# Keys that belong to Textual's own widgets, listed so help shows every key.
WIDGET_KEYS: tuple[tuple[str, str, str], ...] = (
    (READER, "↑ ↓ pgup pgdn home end", "Scroll the article"),
    (READER, "click", "Put the mention cursor on a highlighted span"),
    (READER, "tab / shift+tab", "Move focus between the columns and the sidebar"),
    (SIDEBAR, "↑ ↓", "Move through the list"),
    (SIDEBAR, "enter / click", "Show a discrepancy in every article; walk an entity's mentions; jump to a fact"),
    (SIDEBAR, "← →", "Back to the articles"),
    ("Search box", "enter", "Find (again)"),
    ("Search box", "escape", "Close the search box"),
    ("Articles list (o)", "type", "Filter by title, source or label"),
    ("Articles list (o)", "↓ / enter, then enter", "Go to the list, then show the article in the focused column"),
    ("Articles list (o)", "escape", "Close"),
    (ANYWHERE, "ctrl+p", "Command palette: jump to an article, entity or discrepancy; toggle layers"),
)


def all_keys() -> tuple[Key, ...]:
    """The reader's keys and the annotation keys, as the help screen and keys.toml see them."""
    from .annotation_ui import ANNOTATION_KEYS

    return APP_KEYS + tuple(Key(i, keys, action, description, context, footer) for i, keys, action, description, context, footer in ANNOTATION_KEYS)


def app_bindings() -> list[Binding]:
    return [
        Binding(
            k.keys, k.action, k.footer or k.description, show=bool(k.footer), tooltip=k.description, id=k.id, priority=k.priority
        )
        for k in APP_KEYS
    ]


def keys_file() -> Path:
    from .settings import config_dir

    return config_dir() / KEYS_FILE


def load_keymap(path: Path | None = None) -> tuple[dict[str, str], list[str]]:
    """The user's remapped keys (binding id -> keys) and any problems with the file."""
    path = keys_file() if path is None else path
    if not path.is_file():
        return {}, []
    import tomllib  # only when there is a file to read: it is on the way to the first frame

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return {}, [f"{path}: cannot read key bindings ({error})"]
    if "keys" in data:  # a [keys] table, or top-level lines
        if not isinstance(data["keys"], dict):
            return {}, [f"{path}: 'keys' must be a table of binding id = \"key\" lines, not {type(data['keys']).__name__}"]
        data = data["keys"]
    known = {k.id: k for k in all_keys()}
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, keys in data.items():
        if binding_id not in known:
            problems.append(f"{path}: unknown binding id {binding_id!r}")
        elif not isinstance(keys, str) or not keys.strip():
            problems.append(f"{path}: {binding_id!r} needs a key string such as \"j\" or \"ctrl+j,down\"")
        elif wrong := [name.strip() for name in keys.split(",") if not pressable(name)]:
            # A typo ("shft+f2") bound the action to a key no terminal sends: it was lost without a word.
            problems.append(
                f"{path}: {binding_id!r}: {wrong[0]!r} is not a key (write keys as \"f2\", \"shift+f2\", \"ctrl+j\", \"]\"); "
                f"it keeps {known[binding_id].keys!r}"
            )
        else:
            keymap[binding_id] = keys
    problems += _clashes(keymap, path)
    return keymap, problems


def _clashes(keymap: dict[str, str], path: Path) -> list[str]:
    """A key the file gives to an action that another action also has: the second would never run."""
    owners: dict[str, list[str]] = {}
    for key in all_keys():  # every one an app binding: they share one set of keys
        for name in (keymap.get(key.id) or key.keys).split(","):
            owners.setdefault(name.strip(), []).append(key.id)
    defaults = {key.id: key.keys for key in all_keys()}
    problems = []
    for name, ids in owners.items():
        if len(ids) < 2 or not any(i in keymap for i in ids):
            continue
        given = [i for i in ids if i in keymap]
        if len(given) == 1:  # the file's binding takes the key; the others keep what else they have
            lost = []
            for other in (i for i in ids if i not in keymap):
                left = [k.strip() for k in defaults[other].split(",") if k.strip() != name]
                lost.append(f"{other} keeps only {', '.join(left)}" if left else f"{other} has no key left (give it one here)")
            problems.append(f"{path}: key {name!r} now does {given[0]}, as this file says; {'; '.join(lost)}")
        else:
            problems.append(f"{path}: key {name!r} is bound to {' and '.join(ids)}; only one of them can work")
    return problems


_MODIFIERS = frozenset({"ctrl", "alt", "shift", "super", "meta", "hyper"})


def pressable(name: str) -> bool:
    """A key name Textual can match: modifiers, then one character ("]"), a key's name
    ("f2", "pageup", "escape") or a character's name ("right_square_bracket", "slash")."""
    from textual.keys import KEY_ALIASES, REPLACED_KEYS, Keys, key_to_character

    name = name.strip()
    if name.endswith("+"):  # the plus key itself: "+", "ctrl++"
        head, base = name[:-1].removesuffix("+"), "+"
    else:
        head, _, base = name.rpartition("+")
    modifiers = head.split("+") if head else []
    if not base or any(m not in _MODIFIERS for m in modifiers):
        return False
    if len(base) == 1:
        return True
    named = {key.value.rsplit("+", 1)[-1] for key in Keys} | {"enter", "tab", "space", "backspace"}
    named |= {alias.rsplit("+", 1)[-1] for key, aliases in KEY_ALIASES.items() for alias in (key, *aliases)}
    return base in named or key_to_character(REPLACED_KEYS.get(base, base)) is not None
