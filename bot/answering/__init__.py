"""One answering path for every question: candidates from the store, one ranker, calibrated abstention.

The flow: :mod:`bot.answering.cues` reads a question (its type, its key terms, the
document it names); :mod:`bot.answering.ranker` scores every candidate (structured
facts are answered by :mod:`bot.answering.router`, curated answers and every
sentence of the corpus here); :mod:`bot.answering.context` resolves elliptical
turns against the dialogue state; :mod:`bot.answering.router` decides, reading
the structured cues of :mod:`bot.answering.structured_cues` (partners, groups,
years, order); :mod:`bot.answering.phrasing` says the answer in French, with
:mod:`bot.answering.french_grammar`. The word lists, synonyms and the way users
name each document are data: ``words.yml``, ``synonyms.yml``, ``scopes.yml``.
"""
