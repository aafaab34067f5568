"""Confidentiality thresholds, apart from the survey readers so light callers need not load them.

No result rests on fewer answers than the threshold: 5 by default (the
norm of Effectory, Qualtrics and Peakon), never below 3.
"""

DEFAULT_THRESHOLD = 5
MIN_THRESHOLD = 3
MAX_THRESHOLD = 50
MAX_SURVEY_BYTES = 50 * 1024 * 1024  # the largest survey file Serre reads
