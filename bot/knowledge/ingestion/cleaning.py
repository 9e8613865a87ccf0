"""Remove the PDF-extraction artefacts of the source texts.

The originals keep stray leading spaces, words hyphenated across lines
("dia-\\nlogue"), bullet glyphs that did not survive (U+FFFD) and page breaks in
the middle of sentences. Cleaning happens at ingestion; originals stay untouched.
"""
from __future__ import annotations

import re

_HYPHEN_BREAK = re.compile(r"(?<=[a-zà-ÿœ])-[ \t]*\n[ \t]*(?=[a-zà-ÿœ])")
_BULLET = re.compile(r"^[ \t]*[\ufffd•▪●■◦·][ \t]*", re.MULTILINE)
_MARKDOWN_EMPHASIS = re.compile(r"\*{1,2}([^*]+?)\*{1,2}")
_SENTENCE_END = re.compile(r"[.:;!?»)]\s*$")


def clean_text(raw: str) -> str:
    """Return the text with hyphenation, bullets and emphasis marks repaired.

    Blank lines still separate blocks; lines inside a block are kept so that
    the segmenter can see headings.
    """
    text = raw.replace("\r\n", "\n").replace("\u00a0", " ")
    text = _MARKDOWN_EMPHASIS.sub(r"\1", text)
    text = _BULLET.sub("- ", text)
    text = _HYPHEN_BREAK.sub("", text)
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]
    return "\n".join(lines)


def split_blocks(text: str) -> list[str]:
    """Split cleaned text into blocks, re-joining blocks cut by a page break.

    A block that does not end a sentence and is followed by one starting in
    lower case is the same paragraph cut by a page break.
    """
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    merged: list[str] = []
    for block in blocks:
        if merged and not _SENTENCE_END.search(merged[-1]) and block[0].islower():
            merged[-1] = merged[-1] + "\n" + block
        else:
            merged.append(block)
    return merged


def join_lines(block: str) -> str:
    """Flatten a block's line breaks into single spaces."""
    return re.sub(r"\s+", " ", block).strip()


def normalize_space(text: str) -> str:
    """Collapse all white space, for comparing quotes with paragraphs."""
    return re.sub(r"\s+", " ", text.replace("\u2019", "'")).strip()
