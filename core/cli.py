"""The command line: same engine as the dashboard.

    python -m core simulate FILE [--runs N] [--seed S] [--employees N] [--json]
    python -m core recommend FILE [--json] [--lang nl]
    python -m core ingest FILE [--mapping FILE] [--group COLUMN] [--json]
    python -m core report FILE... --out report.html|deck.pptx [--recommend]
    python -m core policy FILE --lang nl --out policy.docx|policy.md
    python -m core schema

Bad input gives exit code 2 and one clear line on stderr, never a traceback;
an unexpected failure gives exit code 1, one line with a reference, and the
traceback in the log file (``SERRE_LOG``, else ``serre-cli.log`` in the
temporary folder). Unusual but valid inputs are warned about on stderr.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from core import plausibility
from core.boundary import LOGGER, log_unexpected
from core.context import DEFAULT_RUNS, MAX_RUNS, RunContext
from core.errors import SerreError
from core.files import check_output, read_limited, write_output
from core.i18n import LANGUAGES, translate
from core.scenario import Scenario, json_schema, load_scenario
from core.text import one_line
from core.thresholds import DEFAULT_THRESHOLD

# Each command imports what it needs, so `simulate` does not load pandas or the reports.
from core.thresholds import MAX_SURVEY_BYTES as MAX_BYTES

EXIT_INTERNAL = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
MAX_EMPLOYEES = 100_000
MAX_INT_CHARS = 19  # an option value longer than this is never a meaningful count


class _UsageError(Exception):
    """Raised instead of argparse's exit so every usage problem is one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def _whole(text: str) -> int:
    """An integer option, refusing absurd digit counts before converting."""
    if len(text.strip()) > MAX_INT_CHARS:
        raise argparse.ArgumentTypeError(f"a number of at most {MAX_INT_CHARS} digits")
    try:
        return int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"invalid int value: {text[:20]!r}") from exc


def _real(text: str) -> float:
    """A float option, refusing absurd lengths, infinities and NaN."""
    if len(text.strip()) > MAX_INT_CHARS + 6:
        raise argparse.ArgumentTypeError("a number of reasonable length")
    try:
        value = float(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"invalid float value: {text[:20]!r}") from exc
    if value != value or value in (float("inf"), float("-inf")):
        raise argparse.ArgumentTypeError("a finite number")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m core", description="Serre engine: simulate, recommend.")
    parser.add_argument("--lang", choices=LANGUAGES, default="en", help="language of messages")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    sim = sub.add_parser("simulate", help="simulate a scenario file")
    sim.add_argument("file")
    sim.add_argument("--runs", type=_whole, default=DEFAULT_RUNS)
    sim.add_argument("--seed", type=_whole, default=None)
    sim.add_argument("--employees", type=_whole, default=None, help="employees to simulate")
    sim.add_argument("--json", action="store_true", help="print JSON")

    rec = sub.add_parser("recommend", help="recommend a policy mix for a scenario file")
    rec.add_argument("file")
    rec.add_argument("--seed", type=_whole, default=None)
    rec.add_argument("--runs", type=_whole, default=1000, help="runs for before/after metrics")
    rec.add_argument("--leak-cap", type=_real, default=None, help="max yearly leak probability")
    rec.add_argument("--survey", default=None, help="a survey export: simulate its respondents")
    rec.add_argument("--threshold", type=_whole, default=DEFAULT_THRESHOLD)
    rec.add_argument("--json", action="store_true", help="print JSON")

    ing = sub.add_parser("ingest", help="read a survey export into climate scores")
    ing.add_argument("file")
    ing.add_argument("--mapping", default=None, help="a mapping JSON file to apply")
    ing.add_argument("--group", default=None, help="column for a confidential breakdown")
    ing.add_argument("--threshold", type=_whole, default=DEFAULT_THRESHOLD)
    ing.add_argument("--save-mapping", default=None, help="write the mapping used to this file")
    ing.add_argument("--json", action="store_true", help="print JSON")

    rep = sub.add_parser("report", help="write an HTML report or PPTX deck of scenario files")
    rep.add_argument("files", nargs="+")
    rep.add_argument("--out", required=True, help="report.html or deck.pptx")
    rep.add_argument("--runs", type=_whole, default=1000)
    rep.add_argument("--seed", type=_whole, default=None)
    rep.add_argument(
        "--recommend", action="store_true", help="include the recommendation for the first file"
    )

    pol = sub.add_parser("policy", help="write the draft policy text of a scenario file")
    pol.add_argument("file")
    pol.add_argument("--out", required=True, help="policy.docx or policy.md")

    sub.add_parser("schema", help="print the scenario JSON Schema")
    for p in (sim, rec, ing, rep, pol):
        p.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS)
    return parser


def _check_ranges(args: argparse.Namespace) -> None:
    runs = getattr(args, "runs", None)
    if runs is not None and not 1 <= runs <= MAX_RUNS:
        raise SerreError("error.cli_runs", low=1, high=MAX_RUNS, value=runs)
    employees = getattr(args, "employees", None)
    if employees is not None and not 1 <= employees <= MAX_EMPLOYEES:
        raise SerreError("error.cli_employees", low=1, high=MAX_EMPLOYEES, value=employees)
    seed = getattr(args, "seed", None)
    if seed is not None and seed < 0:
        raise SerreError("error.cli_seed", value=seed)
    cap = getattr(args, "leak_cap", None)
    if cap is not None and not 0 < cap <= 1:
        raise SerreError("error.cli_leak_cap", value=cap)


def _context(scenario: Scenario, args: argparse.Namespace, **extra: Any) -> RunContext:
    """The run context of a command: the scenario's seed unless --seed is given."""
    changes: dict[str, Any] = {"runs": args.runs, **extra}
    if args.seed is not None:
        changes["seed"] = args.seed
    return RunContext.for_scenario(scenario, **changes)


def _table(metrics: dict[str, dict[str, float]], lang: str) -> str:
    """Every metric in its unit and the language's digits (core.metrics, core.formatting)."""
    from core.formatting import span
    from core.metrics import METRICS

    head = f"{translate('cli.metric', lang):34} {translate('cli.mean', lang):>14}   P10–P90"
    rows = [head, "-" * (len(head) + 16)]
    for name, s in metrics.items():
        spec = METRICS.get(name)
        if spec is None:
            continue
        band = span(spec.show(s["p10"], lang), spec.show(s["p90"], lang))
        rows.append(f"{name:34} {spec.show(s['mean'], lang, precise=True):>14}   {band}")
    return "\n".join(rows)


def _load(path: str, lang: str) -> Scenario:
    """A scenario file; unusual but valid values are warned about on stderr."""
    scenario = load_scenario(path)
    for text in plausibility.messages(scenario, lang):
        print(f"warning: {one_line(text)}", file=sys.stderr)
    return scenario


def _simulate(args: argparse.Namespace) -> str:
    from core.simulate import simulate

    scenario = _load(args.file, args.lang)
    result = simulate(scenario, _context(scenario, args, employees=args.employees))
    if args.json:
        return json.dumps(result.to_dict(), indent=2)
    return f"{one_line(scenario.title(args.lang))}\n" + _table(result.summary(), args.lang)


def _recommend(args: argparse.Namespace) -> str:
    from core.recommend import Objective, recommend

    scenario = _load(args.file, args.lang)
    context = _context(scenario, args)
    notes: dict[str, str] = {}
    if args.survey:
        context, notes = _survey_context(scenario, context, args)
    rec = recommend(scenario, Objective(leak_cap=args.leak_cap), context, notes=notes)
    data = rec.to_dict(args.lang)
    if args.json:
        return json.dumps(data, indent=2, ensure_ascii=False)
    lines = [one_line(scenario.title(args.lang)), ""]
    lines += [f"- {r['lever']} = {r['value']}: {r['text']}" for r in data["reasons"]]
    if data["conflicts"]:
        lines += ["", *[f"! {c['message']}" for c in data["conflicts"]]]
    return "\n".join(lines)


def _survey_context(
    scenario: Scenario, context: RunContext, args: argparse.Namespace
) -> tuple[RunContext, dict[str, str]]:
    """The survey's respondents, calibrated parameters and key-driver notes per lever."""
    from core.analytics.insight import analyse, persona_source
    from core.survey.isolate import ingest_isolated

    data = read_limited(args.survey, MAX_BYTES)
    result = ingest_isolated(data, Path(args.survey).name, None, args.threshold)
    insight = analyse(result, scenario, context.params, context.seed)
    context = context.with_(
        params=insight.params(context.params), source=persona_source(result, insight)
    )
    return context, insight.driver_notes(args.lang)


def _ingest(args: argparse.Namespace) -> str:
    from core.safe_json import checked_json_text
    from core.scenario import MAX_FILE_BYTES
    from core.survey import parse_mapping
    from core.survey.isolate import ingest_isolated

    if args.save_mapping:
        check_output(args.save_mapping)
    mapping = None
    if args.mapping:
        raw = read_limited(args.mapping, MAX_FILE_BYTES)
        mapping = parse_mapping(checked_json_text(raw, args.mapping))
    survey = read_limited(args.file, MAX_BYTES)
    result = ingest_isolated(survey, Path(args.file).name, mapping, args.threshold)
    data = result.to_dict(args.lang, group=args.group)
    if args.save_mapping:
        template = result.mapping.to_json(result.questions, result.unmapped)
        write_output(args.save_mapping, template)
    if args.json:
        return json.dumps(data, indent=2, ensure_ascii=False)
    lines = [
        f"{translate('cli.format', args.lang)}: {result.format_label}",
        f"{translate('cli.respondents', args.lang)}: {result.respondents}",
    ]
    for name, c in data["constructs"].items():
        if c["mean"] is not None:
            alpha = "-" if c["alpha"] is None else f"{c['alpha']:.2f}"
            lines.append(f"  {name:20} {c['mean']:.2f}  alpha {alpha}  items {c['n_items']}")
    dropped = ", ".join(d["column"] for d in data["dropped_columns"]) or "-"
    lines.append(f"{translate('cli.dropped', args.lang)}: {dropped}")
    lines += [f"! {one_line(w)}" for w in data["warnings"]]
    return "\n".join(lines)


def _report(args: argparse.Namespace) -> str:
    from core.recommend import recommend
    from core.reports import html_report, pptx_deck
    from core.simulate import simulate

    suffix = Path(args.out).suffix.lower()
    if suffix not in (".html", ".pptx"):
        raise SerreError("error.cli_report_format", value=suffix or args.out)
    check_output(args.out)
    scenarios = [_load(f, args.lang) for f in args.files]
    context = _context(scenarios[0], args)  # one seed for all: common random numbers
    results = [(s.title(args.lang), simulate(s, context)) for s in scenarios]
    rec = None
    if args.recommend:
        rec = recommend(scenarios[0], context=context)
        results.append((translate("report.recommended", args.lang), rec.after))
    if suffix == ".html":
        return write_output(args.out, html_report(results, args.lang, rec))
    return write_output(args.out, pptx_deck(results, args.lang, rec))


def _policy(args: argparse.Namespace) -> str:
    from core.reports import draft_policy, to_docx, to_markdown

    suffix = Path(args.out).suffix.lower()
    if suffix not in (".docx", ".md"):
        raise SerreError("error.cli_policy_format", value=suffix or args.out)
    check_output(args.out)
    doc = draft_policy(_load(args.file, args.lang), args.lang)
    return write_output(args.out, to_docx(doc) if suffix == ".docx" else to_markdown(doc))


def log_file() -> str:
    """Where the CLI logs unexpected errors with their traceback."""
    return os.environ.get("SERRE_LOG") or os.path.join(tempfile.gettempdir(), "serre-cli.log")


def _log_to_file() -> None:
    """Send the ``serre`` log to a file, so a traceback never reaches the terminal."""
    if not any(getattr(h, "serre_cli", False) for h in LOGGER.handlers):
        handler = logging.FileHandler(log_file(), delay=True, encoding="utf-8")
        handler.serre_cli = True  # type: ignore[attr-defined]
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        LOGGER.addHandler(handler)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit code. The one error boundary of every command."""
    lang = "en"
    _log_to_file()
    try:
        args = _parser().parse_args(argv)
        lang = args.lang
        _check_ranges(args)
        commands: dict[str, Callable[[argparse.Namespace], str]] = {
            "simulate": _simulate,
            "recommend": _recommend,
            "ingest": _ingest,
            "report": _report,
            "policy": _policy,
            "schema": lambda _: json.dumps(json_schema(), indent=2),
        }
        output: Any = commands[args.command](args)
        print(output)
    except _UsageError as exc:
        print(f"error: {one_line(exc)}", file=sys.stderr)
        return EXIT_USAGE
    except SerreError as exc:
        print(f"error: {one_line(exc.message(lang))}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(f"error: {translate('error.interrupted', lang)}", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # the boundary: logged with its traceback, never shown
        reference = log_unexpected(exc, "cli")
        print(f"error: {translate('error.unexpected_cli', lang, ref=reference, log=log_file())}",
              file=sys.stderr)  # fmt: skip
        return EXIT_INTERNAL
    return 0
