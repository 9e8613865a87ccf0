"""One answering path for every question: candidates from the store, one ranker, calibrated abstention.

The flow: :mod:`bot.answering.cues` reads a question (its type, its key terms, the
document it names); :mod:`bot.answering.ranker` scores every candidate (structured
facts are answered by :mod:`bot.answering.router`, curated answers and every
sentence of the corpus here); :mod:`bot.answering.context` resolves elliptical
turns against the dialogue state; :mod:`bot.answering.router` decides.
"""
