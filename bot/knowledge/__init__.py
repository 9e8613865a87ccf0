"""The knowledge store: the corpus and the curated facts, checked and loaded into SQL, and the API that reads them.

Built by ``python -m bot build-db`` (:mod:`bot.knowledge.build`), read by the
answering router through :class:`bot.knowledge.store.KnowledgeStore`.
"""
