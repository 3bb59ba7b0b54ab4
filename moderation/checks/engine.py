"""Run every check on a post and attach each flag's severity from the editors' policy."""

import dataclasses
from dataclasses import dataclass
from urllib.parse import unquote

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import claims, hoax, links, media, personal_data, sara
from .duplicate import DEFAULT_THRESHOLD, DuplicateIndex
from .hoax import ClaimIndex
from .link_text import shown_domain_mismatch
from .tags import find_glued_gambling
from .text import excerpt_around, sentences, word_count
from .types import BLOCKING_BY_DEFAULT, HIDDEN_SUFFIX, Flag, FlagCode, Link, Severity
from .words import WordMatcher, topic_words

DEFAULT_MIN_WORDS = 40
DEFAULT_THRESHOLDS = {
    FlagCode.TOO_SHORT: DEFAULT_MIN_WORDS,
    FlagCode.HOAX_MATCH: round(hoax.DEFAULT_THRESHOLD * 100),
    FlagCode.DUPLICATE: round(DEFAULT_THRESHOLD * 100),
}
WORD_LIST_CODES = (FlagCode.HATE_SPEECH, FlagCode.PROFANITY, FlagCode.GAMBLING)
MAX_FLAGS_PER_CODE = 10
EXCERPT_LIMIT = 240


@dataclass(frozen=True)
class Policy:
    code: str
    blocks: bool
    active: bool = True
    threshold: int | None = None


def default_policy(code):
    return Policy(code, blocks=code in BLOCKING_BY_DEFAULT, threshold=DEFAULT_THRESHOLDS.get(code))


class Rules:
    """The editor-managed word lists and per-code policy, compiled for matching."""

    def __init__(self, word_rules=(), policies=()):
        self.word_rules = tuple(word_rules)
        self.policies = {code: default_policy(code) for code in FlagCode}
        for policy in policies:
            if policy.threshold is None:
                policy = dataclasses.replace(policy, threshold=DEFAULT_THRESHOLDS.get(policy.code))
            self.policies[policy.code] = policy
        self.matchers = {
            code: WordMatcher([r for r in self.word_rules if r.code == code])
            for code in WORD_LIST_CODES
        }
        self.hostility = sara.HostilityMatcher(
            [r for r in self.word_rules if r.code == FlagCode.HATE_SPEECH]
        )

    @classmethod
    def from_database(cls):
        from moderation.models import FlagPolicy, WordRule

        return cls(
            word_rules=[rule.as_spec() for rule in WordRule.objects.filter(active=True)],
            policies=[policy.as_spec() for policy in FlagPolicy.objects.all()],
        )

    def policy(self, code):
        return self.policies[code]

    def threshold(self, code):
        value = self.policies[code].threshold
        return DEFAULT_THRESHOLDS.get(code) if value is None else value


class ReferenceSet:
    """What a post is compared with: published posts and debunked claims.

    ``published`` is a list of ``PublishedPost`` (compared in memory, for a file of posts) or
    anything with ``most_similar``, such as the database's fingerprints.
    """

    def __init__(self, published=(), claims=()):
        self.duplicates = (
            published if hasattr(published, "most_similar") else DuplicateIndex(published)
        )
        self.claims = claims if isinstance(claims, ClaimIndex) else ClaimIndex(claims)

    @classmethod
    def from_database(cls):
        """Return the published posts' fingerprints and the active claims.

        Published posts are compared through the database (``moderation.fingerprints``):
        nothing about them is held in the process. The claims, a few hundred editor-managed
        rows, are compiled once per process and again only when they change.
        """
        from django.db.models import Count, Max

        from moderation.fingerprints import DatabaseDuplicates
        from moderation.models import DebunkedClaim

        claims = DebunkedClaim.objects.filter(active=True)
        return cls(
            DatabaseDuplicates(),
            _cached(
                "claims",
                claims.aggregate(Count("id"), Max("id"), Max("updated_at")),
                lambda: ClaimIndex([c.as_spec() for c in claims]),
            ),
        )


_INDEXES = {}


def _cached(name, signature, build):
    from django.db import connection

    key = (connection.alias, connection.settings_dict["NAME"], name)
    entry = _INDEXES.get(key)
    if entry is None or entry[0] != signature:
        entry = (signature, build())
        _INDEXES[key] = entry
    return entry[1]


def clear_cached_indexes():
    _INDEXES.clear()


# --- helpers ---------------------------------------------------------------------------------


def _sentence_excerpt(text, start, end):
    for s_start, s_end in sentences(text):
        if s_start <= start < s_end:
            if s_end - s_start <= EXCERPT_LIMIT:
                return " ".join(text[s_start:s_end].split())
            break
    return excerpt_around(text, start, end)


def _text_flag(code, message, part, start, end, **extra):
    return Flag(
        code=code,
        message=message,
        excerpt=_sentence_excerpt(part.text, start, end),
        field=part.field,
        block_index=part.block_index,
        start=start,
        end=end,
        **extra,
    )


# --- the checks: each takes the post and returns flags --------------------------------------


def check_personal_data(post, rules, reference):
    for part in post.text_parts:
        for finding in personal_data.find_personal_data(part.text):
            yield _text_flag(
                FlagCode.PERSONAL_DATA, finding.message, part, finding.start, finding.end
            )
    # An identity number in a link's address (a form filled in ahead) is published too.
    for link, _part, span in _all_links(post):
        if span and link.text == link.url:
            continue  # an address written in the text, read with it above
        address = unquote(link.url)
        for finding in personal_data.find_id_numbers(address):
            yield Flag(
                FlagCode.PERSONAL_DATA,
                finding.message,
                excerpt=address,
                field=link.field,
                block_index=link.block_index,
            )


WORD_MESSAGES = {
    FlagCode.HATE_SPEECH: lambda term: (
        _(
            "“%(term)s” can be read as hatred against an ethnic group, religion, race or group "
            "(SARA). Rewrite the sentence without it: describe what happened, not who people are."
        )
        % {"term": term}
    ),
    FlagCode.PROFANITY: lambda term: (
        _(
            "“%(term)s” is an insult. Use neutral words; if you are quoting someone, consider "
            "leaving the word out."
        )
        % {"term": term}
    ),
    FlagCode.GAMBLING: lambda term: (
        _(
            "“%(term)s” promotes online gambling, which is illegal and must not appear on the "
            "portal. Remove it. If you did not write it, tell an editor: the text may come from a "
            "hacked site."
        )
        % {"term": term}
    ),
}


def _post_topic(post):
    return topic_words(part.text for part in post.text_parts)


def _word_flags(code, post, rules, topic=None):
    """One flag per sentence, naming every listed term in it."""
    matcher = rules.matchers[code]
    if not matcher:
        return
    topic = _post_topic(post) if topic is None else topic
    for part in post.text_parts:
        by_sentence = {}
        for match in matcher.find(part.text, topic):
            by_sentence.setdefault(match.sentence, []).append(match)
        for matches in by_sentence.values():
            terms = dict.fromkeys(part.text[m.start : m.end] for m in matches)
            yield _text_flag(
                code,
                WORD_MESSAGES[code]("”, “".join(terms)),
                part,
                matches[0].start,
                matches[-1].end,
            )


HOSTILITY_MESSAGES = {
    "hostile": lambda group, word: (
        _(
            "This sentence names a group (“%(group)s”) together with “%(word)s”: a call to expel, "
            "attack, boycott or refuse service to people for who they are is SARA hostility, even "
            "without a slur. Describe what happened, not who people are."
        )
        % {"group": group, "word": word}
    ),
    "likened": lambda group, word: (
        _(
            "This sentence likens a group (“%(group)s”) to “%(word)s”. Calling people vermin, "
            "animals or a disease is SARA hostility. Rewrite it without the comparison."
        )
        % {"group": group, "word": word}
    ),
}


def check_hate_speech(post, rules, reference):
    flagged = set()
    for flag in _word_flags(FlagCode.HATE_SPEECH, post, rules):
        flagged.add((flag.field, flag.block_index, flag.excerpt))
        yield flag
    for part in post.text_parts:
        for found in rules.hostility.find(part.text):
            flag = _text_flag(
                FlagCode.HATE_SPEECH,
                HOSTILITY_MESSAGES[found.kind](found.group, found.word),
                part,
                found.start,
                found.end,
            )
            if (flag.field, flag.block_index, flag.excerpt) not in flagged:
                yield flag


def check_profanity(post, rules, reference):
    """Insults, except where the sentence is already SARA hostility (one flag, the graver)."""
    hostile = {}
    for part in post.text_parts:
        for found in rules.hostility.find(part.text):
            hostile.setdefault((part.field, part.block_index), []).append(found)
    for flag in _word_flags(FlagCode.PROFANITY, post, rules):
        spans = hostile.get((flag.field, flag.block_index), ())
        if not any(h.start <= flag.start < h.end for h in spans):
            yield flag


def check_hoax_match(post, rules, reference):
    threshold = rules.threshold(FlagCode.HOAX_MATCH) / 100
    parts = {(p.field, p.block_index): p for p in post.text_parts}
    head = f"{post.title}\n{post.summary}"
    found = hoax.find_claims(
        [(key, part.text) for key, part in parts.items()], reference.claims, threshold, head
    )
    for key, match in found.values():
        part = parts[key]
        claim = match.claim
        message = _("This resembles a claim already shown to be false: “%(claim)s”.") % {
            "claim": claim.text
        }
        if claim.correction:
            message += " " + _("The facts: %(correction)s") % {"correction": claim.correction}
        if claim.source_url:
            message += " " + _("Clarification: %(url)s.") % {"url": claim.source_url}
        message += " " + _(
            "If you are writing to correct it, say plainly that it is a hoax and cite the "
            "clarification."
        )
        text = " ".join(part.text[match.start : match.end].split())
        yield Flag(
            code=FlagCode.HOAX_MATCH,
            message=message,
            excerpt=text if len(text) <= EXCERPT_LIMIT else text[:EXCERPT_LIMIT] + "…",
            field=part.field,
            block_index=part.block_index,
            start=match.start,
            end=match.end,
            related={"claim": claim.pk, "score": round(match.score, 2)},
        )


def check_missing_source(post, rules, reference):
    if any(source.title.strip() or source.url.strip() for source in post.sources):
        return
    if post.needs_source:
        yield Flag(
            FlagCode.MISSING_SOURCE,
            _(
                "Posts in this category must name at least one source. Add where the information "
                "comes from (an office, a document, a link) under Sources."
            ),
        )
    texts = [post.title, *(part.text for part in post.text_parts)]
    first_hand = claims.reports_first_hand(texts)
    fact_check = hoax.debunked(texts)
    for part in post.text_parts:
        for start, end in claims.find_claims(
            part.text, first_hand=first_hand, fact_check=fact_check
        ):
            yield _text_flag(
                FlagCode.MISSING_SOURCE,
                _(
                    "This figure or claim has no source. Add where it comes from under Sources "
                    "(for example the office's press release or a link to the data)."
                ),
                part,
                start,
                end,
            )


def _all_links(post):
    """Every link in the post with the text part it belongs to, without repeats."""
    seen = set()
    parts = {(p.field, p.block_index): p for p in post.text_parts}
    for part in post.text_parts:
        hidden = part.field.endswith(HIDDEN_SUFFIX)
        for start, end, url in links.find_urls(part.text):
            key = (url.rstrip("/").lower(), part.field, part.block_index)
            if key not in seen:
                seen.add(key)
                if hidden:
                    yield Link(url, "", part.field, part.block_index, "hidden text"), part, None
                else:
                    yield Link(url, url, part.field, part.block_index), part, (start, end)
    for link in post.links:
        key = (link.url.rstrip("/").lower(), link.field, link.block_index)
        part = parts.get((link.field, link.block_index))
        span = None
        if part is not None and link.text and not link.hidden_reason:
            position = part.text.find(link.text)
            if position >= 0:
                span = (position, position + len(link.text))
        if key in seen and not link.hidden_reason:
            continue
        seen.add(key)
        yield link, part, span
    for index, source in enumerate(post.sources):
        if source.url:
            yield Link(source.url, source.title, "sources.url", index), None, None


def _link_flag(code, message, link, part, span):
    start, end = span if span else (None, None)
    return Flag(
        code=code,
        message=message,
        excerpt=link.url,
        field=link.field,
        block_index=link.block_index,
        start=start,
        end=end,
    )


def check_suspicious_link(post, rules, reference):
    asks = links.asks_for_credentials("\n".join(p.text for p in post.text_parts))
    for link, part, span in _all_links(post):
        shown = shown_domain_mismatch(link.text, link.url)
        if shown:
            yield _link_flag(
                FlagCode.SUSPICIOUS_LINK,
                _(
                    "The link shows the address %(shown)s but opens %(url)s. Readers trust the "
                    "address they see: make the link text match where it leads."
                )
                % {"shown": shown, "url": link.url},
                link,
                part,
                span,
            )
        problems = links.link_problems(link.url)
        if any(kind == "gambling" for kind, _reason in problems):
            continue
        reasons = [reason for kind, reason in problems if kind == "suspicious"]
        # Flagged above already when the link-text rule saw it; this one reads more forms.
        mismatch = None if shown else links.shown_domain_mismatch(link.text, link.url)
        if mismatch:
            reasons.insert(0, mismatch)
        if asks and not reasons:
            bait = links.credential_bait(link.url)
            if bait:
                reasons.append(bait)
        if link.hidden_reason:
            reasons.insert(
                0,
                _("the link is hidden from readers (%(how)s), as in hacked pages")
                % {"how": link.hidden_reason},
            )
        if reasons:
            yield _link_flag(
                FlagCode.SUSPICIOUS_LINK,
                _(
                    "Check this link: %(reasons)s. Link to the full address of the official page "
                    "instead, with https://."
                )
                % {"reasons": "; ".join(str(r) for r in reasons)},
                link,
                part,
                span,
            )


def check_gambling(post, rules, reference):
    # Hidden text is a part of its own (PostInput.text_parts), read like the rest.
    yield from _word_flags(FlagCode.GAMBLING, post, rules)
    matcher = rules.matchers[FlagCode.GAMBLING]
    for part in post.text_parts:
        for start, end in find_glued_gambling(part.text, every_word=part.field == "tags"):
            yield _text_flag(
                FlagCode.GAMBLING,
                WORD_MESSAGES[FlagCode.GAMBLING](part.text[start:end]),
                part,
                start,
                end,
            )
    for link, part, span in _all_links(post):
        gambling = any(kind == "gambling" for kind, _r in links.link_problems(link.url))
        words = f"{link.text} {link.url}".replace("-", " ").replace("/", " ").replace(".", " ")
        if gambling or matcher.find(words):
            if link.hidden_reason:
                message = _(
                    "A link hidden from readers (%(how)s) points at an online gambling "
                    "site. Remove it and tell an editor: this is how hacked sites are "
                    "abused."
                ) % {"how": link.hidden_reason}
            else:
                message = _("This link points at an online gambling site. Remove it.")
            yield _link_flag(FlagCode.GAMBLING, message, link, part, span)


def check_duplicate(post, rules, reference):
    threshold = rules.threshold(FlagCode.DUPLICATE) / 100
    text = "\n".join([post.title, post.summary, post.body_text])
    match = reference.duplicates.most_similar(text, threshold=threshold, exclude=post.page_id)
    if match:
        yield Flag(
            FlagCode.DUPLICATE,
            _(
                "This post is nearly the same as the published post “%(title)s” (%(percent)d%% "
                "alike). Link to or update that post instead, or say what is new."
            )
            % {"title": match.post.title, "percent": round(match.jaccard * 100)},
            excerpt=match.post.title,
            field="body",
            related={
                "post": match.post.pk,
                "url": match.post.url,
                "jaccard": round(match.jaccard, 2),
            },
        )


def check_missing_alt_text(post, rules, reference):
    for image in post.images:
        problem = media.alt_problem(image.alt)
        if not problem:
            continue
        if problem == "missing":
            message = _(
                "This image has no alternative text. Describe what it shows for "
                "readers who cannot see it (for example: “Warga membersihkan saluran "
                "air di Dusun Krajan”)."
            )
        else:
            message = _(
                "“%(alt)s” does not describe the image. Say what it shows for readers "
                "who cannot see it."
            ) % {"alt": image.alt.strip()}
        yield Flag(
            FlagCode.MISSING_ALT_TEXT,
            message,
            excerpt=image.label or image.alt,
            field=image.field,
            block_index=image.block_index,
        )


def check_too_short(post, rules, reference):
    minimum = rules.threshold(FlagCode.TOO_SHORT)
    count = word_count(post.body_text)
    if minimum and count < minimum:
        yield Flag(
            FlagCode.TOO_SHORT,
            _(
                "The text has %(count)d words; write at least %(minimum)d. Say what happened, "
                "where, when, who is concerned and what readers should do."
            )
            % {"count": count, "minimum": minimum},
            field="body",
        )


HIDING = {
    "display:none": gettext_lazy("styled not to display (display:none)"),
    "visibility:hidden": gettext_lazy("styled invisible (visibility:hidden)"),
    "opacity:0": gettext_lazy("made transparent (opacity)"),
    "font-size:0": gettext_lazy("written too small to read"),
    "off-screen": gettext_lazy("moved off the screen"),
    "zero size": gettext_lazy("squeezed into a box of no size"),
    "clipped": gettext_lazy("clipped out of view"),
    "scale(0)": gettext_lazy("shrunk to nothing (scale)"),
    "hidden attribute": gettext_lazy("marked hidden"),
    "same colour as background": gettext_lazy("written in the colour of the background"),
    "zero-width characters": gettext_lazy("split by invisible characters"),
    "<noscript>": gettext_lazy("placed in a <noscript> element"),
    "<script>": gettext_lazy("placed in a <script> element"),
    "<template>": gettext_lazy("placed in a <template> element"),
    "<title>": gettext_lazy("placed in a <title> element"),
    "<head>": gettext_lazy("placed in a <head> element"),
}


def hiding_description(reason):
    if reason.startswith("class "):
        return _("hidden by a style class (%(name)s)") % {"name": reason.removeprefix("class ")}
    return str(HIDING.get(reason, reason))


def check_hidden_text(post, rules, reference):
    """Flag text hidden from readers: never honest in a post, the mark of a hacked page."""
    for part in post.text_parts:
        if not part.hidden_reasons:
            continue
        hidden = " ".join(part.hidden_text.split())
        yield Flag(
            FlagCode.HIDDEN_TEXT,
            _(
                "Text here is hidden from readers: %(how)s. Hidden text is how hacked sites "
                "plant gambling links; remove the hiding, or the text, and tell an editor if "
                "you did not write it."
            )
            % {"how": "; ".join(hiding_description(r) for r in part.hidden_reasons)},
            excerpt=hidden if len(hidden) <= EXCERPT_LIMIT else hidden[:EXCERPT_LIMIT] + "…",
            field=part.field,
            block_index=part.block_index,
        )


CHECKS = {
    FlagCode.PERSONAL_DATA: check_personal_data,
    FlagCode.HATE_SPEECH: check_hate_speech,
    FlagCode.PROFANITY: check_profanity,
    FlagCode.HOAX_MATCH: check_hoax_match,
    FlagCode.MISSING_SOURCE: check_missing_source,
    FlagCode.SUSPICIOUS_LINK: check_suspicious_link,
    FlagCode.GAMBLING: check_gambling,
    FlagCode.DUPLICATE: check_duplicate,
    FlagCode.MISSING_ALT_TEXT: check_missing_alt_text,
    FlagCode.TOO_SHORT: check_too_short,
    FlagCode.HIDDEN_TEXT: check_hidden_text,
}
FIELD_ORDER = {
    "title": 0,
    "seo_title": 1,
    "search_description": 1,
    "summary": 1,
    "hero_alt": 2,
    "hero_image": 2,
    "body": 3,
}


def run_checks(post, *, reference=None, rules=None, dismissed=frozenset(), codes=None):
    """Return the flags for a post, blocking ones first, without those an editor dismissed."""
    reference = reference if reference is not None else ReferenceSet()
    rules = rules if rules is not None else Rules()
    flags = []
    for code, check in CHECKS.items():
        policy = rules.policy(code)
        if not policy.active or (codes is not None and code not in codes):
            continue
        severity = Severity.BLOCK if policy.blocks else Severity.WARN
        seen = set()
        for flag in check(post, rules, reference):
            key = (flag.fingerprint, flag.field, flag.block_index, flag.start)
            if flag.fingerprint in dismissed or key in seen:
                continue
            seen.add(key)
            flags.append(dataclasses.replace(flag, severity=severity))
            if len(seen) >= MAX_FLAGS_PER_CODE:
                break
    flags = _without_retold_claims(flags)
    return sorted(
        flags,
        key=lambda f: (
            not f.blocks,
            FIELD_ORDER.get(f.field.split(".")[0], 4),
            f.block_index if f.block_index is not None else -1,
            f.start if f.start is not None else -1,
        ),
    )


def _without_retold_claims(flags):
    """Drop a missing-source warning on a sentence already flagged as a debunked claim.

    The hoax flag says what is wrong and where the facts are; asking for a source of a
    hoax as well would be a second, weaker flag on the same words.
    """
    hoaxes = [f for f in flags if f.code == FlagCode.HOAX_MATCH and f.start is not None]
    if not hoaxes:
        return flags
    return [
        f
        for f in flags
        if not (
            f.code == FlagCode.MISSING_SOURCE
            and f.start is not None
            and any(
                h.field == f.field and h.block_index == f.block_index and h.start <= f.start < h.end
                for h in hoaxes
            )
        )
    ]


def blocking_flags(flags):
    return [flag for flag in flags if flag.blocks]
