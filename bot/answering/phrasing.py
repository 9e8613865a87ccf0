"""Compose the assistant's French answers from the store's results.

Every sentence here is built from values the store returns with their
citations; nothing factual is written in this module.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.answering.french_grammar import NUMBERS, agree, capitalize, join, of, pronoun, the
from bot.answering.structured_cues import YearFilter
from bot.knowledge.normalize import fold
from bot.knowledge.records import (
    Chairmanship,
    Citation,
    CountFact,
    CountryMatch,
    DocumentInfo,
    ParagraphInfo,
    PartnerInfo,
    SentenceInfo,
)
from bot.knowledge.store import KnowledgeStore
from bot.knowledge.tables import Document

SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Reply:
    """An answer and the citations it rests on."""

    text: str
    citations: tuple[Citation, ...] = ()
    buttons: tuple[tuple[str, str], ...] = field(default=())

    @property
    def sources(self) -> str:
        return cite_list(self.citations)

    def render(self) -> str:
        """The message as sent: answer, then « Source : ... »."""
        if not self.citations:
            return self.text
        label = "Sources" if len({str(c) for c in self.citations}) > 1 else "Source"
        return f"{self.text}{SEPARATOR}{label} : {self.sources}."


def cite_list(citations: tuple[Citation, ...] | list[Citation]) -> str:
    """« Brochure …, § 32 et § 33 ; Déclaration de Madrid (2007), § 12 »: each document named once."""
    places: dict[str, list[str]] = {}
    for c in citations:
        wheres = places.setdefault(c.document, [])
        if c.where not in wheres:
            wheres.append(c.where)
    return " ; ".join(f"{document}, {join(wheres)}" for document, wheres in places.items())


def _group_label(group: str, plural: bool = False) -> str:
    return group + ("s" if plural else "")


def _named(p: PartnerInfo | CountryMatch) -> str:
    return the(p.name, p.article)


def _associated(p: PartnerInfo) -> str:
    """« associée au processus de Helsinki », agreeing with the partner's gender."""
    return f"{agree('associé', p.gender)} au processus de Helsinki"


def _partner_year(p: PartnerInfo) -> str:
    return f"{agree('associé', p.gender)} dès {p.since} au processus de Helsinki" if p.since_helsinki else str(p.since)


# --- partners ------------------------------------------------------------------
def partner_reply(match: CountryMatch, asks_when: bool,
                  store_citation: Citation | None = None) -> Reply:
    """Status, group and date of one country; ``store_citation`` backs a « no » (the partner list)."""
    p = match.partner
    who = _named(match)
    if p is None:
        return Reply(f"Non, {who} n'est pas un partenaire de l'OSCE pour la coopération : {who} ne figure pas "
                     "parmi les partenaires méditerranéens et asiatiques que citent les documents.",
                     (store_citation,) if store_citation else ())
    if not p.is_current:
        return Reply(f"{capitalize(who)} n'est plus partenaire pour la coopération : partenaire depuis {p.since}, "
                     f"{'elle' if p.gender == 'f' else 'il'} est {agree('devenu', p.gender)} État participant "
                     f"de l'OSCE en {p.participating_state_since}.", (p.citation,))
    if p.since_helsinki:
        body = (f"{capitalize(who)} est un partenaire {p.group} pour la coopération : "
                f"{_associated(p)} depuis ses débuts, c'est-à-dire depuis "
                f"l'Acte final de Helsinki de {p.since}. Les documents ne donnent pas d'autre date d'adhésion.")
        prefix = "" if asks_when else "Oui. "
        return Reply(prefix + body, (p.citation,))
    if asks_when:
        return Reply(f"{capitalize(who)} est {agree('devenu', p.gender)} partenaire {p.group} pour la "
                     f"coopération en {p.since}.", (p.citation,))
    return Reply(f"Oui, {who} est un partenaire {p.group} pour la coopération, depuis {p.since}.", (p.citation,))


def could_become_reply(match: CountryMatch, open_to: str, citations: tuple[Citation, ...]) -> Reply:
    """« La Chine pourrait devenir partenaire un jour ? »: the documents do not say; what they do say of future
    requests (``open_to``)."""
    who = _named(match)
    pronoun = "elle" if match.gender == "f" else "il"
    return Reply(f"Les documents ne disent pas si {who} pourrait devenir partenaire : {pronoun} ne figure pas parmi "
                 f"les partenaires pour la coopération qu'ils citent. Ce qu'ils disent : {open_to}", citations)


def wrong_group_reply(match: CountryMatch, claimed_group: str) -> Reply | None:
    """« L'Australie, c'est un partenaire méditerranéen ? »: a partner of the other group is a « non »."""
    p = match.partner
    if p is None or not p.is_current or p.group == claimed_group:
        return None
    return Reply(f"Non, {_named(match)} n'est pas un partenaire {claimed_group} : c'est un partenaire {p.group} "
                 f"pour la coopération ({_status_since(p)}).", (p.citation,))


def joined_in_year_reply(match: CountryMatch, year: int) -> Reply | None:
    """« Israël a rejoint en 1998 ? »: the year a partner joined, checked against the one the user gives."""
    p = match.partner
    if p is None:
        return None
    who = _named(match)
    if p.since_helsinki:
        return Reply(f"Non, {who} n'est pas {agree('devenu', p.gender)} partenaire en {year} : "
                     f"{agree('associé', p.gender)} au processus de Helsinki depuis ses débuts, c'est-à-dire depuis "
                     f"l'Acte final de Helsinki de {p.since}.", (p.citation,))
    if p.since == year:
        return Reply(f"Oui, {who} est {agree('devenu', p.gender)} partenaire {p.group} pour la coopération en "
                     f"{year}.", (p.citation,))
    return Reply(f"Non, {who} est {agree('devenu', p.gender)} partenaire {p.group} pour la coopération en "
                 f"{p.since}, pas en {year}.", (p.citation,))


def membership_reply(match: CountryMatch, states: CountFact) -> Reply:
    """« Est-il membre de l'OSCE ? »: partners are not participating States, and the
    documents do not list the 57 participating States."""
    p = match.partner
    who = _named(match)
    if p is not None and not p.is_current:
        return Reply(f"Oui, {who} est {agree('devenu', p.gender)} État participant de l'OSCE en "
                     f"{p.participating_state_since}, après avoir été partenaire pour la coopération depuis "
                     f"{p.since}.", (p.citation,))
    if p is not None:
        status = (f"{_associated(p)} depuis ses débuts ({p.since})"
                  if p.since_helsinki else f"partenaire depuis {p.since}")
        return Reply(f"Non, {who} n'est pas un État participant (membre) de l'OSCE : c'est un partenaire "
                     f"{p.group} pour la coopération ({status}). Les partenaires coopèrent avec les "
                     f"{states.value} États participants sans en faire partie.", (p.citation, states.citation))
    return Reply(f"Les documents que je connais disent que l'OSCE compte {states.value} États participants, "
                 f"mais n'en donnent pas la liste : je ne peux pas vous dire si {who} en fait partie. "
                 f"{capitalize(who)} ne figure pas parmi les partenaires pour la coopération.",
                 (states.citation,))


def premise_membership_reply(match: CountryMatch, states: CountFact) -> Reply:
    """« Puisque la Tunisie est un État participant… »: a partner is not one; say so before anything else."""
    p = match.partner
    if p is not None and p.is_current:
        return Reply(f"Attention, {_named(match)} n'est pas un État participant de l'OSCE : c'est un partenaire "
                     f"{p.group} pour la coopération ({_status_since(p)}). Les partenaires coopèrent avec les "
                     f"{states.value} États participants sans en faire partie.", (p.citation, states.citation))
    return membership_reply(match, states)


def _status_since(p: PartnerInfo) -> str:
    return f"{_associated(p)} depuis ses débuts ({p.since})" if p.since_helsinki else f"partenaire depuis {p.since}"


def partner_in_year_reply(match: CountryMatch, year: int) -> Reply:
    """« La Mongolie était-elle partenaire en 2005 ? »: each partner's history, year by year."""
    p = match.partner
    who = _named(match)
    if p is None:
        return Reply(f"Non : d'après les documents, {who} n'a jamais été partenaire de l'OSCE pour la coopération ; "
                     f"{'elle' if match.gender == 'f' else 'il'} ne figure pas parmi les partenaires qu'ils citent.")
    if year < p.since:
        return Reply(f"Non, pas encore en {year} : {who} est {agree('devenu', p.gender)} partenaire en {p.since}.",
                     (p.citation,))
    if not p.is_current and p.participating_state_since and year >= p.participating_state_since:
        return Reply(f"En {year}, {who} n'était plus partenaire : partenaire depuis {p.since}, "
                     f"{'elle' if p.gender == 'f' else 'il'} est {agree('devenu', p.gender)} État participant de "
                     f"l'OSCE en {p.participating_state_since}.", (p.citation,))
    until = (f" (jusqu'à ce qu'{'elle' if p.gender == 'f' else 'il'} devienne État participant en "
             f"{p.participating_state_since})" if not p.is_current else "")
    return Reply(f"Oui, en {year}, {who} était partenaire {p.group} pour la coopération : "
                 f"{_status_since(p)}{until}.", (p.citation,))


def as_of_reply(store: KnowledgeStore, group: str | None, year: int) -> Reply:
    """The partners there were in a given year: joined by then and not yet a participating State."""
    everyone = store.partners(group=group, include_former=True)
    then = [p for p in everyone if p.since <= year and
            (p.is_current or (p.participating_state_since or 9999) > year)]
    kind = f"partenaires {_group_label(group, True)}" if group else "partenaires"
    cites = tuple(dict.fromkeys(p.citation for p in everyone)) or (store.count("asiatique").citation,)
    if not then:
        return Reply(f"En {year}, il n'y avait encore aucun des {kind} pour la coopération, d'après les documents.",
                     cites)
    n = len(then)
    return Reply(f"En {year}, il y avait {n} ({NUMBERS.get(n, n)}) {kind} pour la coopération, d'après les "
                 f"dates que donnent les documents : {_listing(then, with_years=True)}.", cites)


def ask_which_country() -> Reply:
    return Reply("De quel pays parlez-vous ? Par exemple : « Quand le Japon est-il devenu partenaire ? »")


def _listing(partners: list[PartnerInfo], with_years: bool) -> str:
    if with_years:
        return join([f"{_named(p)} ({_partner_year(p)})" for p in partners])
    return join([_named(p) for p in partners])


def neighbour_reply(partner: PartnerInfo, neighbours: list[PartnerInfo], after: bool,
                    tied: list[PartnerInfo]) -> Reply:
    """« Et juste après elle ? »: the partner(s) of the same group who joined next (or just before);
    ``tied``: those who joined the same year."""
    if not neighbours:
        named = f"{capitalize(_named(partner))} ({_partner_year(partner)})"
        none = f"aucun n'est venu {'après' if after else 'avant'}"
        if tied:
            edge = "plus récents" if after else "premiers"
            return Reply(f"{named} fait partie des {edge} partenaires {partner.group}s, avec {_listing(tied, False)} "
                         f": {none}.", (partner.citation,))
        edge = "le plus récent" if after else "le premier"
        return Reply(f"{named} est {edge} des partenaires {partner.group}s : {none}.", (partner.citation,))
    listed = _listing(neighbours, with_years=True)
    if after:
        verb = "ont suivi" if len(neighbours) > 1 else "a suivi"
        text = f"Après {_named(partner)} ({_partner_year(partner)}), {listed} {verb}."
    else:
        text = f"Avant {_named(partner)} ({_partner_year(partner)}), il y avait {listed}."
    return Reply(text, (partner.citation, *(p.citation for p in neighbours)))


def list_reply(store: KnowledgeStore, group: str | None, years: YearFilter) -> Reply:
    """Partners of a group and/or within a time filter."""
    partners = store.partners(group=group, before=years.before, after=years.after, in_year=years.in_year)
    kind = f"partenaires {_group_label(group, True)}" if group else "partenaires"
    if years.empty:
        count = store.count(group) if group else None
        ordered = sorted(partners, key=lambda p: fold(p.name)) if group else partners
        n = len(partners)
        med, asia = _alphabetical(store, "méditerranéen"), _alphabetical(store, "asiatique")
        text = (f"Les {n} {kind} pour la coopération sont : {_listing(ordered, with_years=not group)}."
                if group else
                f"L'OSCE compte {n} partenaires pour la coopération : {len(med)} méditerranéens "
                f"({_listing(med, False)}) et {len(asia)} asiatiques ({_listing(asia, False)}).")
        cites = tuple(p.citation for p in partners) + ((count.citation,) if count else ())
        return Reply(text, cites or (store.count("asiatique").citation,))
    when = _describe_years(years)
    if not partners:
        return Reply(f"Aucun des {kind} pour la coopération n'est devenu partenaire {when}, d'après les documents.",
                     (store.count("asiatique").citation,))
    verb = "est devenu partenaire" if len(partners) == 1 else "sont devenus partenaires"
    return Reply(f"{capitalize(when)}, {verb} : {_listing(partners, with_years=True)}.",
                 tuple(p.citation for p in partners))


def list_claim_reply(store: KnowledgeStore, named: list[CountryMatch], group: str | None) -> Reply:
    """« Les partenaires méditerranéens sont l'Algérie, …, le Liban et la Tunisie ? »: the list the documents
    give, after what the claimed list adds to it or leaves out."""
    partners = store.partners(group=group)
    listed = {p.name for p in partners}
    extra = [m for m in named if m.name not in listed]
    left_out = [p for p in partners if p.name not in {m.name for m in named}]
    truth = list_reply(store, group, YearFilter())
    kind = f"partenaire {_group_label(group)}" if group else "partenaire"
    notes = [f"{the(m.name, m.article)} n'est pas un {kind}" for m in extra]
    if left_out:
        notes.append(f"il manque {_listing(left_out, False)}")
    if not notes:
        return Reply(f"Oui, c'est exact. {truth.text}", truth.citations)
    return Reply(f"Non : {' ; '.join(notes)}. {truth.text}", truth.citations)


def _partner_total(store: KnowledgeStore, group: str | None) -> int:
    return sum(store.count(g).value for g in ([group] if group else ["méditerranéen", "asiatique"]))


def count_claim_reply(store: KnowledgeStore, group: str | None, claimed: int) -> Reply | None:
    """« L'OSCE et ses 57 partenaires »: the count the documents give, after « Non »; 57 is the number of
    participating States, a frequent confusion that is named. None for a right count: nothing to correct."""
    if claimed == _partner_total(store, group):
        return None
    truth = count_reply(store, group, False)
    states = store.count("participating_states")
    if claimed == states.value:
        return Reply(f"Non : {claimed} est le nombre des États participants de l'OSCE, pas celui de ses "
                     f"partenaires. {truth.text}", truth.citations + (states.citation,))
    return Reply(f"Non, pas {claimed}. {truth.text}", truth.citations)


def _alphabetical(store: KnowledgeStore, group: str) -> list[PartnerInfo]:
    return sorted(store.partners(group=group), key=lambda p: fold(p.name))


def _describe_years(years: YearFilter) -> str:
    if years.in_year is not None:
        return f"en {years.in_year}"
    if years.before is not None and years.after is not None:
        return f"entre {years.after + 1} et {years.before - 1}"
    if years.before is not None:
        return f"avant {years.before}"
    if years.since:
        return f"depuis {years.after + 1}"
    return f"après {years.after}"


def count_reply(store: KnowledgeStore, group: str | None, participating_states: bool) -> Reply:
    """How many partners (of a group), or participating States."""
    if participating_states:
        fact = store.count("participating_states")
        continents = store.fact("continents")
        return Reply(f"L'OSCE compte {fact.value} États participants, sur trois continents ({continents}).",
                     (fact.citation,))
    if group:
        fact = store.count(group)
        names = _listing(sorted(store.partners(group=group), key=lambda p: fold(p.name)), False)
        return Reply(f"Il y a {fact.value} ({NUMBERS.get(fact.value, fact.value)}) partenaires "
                     f"{_group_label(group, True)} pour la coopération : {names}.", (fact.citation,))
    med, asia = store.count("méditerranéen"), store.count("asiatique")
    total = _partner_total(store, None)
    return Reply(f"L'OSCE compte {total} ({NUMBERS.get(total, total)}) partenaires pour la coopération : "
                 f"{med.value} méditerranéens et {asia.value} asiatiques.", (med.citation,))


def order_reply(store: KnowledgeStore, group: str | None, order: str, claimed: CountryMatch | None = None,
                claimed_year: int | None = None) -> Reply:
    """First, most recent, or all partners in chronological order.

    ``claimed``: the country the question takes for the answer (« l'Australie, c'est
    bien le premier ? »), and ``claimed_year`` the year it gives (« le Japon, premier, en
    1994 ? »); a wrong premise is corrected first.
    """
    reply = _order_reply(store, group, order)
    if claimed is None or order == "all":
        return reply
    right = store.partners_at_end(group, order)
    year = right[0].since if right else None
    if any(p.name == claimed.name for p in right):
        if claimed_year is not None and claimed_year != year:
            return Reply(f"Non, pas en {claimed_year}. " + reply.text, reply.citations)
        return Reply("Oui. " + reply.text, reply.citations)
    cited = (claimed.partner.citation,) if claimed.partner else ()
    since = f" (partenaire depuis {_partner_year(claimed.partner)})" if claimed.partner else ""
    return Reply(f"Non, pas {_named(claimed)}{since}. " + reply.text, reply.citations + cited)


def _order_reply(store: KnowledgeStore, group: str | None, order: str) -> Reply:
    partners = store.partners(group=group)
    kind = f"partenaire {group}" if group else "partenaire"
    if order == "all" or not partners:
        return Reply(f"Dans l'ordre chronologique : {_listing(partners, with_years=True)}.",
                     tuple(p.citation for p in partners))
    chosen = store.partners_at_end(group, order)
    cites = tuple(p.citation for p in chosen)
    if order == "last":
        p = chosen[0]
        return Reply(f"Le {kind} le plus récent est {_named(p)}, {agree('devenu', p.gender)} partenaire en {p.since}.",
                     cites)
    if len(chosen) == 1:
        p = chosen[0]
        return Reply(f"Le premier {kind} a été {_named(p)}, {agree('devenu', p.gender)} partenaire en {p.since}.",
                     cites)
    return Reply(f"Les premiers partenaires sont {_listing(chosen, False)} : ils étaient associés au processus "
                 f"de Helsinki depuis ses débuts (Acte final de {chosen[0].since}).", cites)


def compare_reply(matches: list[CountryMatch], participating: bool = False) -> Reply:
    """Which of two countries became a partner first; with ``participating`` (« elle est devenue État
    participant avant que l'Australie devienne partenaire ? »), a former partner's date as a participating State."""
    outsiders = [m for m in matches if m.partner is None]
    partners = [m.partner for m in matches if m.partner]
    if outsiders:
        names = join([_named(m) for m in outsiders])
        verb = "ne sont pas des partenaires" if len(outsiders) > 1 else "n'est pas un partenaire"
        return Reply(f"Je ne peux pas comparer : {names} {verb} pour la coopération d'après les documents.",
                     tuple(p.citation for p in partners))
    if len(partners) < 2:
        return Reply("Quels pays voulez-vous comparer ? Par exemple : « Qui est devenu partenaire en premier, "
                     "le Japon ou la Thaïlande ? »")
    steps = [_step(p, participating) for p in partners[:2]]
    (a, a_what, a_year), (b, b_what, b_year) = sorted(steps, key=lambda step: step[2])
    cites = (a.citation, b.citation)
    if a_year == b_year and a_what == b_what:
        return Reply(f"{capitalize(_named(a))} et {_named(b)} sont partenaires depuis la même époque "
                     f"({_partner_year(a)}).", cites)
    if a_year == b_year:
        return Reply(f"La même année, {a_year} : {_named(a)} est {agree('devenu', a.gender)} {a_what} et "
                     f"{_named(b)} {b_what}.", cites)
    former = [p for p in (a, b) if not p.is_current and p.participating_state_since]
    note = "".join(f" {capitalize(_named(p))} n'est plus partenaire : {pronoun(p.gender)} est État participant "
                   f"de l'OSCE depuis {p.participating_state_since}." for p in former if not participating)
    if a_what == b_what:
        return Reply(f"{capitalize(_named(a))} est {agree('devenu', a.gender)} {a_what} en premier "
                     f"({_partner_year(a)}), avant {_named(b)} ({_partner_year(b)}).{note}", cites)
    return Reply(f"{capitalize(_named(a))} est {agree('devenu', a.gender)} {a_what} en {a_year}, avant que "
                 f"{_named(b)} ne devienne {b_what} ({b_year}).", cites)


def partners_span_reply(first: PartnerInfo, second: PartnerInfo) -> Reply:
    """« Combien d'années entre l'arrivée de la Jordanie et celle de l'Australie ? »: both years, then the gap."""
    early, late = sorted((first, second), key=lambda p: p.since)
    return Reply(f"{capitalize(_named(early))} : {_since_phrase(early)} ; {_named(late)} : {_since_phrase(late)}. "
                 f"{_span(early.since, late.since)}", (early.citation, late.citation))


def partner_then_state_reply(p: PartnerInfo) -> Reply:
    """« La Mongolie est restée partenaire combien de temps avant de devenir État participant ? »"""
    if not p.participating_state_since:
        return Reply(f"{capitalize(_named(p))} est toujours partenaire pour la coopération "
                     f"({_since_phrase(p)}) : les documents ne disent pas qu'{pronoun(p.gender)} soit "
                     f"{agree('devenu', p.gender)} État participant.", (p.citation,))
    gap = p.participating_state_since - p.since
    return Reply(f"{capitalize(_named(p))} est {agree('devenu', p.gender)} partenaire en {p.since}, puis État "
                 f"participant de l'OSCE en {p.participating_state_since} : {pronoun(p.gender)} est donc "
                 f"{agree('resté', p.gender)} partenaire {gap} an{'s' if gap > 1 else ''}.", (p.citation,))


def _since_phrase(p: PartnerInfo) -> str:
    """« partenaire depuis 1998 », « associée au processus de Helsinki depuis ses débuts (1975) »."""
    if p.since_helsinki:
        return f"{_associated(p)} depuis ses débuts ({p.since})"
    return f"partenaire depuis {p.since}"


def _step(p: PartnerInfo, participating: bool) -> tuple[PartnerInfo, str, int]:
    """What a country became and when: a partner, or a participating State when that is what is compared."""
    if participating and p.participating_state_since:
        return p, "État participant", p.participating_state_since
    return p, "partenaire", p.since


# --- documents ---------------------------------------------------------------------
def _doc_title(doc: DocumentInfo) -> str:
    return the(doc.name, doc.article)


def document_reply(doc: DocumentInfo | None) -> Reply:
    """What a document is, when and by whom it was adopted, what the texts say of it."""
    if doc is None:
        return unknown_document()
    details = []
    if doc.body and fold(doc.body) not in fold(doc.name):
        details.append(doc.body)
    if doc.date:
        details.append(f"du {doc.date}")
    elif doc.year and str(doc.year) not in doc.name:
        details.append(f"{agree('adopté', doc.gender)} en {doc.year}")
    head = f"Il s'agit {of(doc.name, doc.article)}" + (f" ({', '.join(details)})" if details else "")
    statements = " ".join(f"{capitalize(s.text)}." for s in doc.statements[:2])
    text = f"{head}. {statements}"
    if not doc.date and not doc.year:
        text += " Les documents ne précisent pas sa date."
    if doc.cited_by:
        text += f" {capitalize(agree('cité', doc.gender))} dans : {cite_list(doc.cited_by)}."
    return Reply(text, tuple(s.citation for s in doc.statements[:2]))


def document_title_reply(doc: DocumentInfo, heading: ParagraphInfo) -> Reply:
    """« Le titre exact de la déclaration de Madrid ? »: the heading as printed at the top of the text, then what
    the document is."""
    described = document_reply(doc)
    return Reply(f"En tête du texte, le titre est : « {heading.text} ». {described.text}",
                 (heading.citation, *described.citations))


def document_day_unknown_reply(doc: DocumentInfo) -> Reply:
    """« Quel jour la déclaration de Madrid a-t-elle été adoptée ? »: the texts give its year only."""
    verb = "publié" if doc.kind == "communiqué" else "adopté"
    return Reply(f"Les documents ne précisent pas le jour : ils disent seulement que {the(doc.name, doc.article)} "
                 f"a été {agree(verb, doc.gender)} en {doc.year}.", tuple(s.citation for s in doc.statements[:1]))


def document_symbol_unknown_reply(doc: DocumentInfo) -> Reply:
    """« Quelle est la cote officielle de la déclaration de Madrid ? »: the texts give it no reference number."""
    return Reply(f"Les documents ne donnent pas de cote ni de numéro de référence pour {the(doc.name, doc.article)}.",
                 tuple(s.citation for s in doc.statements[:1]))


_PLACE_OF = re.compile(r"(?:\bà |, )([A-ZÀ-Ý][a-zà-ÿ-]{3,})\b")


def document_place_reply(doc: DocumentInfo) -> Reply:
    """« Elle a été adoptée dans quelle ville ? »: the place the texts give, else that they do not give one."""
    sources = [doc.body or "", *(s.text for s in doc.statements)]
    place = next((m.group(1) for text in sources for m in [_PLACE_OF.search(text)] if m), None)
    cited = tuple(s.citation for s in doc.statements[:1])
    if place:
        verb = "publié" if doc.kind == "communiqué" else "adopté"
        return Reply(f"{capitalize(_doc_title(doc))} a été {agree(verb, doc.gender)} à {place}"
                     + (f" en {doc.year}" if doc.year else "") + ".", cited)
    return Reply(f"Les documents ne disent pas où {_doc_title(doc)} a été {agree('adopté', doc.gender)}"
                 + (f", seulement qu'{'elle' if doc.gender == 'f' else 'il'} date de {doc.year}" if doc.year else "")
                 + ".", cited)


def documents_compared_reply(subject: DocumentInfo, other: DocumentInfo, claim: str | None) -> Reply:
    """« Entre la 233 et la 430, laquelle est la plus ancienne ? », « la déclaration de Madrid est plus récente
    que la décision 5/11 ? » (``claim``: « recent » or « ancien » when the question asserts it of ``subject``)."""
    cited = _documents_cited(subject, other)
    undated = _undated(subject, other)
    if undated:
        return Reply(f"Je ne peux pas les comparer : les documents ne donnent pas la date "
                     f"{of(undated.name, undated.article)}.", cited)
    if subject.year == other.year:
        return Reply(f"{capitalize(_doc_title(subject))} et {_doc_title(other)} datent tous deux de "
                     f"{subject.year}.", cited)
    older, newer = sorted((subject, other), key=lambda d: d.year or 0)
    fact = (f"{capitalize(_doc_title(older))} ({older.date or older.year}) est plus "
            f"{agree('ancien', older.gender)} que {_doc_title(newer)} ({newer.date or newer.year}).")
    if claim is None:
        return Reply(fact, cited)
    right = (subject is newer) == (claim == "recent")
    return Reply(f"{'Oui' if right else 'Non'} : {fact[0].lower()}{fact[1:]}", cited)


def no_sentence_beside_reply(after: bool) -> Reply:
    """« et la phrase d'après ? » at the end of a document (or before its beginning)."""
    return Reply("C'était la dernière phrase de ce document." if after else
                 "C'était la première phrase de ce document : rien ne la précède.")


def _documents_cited(*docs: DocumentInfo) -> tuple[Citation, ...]:
    """Where each document is described and first cited: the evidence of a comparison of their dates."""
    return tuple(c for d in docs for c in [*(s.citation for s in d.statements[:1]), *d.cited_by[:1]])


def _undated(*docs: DocumentInfo) -> DocumentInfo | None:
    return next((d for d in docs if not d.year), None)


def not_in_document_reply(doc: DocumentInfo) -> Reply:
    """« Et dans le communiqué de l'OTAN ? » when nothing in it comes close to the question."""
    return Reply(f"Je ne trouve rien à ce sujet dans {_doc_title(doc)}.")


def citing_reply(doc: DocumentInfo | None) -> Reply:
    if doc is None:
        return unknown_document()
    if not doc.cited_by:
        return Reply(f"Aucun des documents que je connais ne mentionne {_doc_title(doc)}.")
    return Reply(f"{capitalize(_doc_title(doc))} est {agree('mentionné', doc.gender)} dans : "
                 f"{cite_list(doc.cited_by)}.", doc.cited_by)


def cited_in_reply(subject: DocumentInfo, cited: list[tuple[DocumentInfo, Citation]], kind: str | None) -> Reply:
    """« La déclaration de 2020 cite quelles décisions ? »: the documents one corpus document names, and where."""
    if not cited:
        nothing = {"décision": "aucune décision", "déclaration": "aucune déclaration"}.get(kind or "",
                                                                                       "aucun autre document")
        return Reply(f"{capitalize(_doc_title(subject))} ne cite {nothing}, d'après le texte que je connais.")
    items = " ; ".join(f"{d.name} ({c.where})" for d, c in cited)
    return Reply(f"{capitalize(_doc_title(subject))} cite : {items}.", tuple(c for _, c in cited))


def paragraph_reply(store: KnowledgeStore, doc: DocumentInfo | None, label: str | None) -> Reply:
    if doc is None:
        return unknown_document()
    if label is None:
        return document_reply(doc)
    if doc.corpus_document_id is None:
        return Reply(f"Je n'ai pas le texte {of(doc.name, doc.article)}, seulement ce qu'en disent les autres "
                     "documents. " + document_reply(doc).text, tuple(s.citation for s in doc.statements))
    paragraph = store.paragraph(doc.corpus_document_id, label)
    if paragraph is None:
        return Reply(f"{capitalize(_doc_title(doc))} n'a pas de paragraphe « {label} » dans le texte que je connais.")
    if label == "ouverture":
        where = "la formule d'ouverture du préambule"
    elif label.startswith("préambule"):
        where = "l'alinéa " + label.split()[-1] + " du préambule"
    else:
        where = f"le paragraphe {label}"
    return Reply(f"Voici {where} {of(doc.name, doc.article)} :\n« {paragraph.text} »", (paragraph.citation,))


def opening_reply(doc: DocumentInfo, opening: ParagraphInfo, first: ParagraphInfo) -> Reply:
    """« La décision 5/11 commence par quoi ? »: the formula that opens it, then its first clause."""
    return Reply(f"{capitalize(_doc_title(doc))} s'ouvre sur la formule « {opening.text.rstrip(' ,')} », suivie de "
                 f"l'alinéa 1 du préambule :\n« {first.text} »", (opening.citation, first.citation))


def quoted_origin_reply(doc: DocumentInfo, found: list[tuple[str, ParagraphInfo]]) -> Reply:
    """« ce passage correspond à quel paragraphe de la déclaration ? »: where each quoted phrase comes from."""
    places = [f"« {quote}… » vient de son paragraphe {p.citation.paragraph}" for quote, p in found]
    return Reply(f"Ce passage cite {_doc_title(doc)} : " + " ; ".join(places) + ".",
                 tuple(dict.fromkeys(p.citation for _, p in found)))


def paragraph_count_reply(store: KnowledgeStore, doc: DocumentInfo) -> Reply:
    """« La décision 5/11 compte combien de paragraphes ? »: its numbered paragraphs, and its preamble's clauses,
    counted in the text itself; a text whose paragraphs bear no number is said to have none."""
    if doc.corpus_document_id is None:
        return Reply(f"Je n'ai pas le texte {of(doc.name, doc.article)}, seulement ce qu'en disent les autres "
                     "documents.")
    body = [p for p in store.corpus_paragraphs(doc.corpus_document_id) if p.citation.paragraph != "titre"]
    numbered = [p for p in body if re.match(r"\d+\.\s", p.text)]
    clauses = [p for p in body if p.citation.paragraph.startswith("préambule") and len(p.text.split()) >= 6]
    title = capitalize(_doc_title(doc))
    if not numbered:
        return Reply(f"Les paragraphes {of(doc.name, doc.article)} ne sont pas numérotés ; je les cite dans l'ordre "
                     f"de lecture, du § 1 au § {len(body)}.", (body[-1].citation,) if body else ())
    preamble = f", précédés d'un préambule de {len(clauses)} alinéas" if clauses else ""
    return Reply(f"{title} compte {len(numbered)} paragraphes numérotés{preamble}.", (numbered[-1].citation,))


def documents_list_reply(store: KnowledgeStore) -> Reply:
    """The documents of the OSCE that concern the partners, in date order."""
    docs = [d for d in store.all_documents() if d.kind not in ("brochure", "communiqué")]
    docs.sort(key=lambda d: (d.year or 9999, d.name))
    items = [d.name + (f" ({d.year})" if d.year and str(d.year) not in d.name else "") for d in docs]
    return Reply("Les documents de l'OSCE qui concernent les partenaires pour la coopération sont : "
                 + " ; ".join(items) + ". Demandez-moi ce que dit l'un d'eux.",
                 tuple(c for d in docs for c in d.cited_by[:1])[:4])


def documents_by_date_reply(store: KnowledgeStore, order: str) -> Reply:
    """« Quel est le plus récent de tes documents ? »: the corpus documents in date order."""
    dated = sorted((d for d in store.corpus() if d.year), key=lambda d: d.year)
    undated = [d.short_title for d in store.corpus() if not d.year]
    def dated_title(d: Document) -> str:
        has_year = re.search(rf"(?<![\w/])\({d.year}\)", d.short_title)
        return d.short_title + ("" if has_year else f" ({d.year})")

    listing = " ; ".join(dated_title(d) for d in dated)
    note = f" ({join(undated)} ne porte pas de date unique.)" if undated else ""
    if order == "first" and dated:
        return Reply(f"Le plus ancien des documents que je connais est : {dated_title(dated[0])}. "
                     f"Dans l'ordre : {listing}.{note}")
    if dated:
        return Reply(f"Le plus récent des documents que je connais est : {dated_title(dated[-1])}. "
                     f"Dans l'ordre : {listing}.{note}")
    return corpus_reply(store)


def cited_by_date_reply(subject: DocumentInfo, chosen: DocumentInfo, where: Citation, order: str | None) -> Reply:
    """The oldest (or most recent) of the documents one corpus document cites."""
    which = "Le plus ancien" if order == "first" else "Le plus récent"
    year = f" ({chosen.year})" if chosen.year and str(chosen.year) not in chosen.name else ""
    return Reply(f"{which} des textes que cite {_doc_title(subject)} ({where.where}) est "
                 f"{the(chosen.name, chosen.article)}{year}.", (where,))


def unknown_document() -> Reply:
    return Reply("Je ne trouve pas ce document parmi ceux que citent les textes. Essayez par exemple "
                 "« la décision 5/11 », « la décision 430 », « MC.DOC/10/14 » ou « la Déclaration de Madrid ».")


# --- ranked answers and abstention ----------------------------------------------------
def not_covered_reply(store: KnowledgeStore, message: str, unknown: list[str]) -> Reply:
    """The subject uses words no document contains: say so rather than quote a near miss."""
    typed = {fold(m.group()): m.group() for m in re.finditer(r"\w+", message)}
    shown = [f"« {typed.get(w, w)} »" for w in unknown[:3]]
    listed = f"pas {shown[0]}" if len(shown) == 1 else "ni " + " ni ".join(shown)
    n = len(store.corpus())
    return Reply(f"Les {NUMBERS.get(n, n)} documents que je connais n'emploient {listed} : je n'y trouve rien sur "
                 "ce sujet, et je préfère ne rien avancer.")


def which_year_reply() -> Reply:
    """« et l'année d'après ? » when the last question named no year."""
    return Reply("Je ne sais pas de quelle année vous parlez : la question précédente n'en nommait aucune. "
                 "Pouvez-vous préciser l'année, par exemple « et en 2008 ? » ?")


def no_answer_reply() -> Reply:
    return Reply("Je ne trouve pas de réponse à cette question dans les documents que je connais, et je préfère "
                 "ne rien avancer. Vous pouvez reformuler, ou me demander ce que je sais faire.")


def unnamed_reply(guesses: list[CountryMatch], paragraph: ParagraphInfo) -> Reply:
    """« Lesquels ? la Tunisie et l'Égypte ? » after a passage that speaks of « certains partenaires »: it does
    not name them, so the guess can be neither confirmed nor denied."""
    names = [the(m.name, m.article) for m in guesses]
    listed = "ni " + " ni ".join(names) if len(names) > 1 else f"pas {names[0]}"
    return Reply(f"Le texte ne précise pas lesquels : il ne nomme {listed}. Il dit seulement : "
                 f"« {paragraph.text.strip()} »", (paragraph.citation,))


def chairmanship_reply(known: list[Chairmanship], year: int | None, now: bool, last: int) -> Reply:
    """« Quel pays présidait l'OSCE en 2007 ? »: the Chairmanship of that year when a document names it; else
    which ones they do name."""
    cited = tuple(c.citation for c in known)
    listed = join([f"la Présidence {c.adjective} de {c.year}" for c in known])
    named = f"la seule présidence qu'ils nomment est {listed}" if len(known) == 1 else \
        f"les présidences qu'ils nomment sont {listed}"
    that_year = next((c for c in known if c.year == year), None)
    if that_year:
        return Reply(f"En {year}, c'était la Présidence {that_year.adjective} de l'OSCE.", (that_year.citation,))
    if not known:
        return Reply("Les documents ne nomment aucune présidence de l'OSCE.")
    if now:
        return Reply(f"Les documents ne disent pas quel pays préside l'OSCE aujourd'hui : ils s'arrêtent en {last}, "
                     f"et {named}.", cited)
    if year:
        return Reply(f"Les documents ne disent pas quel pays présidait l'OSCE en {year} : {named}.", cited)
    which = "La seule présidence de l'OSCE que nomment les documents est" if len(known) == 1 else \
        "Les présidences de l'OSCE que nomment les documents sont"
    return Reply(f"{which} {listed} ; ils ne disent pas qui présidait l'Organisation les autres années.", cited)


def beyond_documents_reply(year: int, last: int) -> Reply:
    """A question about a time the documents do not reach."""
    when = f"de {year}" if year > last else f"de ce qui s'est passé après {last}"
    return Reply(f"Les documents que je connais s'arrêtent en {last} : ils ne disent rien {when}, et je ne peux "
                 "rien en déduire.")


def _quote(sentence: SentenceInfo) -> str:
    text = sentence.text
    return ("[…] " if text[:1].islower() else "") + text


def acronym_reply(acronym: str, full_name: str, sentence: SentenceInfo) -> Reply:
    """« BIDDH, ça veut dire quoi ? »: the full name, from the sentence that spells it out."""
    return Reply(f"{acronym} veut dire « {full_name} ». D'après le texte : « {_quote(sentence)} »",
                 (sentence.citation,))


def unspelled_acronym_reply(acronym: str, sentence: SentenceInfo) -> Reply:
    """« FCE, ça veut dire quoi ? »: the documents use the acronym without spelling it out; where they use it."""
    return Reply(f"Les documents emploient le sigle {acronym} sans le développer : ils ne précisent pas ce qu'il "
                 f"veut dire. Il apparaît par exemple ici : « {_quote(sentence)} »", (sentence.citation,))


def passage_reply(sentence: SentenceInfo, closest: bool, runner_up: SentenceInfo | None = None) -> Reply:
    """A sentence of the corpus, quoted exactly; ``closest`` when it only comes near the question, with the
    next closest passage from another paragraph (``runner_up``) when there is one: either may hold the answer."""
    if closest and runner_up is not None:
        return Reply("Je ne trouve pas de réponse exacte à cette question dans les documents. Les deux passages "
                     f"les plus proches disent : « {_quote(sentence)} » et « {_quote(runner_up)} »",
                     (sentence.citation, runner_up.citation))
    if closest:
        return Reply("Je ne trouve pas de réponse exacte à cette question dans les documents. Le passage le plus "
                     f"proche dit : « {_quote(sentence)} »", (sentence.citation,))
    return Reply(f"D'après le texte : « {_quote(sentence)} »", (sentence.citation,))


MENTIONS_QUOTED = 3  # past three places, the first three are quoted and the rest only cited


def mentions_reply(sentences: list[SentenceInfo]) -> Reply:
    """« La décision 5/11 parle du Fonds ? »: yes, and each place it does, quoted (the first three of many)."""
    if len(sentences) == 1:
        return Reply(f"Oui : « {_quote(sentences[0])} »", (sentences[0].citation,))
    places = NUMBERS.get(len(sentences), str(len(sentences)))
    quotes = " ; ".join(f"« {_quote(s)} »" for s in sentences[:MENTIONS_QUOTED])
    among = ", notamment" if len(sentences) > MENTIONS_QUOTED else ""
    return Reply(f"Oui, à {places} endroits{among} : {quotes}", tuple(dict.fromkeys(s.citation for s in sentences)))


def year_claim_reply(reply: Reply, claimed: int, said_years: list[int]) -> Reply:
    """« … en 2012, c'est ça ? » answered by a passage: « Oui » when it holds that year, else « Non, pas en 2012 »."""
    if claimed in said_years:
        return Reply(f"Oui. {reply.text}", reply.citations)
    return Reply(f"Non, pas en {claimed}. {reply.text}", reply.citations)


def maintained_reply(reply: Reply) -> Reply:
    """« T'es sûr ? », « c'est faux » after an answer: the same answer again, said to be what the documents say."""
    return Reply(f"Je maintiens ma réponse, c'est ce que disent les documents : {reply.text}", reply.citations,
                 reply.buttons)


def unconfirmed_reply() -> Reply:
    """A challenge after a near miss or an abstention: nothing was asserted, so nothing can be confirmed."""
    return Reply("Je ne peux pas le confirmer : les documents ne répondaient pas exactement à votre question, "
                 "je vous ai seulement indiqué le passage le plus proche.")


def curated_reply(text: str, citations: tuple[Citation, ...], closest: bool) -> Reply:
    if closest:
        return Reply("Je ne trouve pas de réponse exacte à cette question dans les documents. Ce qu'ils disent "
                     f"de plus proche : {text}", citations)
    return Reply(text, citations)


def paragraph_quote_reply(paragraph: ParagraphInfo, closest: bool = False) -> Reply:
    """« Tu peux citer le passage exact ? »: the whole paragraph the last answer cited first; after a near
    miss, said to be the closest passage, not an answer."""
    lead = ("Je ne trouve pas de réponse exacte à votre question ; voici en entier le passage le plus proche"
            if closest else "Voici le passage exact")
    return Reply(f"{lead} ({paragraph.citation.where}) :\n« {paragraph.text} »", (paragraph.citation,))


def with_absent_names(reply: Reply, names: list[str]) -> Reply:
    """A name the question takes for granted and no document uses (« à Moscou »): say so first."""
    shown = " ni ".join(f"« {capitalize(n)} »" for n in names[:2])
    return Reply(f"Les documents ne mentionnent pas {shown}. {reply.text}", reply.citations, reply.buttons)


def not_in_paragraph_reply(paragraph: ParagraphInfo) -> Reply:
    """« Ce même paragraphe parle d'experts ? » when it does not: said, not the paragraph shown as if it did."""
    return Reply(f"Je ne trouve pas cela dans ce paragraphe ({paragraph.citation.where}) : il n'en parle pas.",
                 (paragraph.citation,))


def no_passage_reply() -> Reply:
    return Reply("Je ne trouve pas de passage à citer pour ma dernière réponse : posez-moi d'abord une question.")


def source_reply(sources: str | None, store: KnowledgeStore) -> Reply:
    if sources:
        return Reply(f"Ma dernière réponse vient de : {sources}.")
    return corpus_reply(store)


def corpus_reply(store: KnowledgeStore) -> Reply:
    """What the assistant knows, when no answer has been cited yet."""
    titles = [d.title for d in store.corpus()]
    return Reply("Je n'ai encore cité aucune source dans cette conversation. Toutes mes réponses viennent de "
                 f"{len(titles)} documents : " + " ; ".join(f"« {t} »" for t in titles) + ".")


@dataclass(frozen=True)
class DatedSubject:
    """A subject of a comparison, the one year its passage gives, and that passage."""

    name: str
    year: int
    clause: str
    citations: tuple[Citation, ...]


def dates_compared_reply(first: DatedSubject, second: DatedSubject, newest: bool) -> Reply:
    """« Le groupe de contact méditerranéen ou l'asiatique, lequel est le plus ancien ? »: each date, as the
    documents give it, then the answer."""
    said = _both_dated(first, second)
    cited = first.citations + second.citations
    if first.year == second.year:
        return Reply(f"{said} Les deux datent de {first.year}.", cited)
    older, newer = sorted((first, second), key=lambda s: s.year)
    chosen = newer if newest else older
    word = "récent" if newest else "ancien"
    return Reply(f"{said} Le plus {word} est donc {_mid_sentence(chosen.name)} ({chosen.year}).", cited)


def dates_span_reply(first: DatedSubject, second: DatedSubject) -> Reply:
    """« Combien d'années entre … et … ? »: each date, as the documents give it, then the difference of the years."""
    return Reply(f"{_both_dated(first, second)} {_span(first.year, second.year)}",
                 first.citations + second.citations)


def _both_dated(first: DatedSubject, second: DatedSubject) -> str:
    """Each subject with the clause that dates it, as the documents word it."""
    return (f"D'après les documents : {_mid_sentence(first.name)} : « {first.clause} » ; "
            f"{_mid_sentence(second.name)} : « {second.clause} ».")


def documents_span_reply(first: DocumentInfo, second: DocumentInfo) -> Reply:
    """« Combien d'années entre l'Acte final d'Helsinki et la déclaration de Madrid ? »: both years, the gap."""
    cited = _documents_cited(first, second)
    undated = _undated(first, second)
    if undated:
        return Reply(f"Je ne peux pas le calculer : les documents ne donnent pas la date "
                     f"{of(undated.name, undated.article)}.", cited)
    return Reply(f"{capitalize(_doc_title(first))} date {_of_date(first)} et {_doc_title(second)} "
                 f"{_of_date(second)}. {_span(first.year or 0, second.year or 0)}", cited)


def _of_date(doc: DocumentInfo) -> str:
    """« du 11 juin 1998 », « de 2007 »."""
    return f"du {doc.date}" if doc.date and not doc.date.isdigit() else f"de {doc.year}"


def _span(one: int, other: int) -> str:
    """« De 1975 à 2007, il s'est donc écoulé 32 ans. », of years only: the documents rarely date both to the day."""
    early, late = sorted((one, other))
    if early == late:
        return f"Les deux datent de la même année, {early}."
    gap = late - early
    return f"De {early} à {late}, il s'est donc écoulé {gap} an{'s' if gap > 1 else ''}."


def _mid_sentence(name: str) -> str:
    """« Le groupe de contact … » as typed at the start of a question, inside a sentence: « le groupe … »."""
    return re.sub(r"^(Le|La|Les|L')(?=[\s'])", lambda m: m.group(1).lower(), name)
