"""Rasa NLU side: the custom pipeline components, the lookup tables they read, and training."""
