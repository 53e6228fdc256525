"""Plain text primitives every stage shares (issue 17's text layer starts here)."""
