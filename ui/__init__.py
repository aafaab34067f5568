"""Streamlit-only helpers shared by the pages: bootstrap, state, texts, charts, widgets."""
