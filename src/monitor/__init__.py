"""monitor: watch Chinese regional news for the Shanghai–Sanming cooperation."""

__version__ = "0.1.0"
