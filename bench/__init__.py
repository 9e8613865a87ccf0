"""The benchmark (``python -m bench`` / ``make bench``): speed, memory and accuracy figures.

Figures are printed and written to ``bench/results.md``; tests never time anything.
"""
