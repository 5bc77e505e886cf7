"""Pantau: a multi-column social desk for public-service admins."""

__version__ = "0.1.0"
