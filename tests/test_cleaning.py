from bot.knowledge.ingestion.cleaning import clean_text, split_blocks
from bot.knowledge.ingestion.segmenting import segment


def test_hyphenated_line_breaks_are_joined() -> None:
    assert clean_text("le dia-\nlogue et la sé-\ncurité") == "le dialogue et la sécurité"


def test_hyphen_before_capital_is_kept() -> None:
    assert clean_text("à Tel-\nAviv") == "à Tel-\nAviv"


def test_lost_bullets_become_dashes() -> None:
    assert clean_text(" \ufffd l'existence de relations") == "- l'existence de relations"


def test_page_break_in_mid_sentence_is_mended() -> None:
    blocks = split_blocks("présidé par la Présidence\n\nsortante de l'OSCE, a été créé en 2003.")
    assert blocks == ["présidé par la Présidence\nsortante de l'OSCE, a été créé en 2003."]


def test_numbered_and_preamble_paragraphs() -> None:
    text = "TITRE\n\nRappelant ceci,\n\n1. Décide cela ;\n\n2. Encourage autre chose."
    labels = [s.label for s in segment(text, skip_blocks=1)]
    assert labels == ["titre", "préambule 1", "1", "2"]
    opened = "TITRE\n\nLe Conseil ministériel,\n\nRappelant ceci,\n\nNotant cela,\n\n1. Décide."
    assert [s.label for s in segment(opened, skip_blocks=1)] == ["titre", "ouverture", "préambule 1", "préambule 2",
                                                                  "1"]


def test_headings_open_sections() -> None:
    segs = segment("Titre\n\nIntro.\nThèmes principaux\nLe dialogue.", 1, ["Thèmes principaux"])
    assert [(s.label, s.section) for s in segs] == [("titre", None), ("1", None), ("2", "Thèmes principaux")]
