"""Insight from survey data with scikit-learn: personas, key drivers, calibration, imputation.

Everything fit to data follows scikit-learn's contract: ``__init__`` stores
parameters, ``fit`` returns self, learned attributes end in ``_``, and
``random_state`` is explicit.
"""

from core.analytics.calibration import BehaviourCalibrator
from core.analytics.drivers import DriverModel, InsufficientData, priority_matrix
from core.analytics.imputation import ConstructImputer
from core.analytics.personas import PersonaModel

__all__ = [
    "BehaviourCalibrator",
    "ConstructImputer",
    "DriverModel",
    "InsufficientData",
    "PersonaModel",
    "priority_matrix",
]
