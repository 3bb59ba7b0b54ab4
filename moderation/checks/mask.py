"""Mask identity, phone and account numbers wherever a flag quotes text back to someone.

Messages, e-mails, review dialogs and the audit log must not spread the personal data the
checks found: "3310 1501 0101 0003" is shown as "3310 15** **** **03".
"""

import re

from .personal_data import ACCOUNT, MOBILE, SIXTEEN_DIGITS, is_amount

# Bank accounts and other long numbers: 8 to 20 digits, maybe grouped by spaces or dashes.
# Dotted groups are amounts of money (Rp 10.000.000) and stay as they are, unless a bank or
# "rekening" is named just before them (ACCOUNT: "BRI 3456.01.023456.50.9").
LONG_NUMBER = re.compile(r"(?<![\w.,])(?<!Rp )(?<!Rp)\d(?:[ -]?\d){7,19}(?![\w])")
MASK = "*"


def _mask_digits(text, keep_start, keep_end):
    """Replace the digits of ``text`` by asterisks but the first and last few, keeping spacing."""
    total = sum(c.isdigit() for c in text)
    seen = 0
    out = []
    for char in text:
        if char.isdigit():
            seen += 1
            if keep_start < seen <= total - keep_end:
                char = MASK
        out.append(char)
    return "".join(out)


def _grouped(digits_and_masks):
    return " ".join(digits_and_masks[i : i + 4] for i in range(0, len(digits_and_masks), 4))


def _mask_id(match):
    digits = re.sub(r"\D", "", match.group())
    return _grouped(_mask_digits(digits, 6, 2))


def _mask_account(match):
    if is_amount(match):
        return match.group()
    start, end = match.span("number")
    number = _mask_digits(match["number"], 2, 2)
    return match.group()[: start - match.start()] + number + match.group()[end - match.start() :]


def mask_personal_data(text):
    """Return ``text`` with NIK and KK numbers, mobile numbers and long numbers masked."""
    if not text or not any(c.isdigit() for c in text):
        return text or ""
    text = ACCOUNT.sub(_mask_account, text)
    text = SIXTEEN_DIGITS.sub(_mask_id, text)
    text = MOBILE.sub(lambda m: _mask_digits(m.group(), 4, 2), text)
    return LONG_NUMBER.sub(lambda m: _mask_digits(m.group(), 2, 2), text)
