"""Survey ingestion: real exports in, confidentiality-safe climate out."""

from core.survey.errors import SurveyError
from core.survey.ingest import SurveyResult, ingest, read_table
from core.survey.mapping import BEHAVIOURS, TARGETS, Mapping, MappingFile, parse_mapping
from core.survey.privacy import DEFAULT_THRESHOLD, MIN_THRESHOLD, GroupRow

__all__ = [
    "BEHAVIOURS",
    "DEFAULT_THRESHOLD",
    "MIN_THRESHOLD",
    "TARGETS",
    "GroupRow",
    "Mapping",
    "MappingFile",
    "SurveyError",
    "SurveyResult",
    "ingest",
    "parse_mapping",
    "read_table",
]
