"""The NLU data stays consistent with the store's data."""
from bot.lookup import LOOKUP_FILE, country_names, render


def test_country_lookup_table_is_up_to_date() -> None:
    assert LOOKUP_FILE.read_text(encoding="utf-8") == render(), "run `python -m bot export-lookup`"
    assert {"Thaïlande", "Japon", "Liban", "Mongolie", "Corée du Sud"} <= set(country_names())
