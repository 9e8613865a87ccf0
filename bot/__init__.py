"""The French OSCE Partners for Co-operation assistant, stage by stage.

:mod:`bot.knowledge` (corpus and curated facts → knowledge store) → :mod:`bot.answering`
(what to say) → ``actions`` (the Rasa action) → :mod:`bot.runtime` (servers, channels,
chat page); :mod:`bot.nlu` holds Rasa's custom NLU side, :mod:`bot.cli` the commands.
"""
