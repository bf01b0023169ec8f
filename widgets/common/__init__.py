"""Qt building blocks shared by widget views (cards, tables, freshness footer)."""
