"""Network providers, one module each, behind the Provider protocol of base.py."""
