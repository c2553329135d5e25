"""Writes of the marketplace domain: ``<thing>_<action>`` functions, keyword-only."""
