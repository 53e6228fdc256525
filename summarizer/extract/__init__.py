"""Extract stage: prompt → model → parse/validate → ground → claims, with retries and a call log."""
