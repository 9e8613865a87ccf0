"""Knowledge store and tooling for the French OSCE Partners for Co-operation assistant."""
