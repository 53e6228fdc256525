"""Fault-injection suite (issue 6): bad inputs, model/server faults, interruption, prompt
injection and secrets. Every module is marked ``faults``; run with ``pytest tests/faults``."""
