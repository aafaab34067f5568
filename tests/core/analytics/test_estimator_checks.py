"""scikit-learn's own estimator checks over every estimator in core.analytics and ItemMapper.

Each deliberate exception is listed with its reason; a check listed here
runs and is expected to fail (a pass shows as XPASS, a hint to drop it).
"""

from __future__ import annotations

from sklearn.utils.estimator_checks import parametrize_with_checks

from core.analytics.calibration import BehaviourCalibrator
from core.analytics.drivers import DriverModel
from core.analytics.imputation import ConstructImputer
from core.analytics.personas import PersonaModel
from core.survey.itemfit import ItemMapper

_SIX_CONSTRUCTS = (
    "columns are the six constructs in their fixed order (names come from them); "
    "the check fits 10 columns, refused with a ValueError"
)
_SMALL = (
    "an honest driver analysis refuses fewer than 60 respondents or 12 per outcome "
    "(InsufficientData); the check fits 1-30 rows"
)
_BINARY = (
    "the behaviour is yes/no: outcomes other than 0/1 are refused; "
    "the check's target has three values"
)
_NOT_ARRAYS = (
    "fits simulation parameters to observed shares (a dict, a scenario and a run "
    "context), not to an X array; BaseEstimator only for get_params/clone"
)

EXPECTED_FAILURES: dict[str, dict[str, str]] = {
    "PersonaModel": {
        "check_dtype_object": _SIX_CONSTRUCTS,
        "check_fit2d_1sample": _SIX_CONSTRUCTS,
    },
    "ConstructImputer": {
        "check_transformer_n_iter": (
            "the imputer iterates only when the fit data has gaps; the check's data has "
            "none, so n_iter_ is 0"
        ),
    },
    "DriverModel": {
        "check_fit2d_1sample": _SMALL,
        "check_fit2d_1feature": _SMALL,
        "check_estimators_dtypes": _SMALL,
        "check_dtype_object": _SMALL,
        "check_fit2d_predict1d": _SMALL,
        "check_pipeline_consistency": _SMALL,
        "check_fit_score_takes_y": _BINARY,
        "check_estimators_overwrite_params": _BINARY,
        "check_dont_overwrite_parameters": _BINARY,
        "check_estimators_fit_returns_self": _BINARY,
        "check_readonly_memmap_input": _BINARY,
        "check_n_features_in_after_fitting": _BINARY,
        "check_positive_only_tag_during_fit": _BINARY,
        "check_estimators_pickle": _BINARY,
        "check_estimators_pickle(readonly_memmap=True)": _BINARY,
        "check_f_contiguous_array_estimator": _BINARY,
        "check_methods_sample_order_invariance": _BINARY,
        "check_methods_subset_invariance": _BINARY,
        "check_dict_unchanged": _BINARY,
    },
}
# Every check that fits on an X array; the cloning, parameter and tag checks pass.
EXPECTED_FAILURES["BehaviourCalibrator"] = dict.fromkeys(
    [
        "check_fit_score_takes_y",
        "check_estimators_overwrite_params",
        "check_dont_overwrite_parameters",
        "check_estimators_fit_returns_self",
        "check_readonly_memmap_input",
        "check_n_features_in_after_fitting",
        "check_positive_only_tag_during_fit",
        "check_estimators_dtypes",
        "check_complex_data",
        "check_dtype_object",
        "check_estimators_empty_data_messages",
        "check_pipeline_consistency",
        "check_estimators_nan_inf",
        "check_estimator_sparse_tag",
        "check_estimator_sparse_array",
        "check_estimator_sparse_matrix",
        "check_estimators_pickle",
        "check_estimators_pickle(readonly_memmap=True)",
        "check_f_contiguous_array_estimator",
        "check_methods_sample_order_invariance",
        "check_methods_subset_invariance",
        "check_fit2d_1sample",
        "check_fit2d_1feature",
        "check_dict_unchanged",
        "check_fit_idempotent",
        "check_fit_check_is_fitted",
        "check_n_features_in",
        "check_fit1d",
        "check_fit2d_predict1d",
    ],
    _NOT_ARRAYS,
)


@parametrize_with_checks(
    [PersonaModel(), ConstructImputer(), DriverModel(), ItemMapper(), BehaviourCalibrator()],
    expected_failed_checks=lambda est: EXPECTED_FAILURES.get(type(est).__name__, {}),
)
def test_sklearn_estimator_contract(estimator, check):
    """Invariant: each estimator passes scikit-learn's checks except the listed exceptions."""
    check(estimator)
