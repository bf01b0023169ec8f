"""Voice control: the 서울아 wake word, spoken content names, spoken answers (no Qt here)."""
