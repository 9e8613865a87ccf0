"""What an acronym of the documents stands for, read from the sentence that spells it out.

The documents introduce an acronym once, after its full name: « Bureau des institutions
démocratiques et des droits de l'homme (BIDDH) », « Conseil OTAN-Russie (COR) ». The full
name is the run of words before the parenthesis whose initials spell the acronym.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot.answering.cues import key_terms
from bot.knowledge.normalize import fold
from bot.knowledge.records import SentenceInfo

_SPELLED = re.compile(r"\(([A-ZÀ-Ý]{2,6})\)")
_SMALL_WORDS = {"de", "des", "du", "la", "le", "les", "l", "d", "et", "en", "pour", "a", "au", "aux", "sur"}
_ABOUT_THE_NAME = {"nom", "ancien", "changement", "sigle", "acronyme", "entier", "signification", "exactement",
                   "voulait", "veut", "signifie", "signifient", "signifiait", "dire", "lettres", "toutes", "long",
                   "complet", "developpe", "abreviation", "deja", "souviens", "souvient", "souvenir", "rappelle",
                   "rappeler", "sais", "savais", "memoire", "oublie", "plus"}
_ASKS_MEANING = re.compile(r"\b(veut dire|veulent dire|signifie|signifient|voulait dire|voulaient dire|signifiait"
                           r"|en entier|sigle|acronyme|signification|c'est quoi|qu'est-ce que|qu'est ce que"
                           r"|c'etait quoi|qu'est-ce que c'est|en toutes lettres|abreviation)\b")


_USED = re.compile(r"(?<![\w-])(?![XVI]+e?\b)[A-ZÀ-Ý]{2,6}(?![\w-])")  # capitals, not « XXIe »


@dataclass(frozen=True)
class Unspelled:
    acronym: str
    sentence: SentenceInfo


@dataclass(frozen=True)
class Expansion:
    acronym: str
    full_name: str
    sentence: SentenceInfo


def expansions(sentences: Iterable[SentenceInfo]) -> dict[str, Expansion]:
    """Every acronym the sentences spell out, by its folded form (« biddh »)."""
    found: dict[str, Expansion] = {}
    for sentence in sentences:
        for match in _SPELLED.finditer(sentence.text):
            acronym = match.group(1)
            full = _full_name(sentence.text[:match.start()], acronym)
            if full and fold(acronym) not in found:
                found[fold(acronym)] = Expansion(acronym, full, sentence)
    return found


def _full_name(before: str, acronym: str) -> str | None:
    """The words before « (ACR) » whose initials, small words aside, are the acronym's letters."""
    tokens = re.findall(r"[\w’'-]+", before)
    letters = fold(acronym)
    initials: list[str] = []
    for start in range(len(tokens) - 1, -1, -1):
        word = tokens[start]
        parts = [p for p in re.split(r"[-’']", word) if p]
        content = [p for p in parts if fold(p) not in _SMALL_WORDS]
        initials = [fold(p)[0] for p in content] + initials
        if "".join(initials) == letters:
            return re.sub(r"^(l|d)[’']", "", " ".join(tokens[start:]), flags=re.IGNORECASE)
        if len(initials) > len(letters) or not letters.endswith("".join(initials)):
            return None
    return None


def asked_acronym(text: str, known: dict[str, Expansion]) -> Expansion | None:
    """« BIDDH, ça veut dire quoi ? », « que signifie COR ? »: the acronym whose meaning is asked, in the
    sentence that asks it (« … pour le cartel : OSCE, ça veut dire quoi ? Merci ! »)."""
    asked = _asked_about(text, set(known))
    return known[asked] if asked else None


def used_acronyms(sentences: Iterable[SentenceInfo]) -> dict[str, Unspelled]:
    """Every acronym the sentences use, by its folded form, with the first sentence using it."""
    found: dict[str, Unspelled] = {}
    for sentence in sentences:
        letters = [c for c in sentence.text if c.isalpha()]
        if sum(c.isupper() for c in letters) > len(letters) / 3:
            continue  # a title in capitals: its words are not acronyms
        for acronym in _USED.findall(sentence.text):
            found.setdefault(fold(acronym), Unspelled(acronym, sentence))
    return found


def asked_unspelled(text: str, used: dict[str, Unspelled], known: dict[str, Expansion]) -> Unspelled | None:
    """« FCE, ça veut dire quoi ? »: an acronym the documents use without ever spelling it out."""
    asked = _asked_about(text, set(used) - set(known))
    return used[asked] if asked else None


def _asked_about(text: str, acronyms: set[str]) -> str | None:
    """The one acronym of ``acronyms`` (folded) the sentence asking a meaning names, with no other subject."""
    folded = fold(text)
    if not _ASKS_MEANING.search(folded):
        return None
    asking = [c for c in re.split(r"[.!?:;]", folded) if _ASKS_MEANING.search(c)]
    if len(asking) == 1 and any(w in acronyms for w in re.findall(r"\w+", asking[0])):
        folded = asking[0]  # « la CSCE, c'est l'ancien nom ? ça voulait dire quoi ? »: the whole message
    named = {w for w in re.findall(r"\w+", folded) if w in acronyms}
    if len(named) != 1:
        return None
    acronym = named.pop()
    others = [t for t in key_terms(folded) if t.word != acronym and t.word not in _ABOUT_THE_NAME]
    return acronym if not others else None
