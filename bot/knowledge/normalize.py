"""Text normalisation shared by matching, search and evidence checks."""
from __future__ import annotations

import re
import unicodedata

_ARTICLES = re.compile(r"^(?:la|le|les|l'|l’|du|de la|de l'|des|d')\s*", re.IGNORECASE)
_NON_WORD = re.compile(r"[^\w/.'’-]+")


def fold(text: str) -> str:
    """Lower-case, accent-free, typographic apostrophes straightened, spaces collapsed."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u02bc", "'").replace("\u2018", "'").replace("œ", "oe")
    return re.sub(r"\s+", " ", text).strip()


def dated_reference(folded: str) -> str:
    """« la declaration 2020 » → « la declaration de 2020 »: a text named by its year, the way its aliases say it."""
    return re.sub(r"\b(declaration|decision|texte|communique|document)(s?) ((?:19|20)\d\d)\b", r"\1\2 de \3", folded)


def name_key(name: str) -> str:
    """A comparable key for a place or document name: folded, no leading article."""
    key = fold(name)
    key = re.sub(r"[?!.,;:«»\"()]", " ", key)
    key = re.sub(r"\s+", " ", key).strip()
    return _ARTICLES.sub("", key).strip()


def words(text: str) -> list[str]:
    """Folded word tokens (keeps ``5/11``, ``mc.doc/10/14`` and hyphenated words whole)."""
    folded = fold(text).replace("'", " ")
    return [w.strip(".-") for w in _NON_WORD.split(folded) if w.strip(".-")]
