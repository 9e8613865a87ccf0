"""Small French grammar helpers: articles, elision, agreement, list joining."""
from __future__ import annotations


def the(name: str, article: str) -> str:
    """« la Thaïlande », « l'Algérie », « Israël », « le Japon »."""
    if not article:
        return name
    if article == "l'":
        return f"l'{name}"
    return f"{article} {name}"


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def of(name: str, article: str) -> str:
    """« de la Thaïlande », « du Japon », « de l'Algérie », « d'Israël », « des États-Unis »."""
    if article == "le":
        return f"du {name}"
    if article == "les":
        return f"des {name}"
    if article in ("la", "l'"):
        return f"de {the(name, article)}"
    return f"d'{name}" if name[:1].lower() in "aeiouyéèêàâîïôûœh" else f"de {name}"


def agree(word: str, gender: str, plural: bool = False) -> str:
    """Add the feminine -e (and plural -s) to a past participle or adjective (« ancien » → « ancienne »)."""
    if gender == "f" and word.endswith(("en", "on")):
        word += "n"
    return word + ("e" if gender == "f" else "") + ("s" if plural else "")


def pronoun(gender: str) -> str:
    """« elle » or « il », for a subject of this gender."""
    return "elle" if gender == "f" else "il"


def join(items: list[str]) -> str:
    """« a, b et c »."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " et " + items[-1]


NUMBERS = {1: "un", 2: "deux", 3: "trois", 4: "quatre", 5: "cinq", 6: "six", 7: "sept", 8: "huit", 9: "neuf", 10: "dix",
           11: "onze", 57: "cinquante-sept"}
