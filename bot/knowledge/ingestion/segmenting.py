"""Split a cleaned document into citable paragraphs.

Declarations and decisions keep their own paragraph numbers (unnumbered
preamble clauses become "préambule 1", "préambule 2"..., counted as readers count
them: after the opening formula « Le Conseil ministériel, », labelled "ouverture");
the brochure and the press release get sequential numbers, with the brochure's
section headings.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.knowledge.ingestion.cleaning import join_lines, split_blocks
from bot.knowledge.records import OPENING

_NUMBERED = re.compile(r"^(\d{1,2})\.\s+")
_OPENING = re.compile(r"^(Le|La|Les|Nous)\b[^.,;]{0,40},$")  # « Le Conseil ministériel, »: who speaks, no clause


@dataclass(frozen=True)
class Segment:
    """One paragraph of a document, in reading order."""

    position: int
    label: str
    section: str | None
    text: str


def _heading_pattern(heading: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in heading.replace("’", "'").split()]
    return re.compile(r"\s+".join(words).replace("'", "['’]"))


def _split_headings(text: str, headings: list[str]) -> str:
    for heading in headings:
        text = _heading_pattern(heading).sub(f"\n\n{heading}\n\n".replace("\\", "\\\\"), text, count=1)
    return text


def _attach_list_items(blocks: list[str]) -> list[str]:
    """Bullet items belong to the paragraph that introduces them."""
    out: list[str] = []
    for block in blocks:
        if block.startswith("- ") and out:
            out[-1] = out[-1] + "\n" + block
        else:
            out.append(block)
    return out


def segment(text: str, skip_blocks: int, headings: list[str] | None = None) -> list[Segment]:
    """Return the document's paragraphs; the first `skip_blocks` form its title."""
    headings = headings or []
    blocks = _attach_list_items(split_blocks(_split_headings(text, headings)))
    segments = [Segment(0, "titre", None, " ".join(join_lines(b) for b in blocks[:skip_blocks]))]
    heading_set = set(headings)
    section: str | None = None
    preamble = sequential = 0
    numbered_document = any(_NUMBERED.match(b) for b in blocks[skip_blocks:])
    for block in blocks[skip_blocks:]:
        flat = join_lines(block) if not block.count("\n- ") else _flatten_list(block)
        if flat in heading_set:
            section = flat
            continue
        number = _NUMBERED.match(flat)
        if number:
            label = number.group(1)
        elif numbered_document and preamble == 0 and _OPENING.match(flat):
            label = OPENING
        elif numbered_document:
            preamble += 1
            label = f"préambule {preamble}"
        else:
            sequential += 1
            label = str(sequential)
        segments.append(Segment(len(segments), label, section, flat))
    return segments


def _flatten_list(block: str) -> str:
    head, *items = block.split("\n- ")
    return join_lines(head) + "\n" + "\n".join(f"- {join_lines(i)}" for i in items)


# A sentence ends at . ! ? (or a closing » or parenthesis after them) before a
# capital, a « or a digit; « 1. » at a paragraph's start is its number, not an end.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[»)]?\s+(?=[«A-ZÀ-ÖØ-Þ0-9])")
_LIST_ITEM = re.compile(r"\n- ")
_CLAUSE_BREAK = re.compile(r"\s;\s")
LONG_SENTENCE = 320  # characters past which a sentence is also split at « ; »


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of a paragraph, and of the clauses of long ones.

    Offsets index ``text`` itself, so ``text[start:end]`` is the exact quote.
    """
    body_start = m.end() if (m := _NUMBERED.match(text)) else 0
    cuts = [body_start]
    for pattern in (_SENTENCE_BREAK, _LIST_ITEM):
        cuts += [m.end() if pattern is _SENTENCE_BREAK else m.start() + 1 for m in pattern.finditer(text, body_start)]
    cuts = sorted(set(cuts)) + [len(text)]
    spans: list[tuple[int, int]] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        spans += _clauses(text, start, end)
    return [(s, e) for s, e in (_trim(text, s, e) for s, e in spans) if e - s >= 3]


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    if end - start <= LONG_SENTENCE:
        return [(start, end)]
    cuts = [start] + [m.end() for m in _CLAUSE_BREAK.finditer(text, start, end)] + [end]
    return list(zip(cuts, cuts[1:], strict=False))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \n-":
        start += 1
    while end > start and text[end - 1] in " \n;":
        end -= 1
    return start, end
