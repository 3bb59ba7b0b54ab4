"""Read gettext catalogues and measure how much of Wagtail speaks Indonesian at run time."""

import re
from dataclasses import dataclass, field
from pathlib import Path

from django.utils import translation

LANGUAGE = "id"
DOMAINS = ("django", "djangojs")

# Messages whose Indonesian is the same word as the English one, so an unchanged result from
# gettext is a correct translation rather than a missing one.
IDENTICAL_IN_INDONESIAN = frozenset(
    {
        "Admin",
        "Administrator",
        "Alias",
        "Email",
        "Format",
        "ID",
        "Minimum",
        "Status",
        "Status %(status)s",
        "Status: ",
        "Tag",
        "Token",
        "URL",
        "item",
        "label",
        "port",
        "slug",
        "status",
    }
)

# Placeholders, HTML tags and entities: none of them is text a reader has to understand.
_NON_WORDS = re.compile(
    r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[sdifr]|%[sdifr]|\{\w*\}|<[^>]+>|&#?\w+;|https?://\S+"
)
_PLACEHOLDER = re.compile(r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[sdifr]|%[sdifr]|\{\w*\}")
_TAG = re.compile(r"</?([a-zA-Z][\w-]*)")


@dataclass(frozen=True)
class Entry:
    """One message of a catalogue: its context, singular, plural and translations."""

    msgid: str
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: tuple[str, ...] = ("",)
    flags: frozenset[str] = field(default_factory=frozenset)
    comments: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def is_fuzzy(self) -> bool:
        return "fuzzy" in self.flags


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b"}


def _unquote(text: str) -> str:
    text = text.strip()
    if not (len(text) >= 2 and text[0] == '"' and text[-1] == '"'):
        raise ValueError(f"Not a quoted PO string: {text!r}")
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m[1], "\\" + m[1]), text[1:-1])


def parse_po(text: str) -> list[Entry]:
    """Return the live entries of a PO file (obsolete `#~` entries and the header skipped)."""
    entries = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        fields: dict[str, str] = {}
        flags: set[str] = set()
        comments: list[str] = []
        current = None
        for line in block.split("\n"):
            if not line.strip():
                continue
            if line.startswith("#,"):
                flags.update(flag.strip() for flag in line[2:].split(","))
            elif line.startswith("#~"):
                current = None
            elif line.startswith("#"):
                comments.append(line)
            elif line.startswith('"'):
                if current is not None:
                    fields[current] += _unquote(line)
            else:
                keyword, _, value = line.partition(" ")
                current = keyword
                fields[keyword] = _unquote(value)
        if "msgid" not in fields or (fields["msgid"] == "" and "msgctxt" not in fields):
            continue
        if "msgid_plural" in fields:
            count = len([k for k in fields if k.startswith("msgstr[")])
            msgstr = tuple(fields.get(f"msgstr[{i}]", "") for i in range(count))
        else:
            msgstr = (fields.get("msgstr", ""),)
        entries.append(
            Entry(
                msgid=fields["msgid"],
                msgctxt=fields.get("msgctxt"),
                msgid_plural=fields.get("msgid_plural"),
                msgstr=msgstr,
                flags=frozenset(flags),
                comments=tuple(comments),
            )
        )
    return entries


def read_po(path: Path) -> list[Entry]:
    return parse_po(Path(path).read_text(encoding="utf-8"))


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    lines = escaped.split("\n")
    if len(lines) == 1:
        return f'"{escaped}"'
    parts = [line + "\\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    return '""\n' + "\n".join(f'"{part}"' for part in parts)


def format_entry(entry: Entry) -> str:
    """Return an entry as PO text, the plural forms collapsed to Indonesian's single one."""
    lines = list(entry.comments)
    if entry.flags:
        lines.append("#, " + ", ".join(sorted(entry.flags)))
    if entry.msgctxt is not None:
        lines.append("msgctxt " + _quote(entry.msgctxt))
    lines.append("msgid " + _quote(entry.msgid))
    if entry.msgid_plural is not None:
        lines.append("msgid_plural " + _quote(entry.msgid_plural))
        lines.append("msgstr[0] " + _quote(entry.msgstr[0]))
    else:
        lines.append("msgstr " + _quote(entry.msgstr[0]))
    return "\n".join(lines) + "\n"


def placeholders(text: str) -> list[str]:
    """Return the placeholders and HTML tag names of a message, sorted, for comparison."""
    return sorted(_PLACEHOLDER.findall(text) + [f"<{tag}" for tag in _TAG.findall(text)])


def has_words(text: str) -> bool:
    """Tell whether a message has anything to translate beyond placeholders and markup."""
    return bool(re.search(r"[A-Za-z]", _NON_WORDS.sub("", text)))


def wagtail_catalogues(domain: str = "django") -> dict[str, Path]:
    """Map each Wagtail app (and wagtail-modeladmin) to its English catalogue for `domain`."""
    import wagtail
    import wagtail_modeladmin

    catalogues = {}
    for package in (wagtail, wagtail_modeladmin):
        root = Path(package.__file__).parent
        for path in sorted(root.rglob(f"locale/en/LC_MESSAGES/{domain}.po")):
            app_dir = path.parents[3]
            label = ".".join(app_dir.relative_to(root.parent).parts)
            catalogues[label] = path
    return dict(sorted(catalogues.items()))


@dataclass
class AppCoverage:
    """Run-time coverage of one Wagtail app's English catalogue."""

    app: str
    total: int = 0
    translated: int = 0
    missing: list[Entry] = field(default_factory=list)

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


@dataclass
class Coverage:
    """Run-time coverage: per app, and over the distinct messages of all the apps."""

    domain: str
    apps: list[AppCoverage]
    total: int
    translated: int
    missing: list[Entry]

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def _translator(domain: str):
    """Return gettext, ngettext, pgettext and npgettext as the admin sees them for `domain`."""
    if domain == "django":
        t = translation
        return t.gettext, t.ngettext, t.pgettext, t.npgettext
    # The admin's JavaScript catalogue: the view merges wagtail.admin and LOCALE_PATHS.
    from django.apps import apps
    from django.utils.translation.trans_real import DjangoTranslation

    admin_locale = str(Path(apps.get_app_config("wagtailadmin").path) / "locale")
    catalogue = DjangoTranslation(LANGUAGE, domain=domain, localedirs=[admin_locale])
    return catalogue.gettext, catalogue.ngettext, catalogue.pgettext, catalogue.npgettext


def is_translated(entry: Entry, translator) -> bool:
    """Tell whether gettext turns `entry` into Indonesian (or it needs no translating)."""
    if not has_words(entry.msgid) or entry.msgid in IDENTICAL_IN_INDONESIAN:
        return True
    gettext, ngettext, pgettext, npgettext = translator
    if entry.msgid_plural is None:
        if entry.msgctxt is None:
            return gettext(entry.msgid) != entry.msgid
        return pgettext(entry.msgctxt, entry.msgid) != entry.msgid
    for number, english in ((1, entry.msgid), (2, entry.msgid_plural)):
        if entry.msgctxt is None:
            result = ngettext(entry.msgid, entry.msgid_plural, number)
        else:
            result = npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, number)
        if result == english:
            return False
    return True


def measure(domain: str = "django", catalogues: dict[str, Path] | None = None) -> Coverage:
    """Pass every message of Wagtail's English catalogues through gettext in Indonesian."""
    catalogues = wagtail_catalogues(domain) if catalogues is None else catalogues
    seen: dict[tuple[str | None, str], bool] = {}
    apps = []
    missing: list[Entry] = []
    with translation.override(LANGUAGE):
        translator = _translator(domain)
        for app, path in catalogues.items():
            report = AppCoverage(app)
            for entry in read_po(path):
                if entry.key not in seen:
                    seen[entry.key] = is_translated(entry, translator)
                    if not seen[entry.key]:
                        missing.append(entry)
                report.total += 1
                if seen[entry.key]:
                    report.translated += 1
                else:
                    report.missing.append(entry)
            apps.append(report)
    translated = sum(seen.values())
    return Coverage(domain, apps, len(seen), translated, missing)
