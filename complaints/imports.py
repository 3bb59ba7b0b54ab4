"""CSV import of complaints and agencies, for offices moving from spreadsheets.

A file is checked whole before anything is written: one invalid row and nothing is imported,
and every invalid row is reported with its line number. Line numbers are physical lines of
the file, the header being line 1; a row whose quoted text spans several lines is reported
at the line it starts on. Blank lines are skipped (but still counted).
"""

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kim.models import Region

from .models import Agency, Channel, Complaint, Kind, Status

JAKARTA = ZoneInfo("Asia/Jakarta")

COMPLAINT_COLUMNS = (
    "reference",
    "received_at",
    "channel",
    "channel_url",
    "kind",
    "region_code",
    "subject",
    "text",
    "reporter_name",
    "reporter_contact",
    "agency",
    "status",
    "first_response_at",
    "resolved_at",
    "lapor_tracking",
)
REQUIRED_COLUMNS = ("reference", "received_at", "channel", "kind", "text", "status")
TIMESTAMP_COLUMNS = ("received_at", "first_response_at", "resolved_at")
AGENCY_COLUMNS = ("slug", "name")
REGION_CODE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")


class ImportFileError(Exception):
    """The file as a whole cannot be read (encoding, header)."""


@dataclass
class RowError:
    line: int
    reasons: list

    def __str__(self):
        return _("line %(line)d: %(reasons)s") % {
            "line": self.line,
            "reasons": "; ".join(self.reasons),
        }


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    columns: set = field(default_factory=set)


class InvalidImport(Exception):
    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            _("The file is not UTF-8 text (byte %(position)d). Save it as CSV UTF-8.")
            % {"position": error.start + 1}
        ) from error


def read_rows(data: bytes, *, columns, required, warnings, present=None):
    """Yield ``(line, values, problem)`` per data row; raise ImportFileError for a bad header.

    Columns the portal does not know are ignored, with a warning.
    """
    reader = csv.reader(io.StringIO(_decode(data), newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise ImportFileError(_("The file is empty: it needs a header row.")) from None
    except csv.Error as error:
        raise ImportFileError(_("Line 1 is not valid CSV: %(error)s") % {"error": error}) from None
    header = [name.strip().lower() for name in header]
    if present is not None:
        present.update(name for name in header if name in columns)
    missing = [name for name in required if name not in header]
    if missing:
        raise ImportFileError(
            _("The header row lacks the column(s): %(columns)s. Expected: %(expected)s.")
            % {"columns": ", ".join(missing), "expected": ",".join(columns)}
        )
    unknown = [name for name in header if name not in columns]
    if unknown:
        warnings.append(_("Column(s) ignored: %(columns)s.") % {"columns": ", ".join(unknown)})
    duplicated = sorted({name for name in header if header.count(name) > 1})
    if duplicated:
        raise ImportFileError(
            _("The header row repeats the column(s): %(columns)s.")
            % {"columns": ", ".join(duplicated)}
        )
    last_line = reader.line_num
    while True:
        start = last_line + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield start, None, str(error)
            return
        last_line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        problem = None
        if len(row) > len(header):
            problem = _("%(found)d values but the header has %(expected)d columns") % {
                "found": len(row),
                "expected": len(header),
            }
        values = dict.fromkeys(columns, "")
        values.update(
            {name: cell.strip() for name, cell in zip(header, row, strict=False) if name in values}
        )
        yield start, values, problem


def parse_timestamp(value: str) -> datetime:
    """ISO 8601 to an aware datetime; without an offset the time is Asia/Jakarta's."""
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=JAKARTA)
    return moment


def _choice(value, choices):
    lowered = value.lower()
    return lowered if lowered in choices else None


def _check_complaint_row(values, *, agencies, regions):
    """Return (reasons, cleaned values) for one row."""
    reasons = []
    cleaned = {}
    for name in REQUIRED_COLUMNS:
        if not values[name]:
            reasons.append(_("%(column)s is required") % {"column": name})
    if len(values["reference"]) > 64:
        reasons.append(_("reference is longer than 64 characters"))
    cleaned["reference"] = values["reference"]
    for name, choices, message in (
        ("channel", Channel.values, _("unknown channel %(value)r (allowed: %(allowed)s)")),
        ("kind", Kind.values, _("unknown kind %(value)r (allowed: %(allowed)s)")),
        ("status", Status.values, _("unknown status %(value)r (allowed: %(allowed)s)")),
    ):
        if values[name]:
            cleaned[name] = _choice(values[name], choices)
            if cleaned[name] is None:
                reasons.append(message % {"value": values[name], "allowed": ", ".join(choices)})
    for name in TIMESTAMP_COLUMNS:
        cleaned[name] = None
        if values[name]:
            try:
                cleaned[name] = parse_timestamp(values[name])
            except ValueError as error:
                message = (
                    _("%(column)s %(value)r is an impossible date")
                    if "range" in str(error) or "must be in" in str(error)
                    else _("%(column)s %(value)r is not an ISO 8601 date and time")
                )
                reasons.append(message % {"column": name, "value": values[name]})
    cleaned["agency"] = None
    if values["agency"]:
        cleaned["agency"] = agencies.get(values["agency"].lower())
        if cleaned["agency"] is None:
            reasons.append(_("unknown agency %(value)r") % {"value": values["agency"]})
    cleaned["region"] = None
    cleaned["region_code"] = values["region_code"]
    if values["region_code"]:
        if not REGION_CODE.match(values["region_code"]):
            reasons.append(
                _("region_code %(value)r is not a Kemendagri code such as 33.10.01")
                % {"value": values["region_code"]}
            )
        else:
            cleaned["region"] = regions.get(values["region_code"])
    for name, limit in (
        ("channel_url", 500),
        ("subject", 200),
        ("reporter_name", 150),
        ("reporter_contact", 150),
        ("lapor_tracking", 60),
    ):
        if len(values[name]) > limit:
            reasons.append(
                _("%(column)s is longer than %(limit)d characters")
                % {"column": name, "limit": limit}
            )
        cleaned[name] = values[name]
    cleaned["text"] = values["text"]
    return reasons, cleaned


def complaints_import(*, data: bytes, user=None) -> ImportResult:
    """Create or update complaints by reference from CSV bytes, all or nothing.

    Raises ImportFileError for an unreadable file and InvalidImport (with every row's
    errors) when any row is invalid; then nothing has been written.
    """
    agencies = {a.slug.lower(): a for a in Agency.objects.all()}
    regions = dict(Region.objects.values_list("code", "pk"))
    result = ImportResult()
    rows = []
    seen = {}
    for line, values, problem in read_rows(
        data,
        columns=COMPLAINT_COLUMNS,
        required=REQUIRED_COLUMNS,
        warnings=result.warnings,
        present=result.columns,
    ):
        if values is None:
            result.errors.append(RowError(line, [_("not valid CSV: %(e)s") % {"e": problem}]))
            break
        reasons, cleaned = _check_complaint_row(values, agencies=agencies, regions=regions)
        if problem:
            reasons.insert(0, problem)
        reference = cleaned["reference"]
        if reference and reference in seen:
            reasons.append(
                _("reference %(reference)r already appears on line %(line)d")
                % {"reference": reference, "line": seen[reference]}
            )
        elif reference:
            seen[reference] = line
        if reasons:
            result.errors.append(RowError(line, reasons))
        else:
            if cleaned["region_code"] and cleaned["region"] is None:
                result.warnings.append(
                    _("line %(line)d: region %(code)s is not in the region table; kept as text")
                    % {"line": line, "code": cleaned["region_code"]}
                )
            rows.append(cleaned)
    if result.errors:
        raise InvalidImport(result.errors)

    with transaction.atomic():
        existing = {
            c.reference: c
            for c in Complaint.objects.select_for_update().filter(reference__in=list(seen))
        }
        for cleaned in rows:
            complaint = existing.get(cleaned["reference"]) or Complaint(
                reference=cleaned["reference"], logged_by=user
            )
            created = complaint.pk is None
            # A column left out of the file leaves what an earlier import stored.
            for name in COMPLAINT_COLUMNS[1:]:
                if name in result.columns:
                    setattr(complaint, name, cleaned[name])
            if "region_code" in result.columns:
                complaint.region_id = cleaned["region"]
            # The office kept the name or contact on record, so it had the resident's consent.
            complaint.consent = bool(complaint.reporter_name or complaint.reporter_contact)
            if complaint.status in (Status.RESOLVED, Status.REJECTED):
                complaint.closed_at = complaint.resolved_at or complaint.closed_at
            complaint.save()
            if created:
                result.created += 1
            else:
                result.updated += 1
    return result


def agencies_import(*, data: bytes) -> ImportResult:
    """Create or update agencies by slug from a ``slug,name`` CSV, all or nothing."""
    result = ImportResult()
    rows = []
    seen = {}
    for line, values, problem in read_rows(
        data, columns=AGENCY_COLUMNS, required=AGENCY_COLUMNS, warnings=result.warnings
    ):
        if values is None:
            result.errors.append(RowError(line, [_("not valid CSV: %(e)s") % {"e": problem}]))
            break
        reasons = [problem] if problem else []
        slug, name = values["slug"], values["name"]
        if not slug:
            reasons.append(_("%(column)s is required") % {"column": "slug"})
        elif slugify(slug) != slug or len(slug) > 60:
            reasons.append(
                _("slug %(value)r must be lowercase letters, digits and dashes (at most 60)")
                % {"value": slug}
            )
        elif slug in seen:
            reasons.append(
                _("slug %(value)r already appears on line %(line)d")
                % {"value": slug, "line": seen[slug]}
            )
        else:
            seen[slug] = line
        if not name:
            reasons.append(_("%(column)s is required") % {"column": "name"})
        elif len(name) > 200:
            reasons.append(
                _("%(column)s is longer than %(limit)d characters")
                % {"column": "name", "limit": 200}
            )
        if reasons:
            result.errors.append(RowError(line, reasons))
        else:
            rows.append((slug, name))
    if result.errors:
        raise InvalidImport(result.errors)
    with transaction.atomic():
        for slug, name in rows:
            _agency, created = Agency.objects.update_or_create(slug=slug, defaults={"name": name})
            if created:
                result.created += 1
            else:
                result.updated += 1
    return result
