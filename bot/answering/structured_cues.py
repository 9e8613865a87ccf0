"""Read the cues of a question that decide the shape of the answer.

The NLU gives the intent and entities; these helpers read what the entities
leave implicit (« avant 2000 », « le plus récent », « méditerranéen »), from the
entity values when there are some and from the message otherwise.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.knowledge.normalize import fold

_GROUP_CUES = {
    "méditerranéen": re.compile(r"\bmedit|\bmediterran|\bmed\b|\bmediteran"),
    "asiatique": re.compile(r"\basi(at|e\b)|\basian"),
}


def group_in(*texts: str | None) -> str | None:
    """« méditerranéen » or « asiatique » when a text names exactly one group; none when one names both
    (« combien de méditerranéens et combien d'asiatiques ? » asks about the two)."""
    named = [[g for g, cue in _GROUP_CUES.items() if cue.search(fold(text))] for text in texts if text]
    if any(len(found) > 1 for found in named):
        return None
    return next((found[0] for found in named if found), None)


def names_both_groups(text: str) -> bool:
    """« les méditerranéens, plus ou moins que les asiatiques ? »: a question about the two groups at once."""
    return all(cue.search(fold(text)) for cue in _GROUP_CUES.values())


_YEAR_CUE = re.compile(
    r"(avant|apres|depuis|des|en|au cours de|pendant|jusqu'en|a partir de|plus tard que|plus tot que)"
    r"\s+(?:l'annee\s+)?(\d{4})"
)


@dataclass(frozen=True)
class YearFilter:
    before: int | None = None
    after: int | None = None
    in_year: int | None = None
    since: bool = False  # « depuis 2000 »: from that year on, said as such

    @property
    def empty(self) -> bool:
        return self.before is None and self.after is None and self.in_year is None


def year_filter(text: str) -> YearFilter:
    """« avant 2000 », « après 2000 », « depuis 2000 », « en 1994 », « entre 1990 et 2000 »."""
    folded = fold(text)
    between = re.search(r"entre (\d{4}) et (\d{4})", folded)
    if between:
        low, high = sorted(int(y) for y in between.groups())
        return YearFilter(before=high + 1, after=low - 1)
    match = _YEAR_CUE.search(folded)
    if not match:
        return YearFilter()
    cue, year = match.group(1), int(match.group(2))
    if cue in ("avant", "plus tot que"):
        return YearFilter(before=year)
    if cue == "jusqu'en":
        return YearFilter(before=year + 1)
    if cue in ("apres", "plus tard que"):
        return YearFilter(after=year)
    if cue in ("depuis", "des", "a partir de"):
        return YearFilter(after=year - 1, since=True)
    return YearFilter(in_year=year)


_SORTED = re.compile(r"\bdu plus (ancien|vieux|recent|nouveau) au plus (ancien|vieux|recent|nouveau)\b"
                     r"|\b(ranger|range|ranges|classer|classe-les|classes|trier|trie-les|tries|ordonner)\b"
                     r"|\bordre chronologique\b")


def asks_sorted(text: str) -> bool:
    """« tu peux me les ranger du plus ancien au plus récent ? »: the whole list in order, not its first or last."""
    return bool(_SORTED.search(fold(text)))


def order_in(text: str) -> str:
    """``first``, ``last`` or ``all`` (chronological list)."""
    folded = fold(text)
    if asks_sorted(folded):
        return "all"
    if re.search(r"\b(dernier|derniere|plus recent|plus recemment|plus tard|nouveau|nouvelle|recent)", folded):
        return "last"
    if re.search(r"\b(premier|premiere|plus ancien|plus ancienne|plus vieux|plus vieille|plus tot|d'abord|en premier"
                 r"|1er)", folded):
        return "first"
    return "all"


def asks_comparison(text: str) -> bool:
    """« ... le premier, le Maroc ou la Jordanie ? », « la Corée avant l'Australie ? »: an order between subjects."""
    return order_in(text) != "all" or bool(re.search(r"\b(avant|apres|plus longtemps)\b", fold(text)))


def paragraph_number(text: str) -> str | None:
    """The paragraph a question asks for: « paragraphe 9 », « § 9 », « alinéa 3 du préambule »."""
    folded = fold(text)
    preamble = re.search(r"(?:alinea|considerant)\s*(\d{1,2})(?![\d/])\D*preambule"
                         r"|preambule\D{0,20}?(\d{1,2})(?![\d/])", folded)
    if preamble:
        return f"préambule {preamble.group(1) or preamble.group(2)}"
    considerant = re.search(r"\b(\w+) considerant\b", folded)  # « le premier considérant »: a preamble clause
    rank = _rank(considerant.group(1)) if considerant else None
    if rank:
        return f"préambule {rank}"
    match = re.search(r"(?:paragraphe|para|parrafo|§|alinea|point|article)\s*(?:n[o°]\s*)?(\d{1,2})\b(?!/)",
                      folded) or \
        re.match(r"\s*(?:et\s+)?(?:au|le)\s+(\d{1,2})\s*[,:]", folded) or \
        re.match(r"\s*(?:et\s+)?le\s+(\d{1,2})\s+(?!" + _NOT_A_VERB + r")[a-z]+(?:e|ent|it|ait)\b", folded)
    # « Au 2, c'est qui qui est encouragé ? », « Le 5 vise la participation de qui ? »
    if match:
        return match.group(1)
    # « au deuxième paragraphe », « le 3e point » (« le premier paragraphe » is a position: a decision's § 1)
    worded = re.search(r"\b(\w+) (paragraphe|alinea|point)\b", folded)
    return _rank(worded.group(1)) if worded and worded.group(1) != "premier" else None


_NOT_A_VERB = (r"(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|ans?|annees?"
               r"|etats?|pays|partenaires?|membres?|groupes?)\b")
_ORDINALS = {"premier": 1, "deuxieme": 2, "second": 2, "troisieme": 3, "quatrieme": 4, "cinquieme": 5,
             "sixieme": 6, "septieme": 7, "huitieme": 8, "neuvieme": 9, "dixieme": 10, "onzieme": 11,
             "douzieme": 12, "treizieme": 13, "quatorzieme": 14, "quinzieme": 15}


def _rank(word: str) -> str | None:
    """« deuxième », « 2e », « 3ème » → « 2 », « 3 »."""
    numbered = re.fullmatch(r"(\d{1,2})(e|eme|er)", word)
    return numbered.group(1) if numbered else str(_ORDINALS[word]) if word in _ORDINALS else None


_NUMBER_ALONE = re.compile(r"^(?:(?:et|puis|alors|ok|bon|et pour)\s+)*(?:le|au|du)\s+(\d{1,2})"
                           r"(?:\s+(?:de|dans)\s+(?:cette|ce|la|le)\s+(?:meme\s+)?(?:decision|declaration|texte"
                           r"|document|brochure|communique))?\s*[?!.]*$")


def paragraph_number_alone(text: str) -> str | None:
    """« et le 2 ? », « et le 7 de cette même décision ? »: a paragraph number, once a paragraph was quoted."""
    match = _NUMBER_ALONE.match(fold(text).strip())
    return match.group(1) if match else None


_POSITIONS = {
    "this": re.compile(r"\b(ce paragraphe|ce meme paragraphe|meme paragraphe|ce passage|cet alinea)\b"),
    "next": re.compile(r"\b(juste apres|juste ensuite|tout de suite apres)\s*[?!.]*$"
                       r"|\b(le |au |du )?(paragraphe|alinea|point|considerant) suivant\b|\bla phrase suivante\b"
                       r"|\b(apres|ensuite|plus loin) dans le texte\b|\bla suite du texte\b"),
    "first": re.compile(r"\b(tout au debut|au tout debut|(les )?(premieres|1eres) lignes"
                        r"|(le |au |du )?(tout )?premier paragraphe|1er paragraphe)\b"),
    "last": re.compile(r"\b(tout a la fin|a la toute fin|a la fin|en conclusion|pour finir|pour terminer"
                       r"|se (termine|clot|conclut|finit|acheve)(-t-(elle|il))?"
                       r"|(termine|finit)(-t-(elle|il))? (sur|par)"
                       r"|(le |au |du )?(tout )?dernier paragraphe|derniere phrase|(les )?dernieres lignes)\b"
                       r"(?! (de l'annee|des annees|de (janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre"
                       r"|octobre|novembre|decembre)|du mois|(de |des )?\d))"),
}


def position_in(text: str) -> str | None:
    """« tout au début », « à la fin », « dans ce paragraphe », « juste après »: where in the document the question
    points."""
    folded = fold(text)
    found = next((name for name, cue in _POSITIONS.items() if cue.search(folded)), None)
    if found is None and _OPENS.search(folded) and not _OPENS_A_PART.search(folded):
        return "first"  # « la décision 5/11 commence par quoi ? », not « celui qui commence par « Se félicitant » »
    return found


_OPENS = re.compile(r"\b(commence|debute|s'ouvre)(-t-(elle|il))? (par|sur)\b"
                    r"|\b(par|sur) (quoi|quels mots|quelle formule) (commence|debute|s'ouvre)")
_OPENS_A_PART = re.compile(r"«|\b(considerant|alinea|paragraphe|phrase|celui|celle|passage|section|preambule|qui "
                           r"commence)\b")


def without_position(text: str) -> str:
    """The question without its « tout au début » / « à la fin » words, which no paragraph holds."""
    folded = fold(text)
    for cue in _POSITIONS.values():
        folded = cue.sub(" ", folded)
    return folded


def asks_when(text: str) -> bool:
    """Whether the question is about a date rather than a yes/no status."""
    return bool(re.search(r"\b(quand|depuis|annee|date|when|since|a partir de quel)", fold(text)))


def asks_participating_states(text: str) -> bool:
    return bool(re.search(r"etats? participants?|etats? membres?|pays membres?|membres de l'osce", fold(text)))


def asks_membership(text: str) -> bool:
    """« La Jordanie est-elle membre de l'OSCE ? »: participating State, not partner."""
    return bool(re.search(r"\bmembres?\b|etats? participants?|\bpartie de l'osce", fold(text)))


def is_bare_subject(text: str) -> bool:
    """« Tailande ? », « méditerranéens ? »: a subject alone, at most four words, no question of its own."""
    folded = re.sub(r"^(et|pareil pour|meme question pour)\s+", "", fold(text).strip(" ?!."))
    return 0 < len(folded.split()) <= 4 and not re.search(r"\b(quand|qui|quel|quelle|quels|quelles|combien|"
                                                          r"comment|pourquoi|ou|que|quoi)\b", folded)


_WHICH_OLDER = re.compile(r"\b(lequel|laquelle|lesquels|qui|quel|quelle)\b[^?,]*?"
                          r"\b(est|sont|a [eé]t[eé]|[eé]tait|vient)?\s*(le |la )?"
                          r"(plus (ancien|ancienne|vieux|vieille|r[eé]cent|r[eé]cente)|premi[eè]re?"
                          r"|en premier)\b", re.IGNORECASE)
_SUBJECT_LEAD = re.compile(r"^\s*(et|entre|qu'est-ce qui est|c'est|alors|donc|selon toi|d'apr[eè]s toi)\b\s*",
                           re.IGNORECASE)


# « le Fonds, il est plus ancien ou plus récent que le groupe de contact asiatique ? »: two subjects around « que »
_THAN = re.compile(r"^\s*(?P<first>[^?]+?),?\s+(?:(?:il|elle)\s+)?(?:est|a ete cree|a ete creee|date)\s+"
                   r"(?:d'avant|d'apres|plus (?:ancien|recent|vieux|vieille)n?e?)"
                   r"(?:\s+ou\s+plus\s+\w+)?\s+(?:que|qu')\s*(?P<second>[^?]+?)\s*\?*\s*$")
# « combien d'années entre l'Acte final et la déclaration de Madrid ? », « … créé combien d'années après … ? »
_SPAN = r"combien (?:d'annees|d'ans|de temps)"
_SPAN_BETWEEN = re.compile(_SPAN + r"\b[^?]*?\bentre\s+(?P<first>[^?]+?)\s+et\s+(?P<second>(?:le|la|l'|les)\b[^?]+?)"
                           r"\s*\?*\s*$|^\s*(?:et\s+)?entre\s+(?P<first2>[^?]+?)\s+et\s+(?P<second2>(?:le|la|l'|les)"
                           r"\b[^?]+?),?\s*(?:il (?:y a|s'est ecoule)\s+)?" + _SPAN)
_SPAN_AFTER = re.compile(r"^(?P<first>[^?]+?)\s+" + _SPAN + r"\s+(?:apres|avant)\s+(?P<second>[^?]+?)\s*\?*\s*$")


def _same_length_fold(text: str) -> str:
    """Lower-case and accent-free, one character for one, so that a match in it slices the text as typed."""
    return "".join(fold(c)[:1] or " " if c.strip() else " " for c in text)


def asks_span(text: str) -> bool:
    """« combien d'années … », « combien de temps … »: a gap between two dates."""
    return bool(re.search(_SPAN, fold(text)))


def span_subjects(text: str) -> tuple[str, str] | None:
    """« Combien d'années entre l'Acte final d'Helsinki et la déclaration de Madrid ? », « le groupe asiatique a été
    créé combien d'années après le méditerranéen ? » → the two dated subjects, as typed."""
    typed = text.strip()
    plain = _same_length_fold(typed)
    between = _SPAN_BETWEEN.search(plain)
    if between:
        first = "first" if between.group("first") else "first2"
        second = "second" if between.group("second") else "second2"
        return _completed(typed[between.start(first):between.end(first)].strip(" ,"),
                          typed[between.start(second):between.end(second)].strip(" ,"))
    after = _SPAN_AFTER.search(plain)
    if after:
        verb = re.search(r"\s+(a ete|ont ete|est|sont|etait|date|a rejoint|est arrivee?)\b", after.group("first"))
        end = after.start("first") + verb.start() if verb else after.end("first")
        first = typed[after.start("first"):end]
        return _completed(_SUBJECT_LEAD.sub("", first).strip(" ,"), typed[after.start("second"):after.end("second")]
                          .strip(" ,"))
    return None


def _completed(first: str, second: str) -> tuple[str, str]:
    """« l'asiatique » after « le groupe de contact méditerranéen »: the second completed from the first."""
    words_first, words_second = first.split(), re.sub(r"^(le|la|l'|les)\s*", "", second, flags=re.IGNORECASE).split()
    if len(words_second) == 1 and len(words_first) >= 3:
        second = " ".join(words_first[:-1] + words_second)
    elif len(words_second) >= 2 and fold(words_second[0]) == "groupe" and len(words_first) >= 4 and \
            fold(" ".join(words_first[1:3])) == "groupe de" and "contact" in fold(first) and \
            "contact" not in fold(second):
        second = " ".join(words_first[:-1] + words_second[1:])  # « le groupe méditerranéen »
    return first, second


def compared_subjects(text: str) -> tuple[str, str] | None:
    """« le groupe de contact méditerranéen ou l'asiatique, lequel est le plus ancien ? » → the two subjects as
    typed, the second completed from the first when it only names what sets it apart (« l'asiatique »)."""
    typed = text.replace("’", "'")
    than = _THAN.search(_same_length_fold(typed))
    if than:
        return _completed(_SUBJECT_LEAD.sub("", typed[than.start("first"):than.end("first")]).strip(" ,"),
                          typed[than.start("second"):than.end("second")].strip(" ,"))
    asked = _WHICH_OLDER.search(typed)
    if not asked:
        return None
    rest = (typed[:asked.start()] + " " + typed[asked.end():]).replace("?", " ")
    parts = re.split(r"\s+ou\s+|\s+et\s+(?=(?:le|la|l'|les)\b)", rest.strip(" ,:"), maxsplit=1,
                     flags=re.IGNORECASE)
    if len(parts) != 2:
        return None
    first, second = (_SUBJECT_LEAD.sub("", p).strip(" ,:") for p in parts)
    if not first or not second:
        return None
    return _completed(first, second)
