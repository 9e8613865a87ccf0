"""From a corpus text to citable units: PDF artefacts cleaned, numbered paragraphs and sentences, references."""
