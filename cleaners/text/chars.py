"""Character classes of code points, looked up for a whole document at once with numpy.

Counting capitals, digits or letters character by character in Python costs more than
everything else the model reads from a unit; a table lookup over the document's code
points does it in a few array operations. The table is filled lazily, for the code
points met so far, with Python's own str predicates, so counts match them exactly.
"""

from __future__ import annotations

import numpy as np

UPPER = 1  # str.isupper
ALPHA = 2  # str.isalpha
DIGIT = 4  # str.isdigit
SPACE = 8  # str.isspace: what str.split() splits on
LETTER = 16  # the regex class [^\W\d_]: alphanumeric, not a decimal digit
CJK = 32  # kana, CJK ideographs (BMP) and hangul: scripts written without spaces
_KNOWN = 128
_CJK_RANGES = ((0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7AF))
_FLAGS = np.zeros(0x110000, dtype=np.uint8)


def code_points(text: str) -> np.ndarray:
    """Return a text's code points (lone surrogates included) as an array."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")


def char_flags(points: np.ndarray) -> np.ndarray:
    """Return the class bits of every code point, classifying the ones not seen before."""
    flags = _FLAGS[points]
    if (flags < _KNOWN).any():
        for point in np.unique(points[flags < _KNOWN]).tolist():
            _FLAGS[point] = classify_char(chr(point)) | _KNOWN
        flags = _FLAGS[points]
    return flags


def classify_char(ch: str) -> int:
    """Return the class bits of one character."""
    bits = 0
    if ch.isupper():
        bits |= UPPER
    if ch.isalpha():
        bits |= ALPHA
    if ch.isdigit():
        bits |= DIGIT
    if ch.isspace():
        bits |= SPACE
    if ch.isalnum() and not ch.isdecimal():
        bits |= LETTER
    point = ord(ch)
    if any(lo <= point <= hi for lo, hi in _CJK_RANGES):
        bits |= CJK
    return bits
