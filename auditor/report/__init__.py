"""The HTML report: ``render_site(run, out_dir, registry)`` writes a static site that opens from disk."""

from .render import render_site

__all__ = ["render_site"]
