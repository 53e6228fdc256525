"""The review stage: a self-contained HTML report and a terminal view of extraction output.

Why a stage of its own: people check generated claims by looking at the article with the evidence
lit up, not by reading offsets. It only reads output files (no model, no network).
"""

from summarizer.outdir import read_article_text
from summarizer.report.html import ReportData, load_for_report, render_report, write_report

__all__ = ["ReportData", "load_for_report", "read_article_text", "render_report", "write_report"]
