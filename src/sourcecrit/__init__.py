"""sourcecrit: teach source criticism with news articles."""
__version__ = "0.1.0"
