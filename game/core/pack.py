"""Loading a whole pack folder: every file read, checked, and the usable scenarios kept."""

from __future__ import annotations

import errno
import gc
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from game.core.checks import (
    PackContext,
    as_id,
    check_deck,
    check_glossary_ids,
    check_pack_info,
    check_story,
    check_texts,
)
from game.core.model import ID_PATTERN, Deck, HelpContact, PackInfo, Story, Text, WarningSign
from game.core.problems import Problem, Severity
from game.core.wording import at as at_place
from game.core.wording import describe_error, did_you_mean, errors_of, non_latin
from game.core.yamlfile import (
    Loc,
    YamlDoc,
    cannot_read,
    describe_not_a_file,
    read_yaml_file,
)

ScenarioModel = Story | Deck
PACK_FILE = "pack.yaml"
SIGNS_FILE = "warning-signs.yaml"


@dataclass
class Pack:
    """A loaded pack: what the game plays. Only scenarios without errors are in it."""

    folder: Path
    info: PackInfo
    signs: dict[str, WarningSign]
    scenarios: dict[str, ScenarioModel]
    left_out: dict[str, list[Problem]] = field(default_factory=dict)

    @property
    def languages(self) -> list[str]:
        return self.info.languages

    @property
    def default_language(self) -> str:
        return self.info.languages[0]

    def text(self, text: Text | None, lang: str) -> str:
        """`text` in `lang`, falling back to the pack's first language ('' for no text)."""
        return text.in_language(lang, self.default_language) if text is not None else ""

    def image_path(self, image: str) -> Path:
        return self.folder / image


@dataclass
class LoadResult:
    """The pack (None when pack.yaml itself cannot be used) and every problem found."""

    pack: Pack | None
    problems: list[Problem]
    files: int

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]


class PackFolderMissing(Exception):
    """The folder given as a pack does not exist or is not a folder."""


def load_pack(folder: Path, shown: str | None = None, *,
              display_checks: bool = True) -> LoadResult:
    """Read every file of the pack in `folder` and check every rule of the format.

    `shown` is how the folder is named in messages (default: as given). One broken
    scenario never hides the others: each is checked, and those with errors are
    listed in `Pack.left_out` instead of `Pack.scenarios`. `display_checks=False`
    skips the warnings about how texts fit and draw (they never stop a pack from
    loading), so the game starts sooner; `validate` always makes them.
    """
    try:
        exists = folder.is_dir()
    except OSError as exc:  # a folder above it that this user may not open
        shown_as = (shown if shown is not None else str(folder)).rstrip("/\\") or "."
        return LoadResult(None, [Problem(shown_as, 0, 0, Severity.ERROR,
                                         cannot_read(exc, "the pack folder"))], 0)
    if not exists:
        raise PackFolderMissing(f"{folder}: no such folder")
    # Parsing builds many short-lived, acyclic objects; the cyclic collector would scan
    # them again and again for nothing (a fifth of the time on a large pack).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load(folder, shown, display_checks)
    finally:
        if collecting:
            gc.enable()


def _load(folder: Path, shown: str | None, display_checks: bool) -> LoadResult:
    root = (shown if shown is not None else str(folder)).rstrip("/\\") or "."

    def show(name: str) -> str:
        name = printable(name)
        return name if root == "." else f"{root}/{name}"

    problems: list[Problem] = []
    try:
        listing = sorted(folder.iterdir())
    except OSError as exc:
        problems.append(Problem(root, 0, 0, Severity.ERROR, cannot_read(exc, "the pack folder")))
        return LoadResult(None, problems, 0)
    yaml_files, refused = _pack_files(folder, listing, show, problems)
    files = len(yaml_files)
    if PACK_FILE in refused:
        return LoadResult(None, _in_file_order(problems, show), files)

    names = {p.name for p in yaml_files}
    help_positions: list[int] = []
    info, info_doc = _load_info(folder / PACK_FILE, show(PACK_FILE), problems, help_positions,
                                PACK_FILE in names)
    ctx = PackContext(folder, info.languages if info else [],
                      list(info.risk_scale) if info else [], display_checks=display_checks)
    if info is not None:
        ctx.help_places = {code.lower() for c in info.help for code in c.where}
    signs, signs_doc = _load_signs(folder / SIGNS_FILE, show(SIGNS_FILE), ctx, problems,
                                   SIGNS_FILE in names)

    scenario_files = [p for p in yaml_files if p.name not in (PACK_FILE, SIGNS_FILE)]
    parsed: dict[str, ScenarioModel] = {}
    loaded: dict[str, ScenarioModel] = {}
    left_out: dict[str, list[Problem]] = {
        printable(name.removesuffix(".yaml")): [problem] for name, problem in refused.items()
        if name not in (PACK_FILE, SIGNS_FILE)}
    for path in scenario_files:
        sid = printable(path.stem)
        model, own = _load_scenario(path, show(path.name), ctx)
        problems += own
        if model is not None:
            parsed[sid] = model
        errors = [p for p in own if p.is_error]
        if errors:
            left_out[sid] = errors
        elif model is not None:
            loaded[sid] = model

    ids = [p.stem for p in scenario_files]
    if info is not None and info_doc is not None:
        problems += check_pack_info(info, info_doc, ids, ctx, help_positions)
    if signs_doc is not None:
        used = _used_signs(parsed.values())
        for sid in signs:
            if sid not in used:
                problems.append(signs_doc.problem((sid,), f"warning sign '{sid}' is never used by "
                                                  "any choice or card", key=True,
                                                  severity=Severity.WARNING))

    problems = _in_file_order(problems, show)
    if info is None:
        return LoadResult(None, problems, files)
    order = [s for s in (info.scenarios or []) if s in loaded]
    order += sorted(s for s in loaded if s not in order)
    pack = Pack(folder, info, signs, {s: loaded[s] for s in order}, left_out)
    return LoadResult(pack, problems, files)


def _pack_files(folder: Path, listing: list[Path], show: Any,
                problems: list[Problem]) -> tuple[list[Path], dict[str, Problem]]:
    """The `.yaml` files to read, and the `.yaml` names refused (with the error said).

    Everything else that looks like a scenario but is not read gets a warning naming it
    and what to do: `.YAML`, `.yml`, `.yaml.txt` (Windows hides the `.txt`), and folders,
    pipes or devices named `*.yaml` (a pipe would block the reader for ever). A link that
    leads outside the pack folder is refused, as a picture outside the pack is.
    """
    inside = folder.resolve()
    files: list[Path] = []
    refused: dict[str, Problem] = {}
    for path in listing:
        name = path.name
        if name.startswith("."):
            continue
        lower = name.lower()
        if name.endswith(".yaml"):
            problem = _not_readable(path, inside, show(name))
            if problem is None:
                files.append(path)
            elif problem.is_error:
                refused[name] = problem
                problems.append(problem)
            else:
                problems.append(problem)
            continue
        nested = _nested_scenarios(path) if name != "images" else 0
        if nested:
            problems.append(Problem(show(name), 0, 0, Severity.WARNING,
                                    f"the folder {name} holds {nested} .yaml "
                                    f"file{'s' if nested != 1 else ''}, which the game does not "
                                    "read: a pack's scenarios sit directly in the pack folder, "
                                    "next to pack.yaml (move them there)"))
            continue
        if lower.endswith((".yaml.txt", ".yml.txt")):
            stem = name[:-len(".txt")].rsplit(".", 1)[0]
            why = ("it ends in .txt (Windows may hide that part of the name; Notepad adds it "
                   "when \"Save as type\" is \"Text documents\")")
        elif lower.endswith((".yaml", ".yml")):
            stem = name.rsplit(".", 1)[0]
            why = ("the game reads only files whose name ends in .yaml, in lower-case letters"
                   if lower.endswith(".yaml") else "the game reads only .yaml files")
        else:
            continue
        problems.append(Problem(show(name), 0, 0, Severity.WARNING,
                                f"{name} is not read: {why} (rename it to {stem}.yaml)"))
    return files, refused


def _nested_scenarios(path: Path) -> int:
    """How many scenario-like files a folder inside the pack holds (0 for anything else)."""
    try:
        if path.is_symlink() or not path.is_dir():
            return 0
        return sum(1 for child in path.iterdir()
                   if child.name.lower().endswith((".yaml", ".yml"))
                   and not child.name.startswith("."))
    except OSError:
        return 0


def printable(name: str) -> str:
    """A file name as it can be shown and drawn: bytes that are not UTF-8 (a zip made on
    another system) become the replacement character instead of breaking the screen."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def misnamed_as(wanted: Path) -> str | None:
    """The name of a file next to `wanted` that was surely meant to be it (`pack.yml`,
    `Pack.YAML`, `pack.yaml.txt`), or None."""
    stem = wanted.name.removesuffix(".yaml")
    variants = {stem + ext for ext in (".yaml", ".yml", ".yaml.txt", ".yml.txt")}
    try:
        return next((p.name for p in sorted(wanted.parent.iterdir())
                     if p.name != wanted.name and p.name.lower() in variants), None)
    except OSError:
        return None


def _not_readable(path: Path, inside: Path, shown: str) -> Problem | None:
    """Why a `*.yaml` entry of the pack folder is not read, or None when it can be."""
    try:
        if path.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(inside):
                return Problem(shown, 0, 0, Severity.ERROR,
                               f"{path.name} is a link to a file outside the pack folder; "
                               "files outside the pack are refused (copy the file into the "
                               "pack instead of linking to it)")
        info = path.stat()
    except RuntimeError:  # Python before 3.13: a symlink loop while resolving
        return Problem(shown, 0, 0, Severity.ERROR, f"{path.name} is a link that leads round in "
                       "a loop back to itself; replace it with the file itself")
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Problem(shown, 0, 0, Severity.ERROR, f"{path.name} is a link that leads round "
                           "in a loop back to itself; replace it with the file itself")
        if exc.errno == errno.ENOENT:
            return Problem(shown, 0, 0, Severity.ERROR, f"{path.name} is a link to a file that "
                           "does not exist; replace it with the file itself")
        return Problem(shown, 0, 0, Severity.ERROR, cannot_read(exc, "the file"))
    if stat.S_ISREG(info.st_mode):
        return None
    return Problem(shown, 0, 0, Severity.WARNING,
                   f"{path.name} is {describe_not_a_file(info.st_mode)}, not a file, so it is "
                   "not read: rename or move it (each .yaml of a pack is one text file, like "
                   "job-offer.yaml)")


def _in_file_order(problems: list[Problem], show: Any) -> list[Problem]:
    first = {show(PACK_FILE): 0, show(SIGNS_FILE): 1}
    return sorted(problems, key=lambda p: (first.get(p.path, 2), p.path, p.line, p.col))


def _validate(model: type[BaseModel], doc: YamlDoc, file_kind: str, scale: int | None,
              problems: list[Problem], data: Any = None, at: Loc = (),
              labels: dict[str, int] | None = None) -> Any:
    """`data` (default: the whole file), which sits at `at` in the file, as `model`;
    None after reporting each of its errors where it was written. `labels` maps each
    degree's label (lower case, in every language) to its number, for a `risk` written
    as a label."""
    try:
        return model.model_validate(doc.data if data is None else data)
    except ValidationError as exc:
        for error in errors_of(exc):
            error = dict(error, loc=(*at, *error["loc"]))
            loc, message, on_key = describe_error(error, file_kind, scale)
            given = error.get("input")
            if labels and loc[-1:] == ("risk",) and isinstance(given, str) \
                    and given.strip().lower() in labels:
                message = at_place(loc, file_kind, f"risk '{given}' is the label of a degree: "
                                   f"write its number, risk: {labels[given.strip().lower()]}")
            line, col = doc.where(loc, key=on_key)
            problems.append(Problem(doc.shown, line, col, Severity.ERROR, message))
        return None


def _load_info(path: Path, shown: str, problems: list[Problem], help_positions: list[int],
               present: bool) -> tuple[PackInfo | None, YamlDoc | None]:
    if not present:
        misnamed = misnamed_as(path)
        also = f" ({misnamed} is not read: rename it to pack.yaml)" if misnamed else ""
        problems.append(Problem(shown, 0, 0, Severity.ERROR, "this pack has no pack.yaml: every "
                                "pack needs one, with its title, languages and risk scale"
                                f"{also}"))
        return None, None
    doc, own = read_yaml_file(path, shown)
    problems += own
    if doc is None:
        return None, None
    if not isinstance(doc.data, dict):
        problems.append(doc.problem((), "pack.yaml should be a mapping: title, languages, "
                                    "risk_scale, ..."))
        return None, doc
    # A broken help contact leaves out that contact (reported), not the whole pack.
    data = dict(doc.data)
    written = data.pop("help", None)
    info = _validate(PackInfo, doc, "pack", None, problems, data)
    if info is None or written is None:
        return info, doc
    if not isinstance(written, list):
        problems.append(doc.problem(("help",), "help should be a list of contacts, each with "
                                    "'- name:' and 'contact:' lines; no contact is shown"))
        return info, doc
    contacts = [_validate(HelpContact, doc, "pack", None, problems, entry, ("help", i))
                for i, entry in enumerate(written)]
    kept = [(i, c) for i, c in enumerate(contacts) if c is not None]
    info = info.model_copy(update={"help": [c for _, c in kept]})
    # Where each kept contact was written, for the checks that follow.
    help_positions[:] = [i for i, _ in kept]
    return info, doc


def _load_signs(path: Path, shown: str, ctx: PackContext, problems: list[Problem],
                present: bool) -> tuple[dict[str, WarningSign], YamlDoc | None]:
    if not present:
        ctx.glossary_misnamed = misnamed_as(path)
        return {}, None
    ctx.has_glossary = True
    doc, own = read_yaml_file(path, shown)
    problems += own
    if doc is None:
        return {}, None
    if not isinstance(doc.data, dict):
        problems.append(doc.problem((), "warning-signs.yaml should be a mapping from warning-sign "
                                    "id to its title, explanation and advice"))
        return {}, doc
    problems += check_glossary_ids(doc.data, doc)
    signs: dict[str, WarningSign] = {}
    scale = len(ctx.scale) or None
    for sid, entry in doc.data.items():
        ctx.sign_ids.add(sid)
        own_problems: list[Problem] = []
        if not isinstance(entry, dict):
            own_problems.append(doc.problem((sid,), f"warning sign '{sid}' should have title, "
                                            "explanation and advice under it"))
        else:
            sign = _validate(WarningSign, doc, "signs", scale, own_problems, entry, (sid,))
            if sign is not None:
                signs[sid] = sign
                if ctx.languages:
                    own_problems += check_texts(sign, doc, "signs", ctx, (sid,))
        problems += own_problems
    return signs, doc


def _load_scenario(path: Path, shown: str,
                   ctx: PackContext) -> tuple[ScenarioModel | None, list[Problem]]:
    problems: list[Problem] = []
    sid = path.stem
    if not ID_PATTERN.fullmatch(sid):
        foreign = non_latin(sid)
        if any("\udc80" <= c <= "\udcff" for c in sid):
            foreign = ("its name holds bytes that are not UTF-8 text, as when a zip made on "
                       "another computer is unpacked: rename it, like job-offer.yaml")
        better = as_id(sid)
        taken = 1
        while better and (path.parent / f"{better}.yaml").exists():
            # The copy Explorer made sits beside the original: suggest a free name.
            taken += 1
            better = f"{as_id(sid)}-{taken}"
        how = (f" ({foreign})" if foreign else
               f" (rename it to {better}.yaml{', for example' if 'copy' in better else ''})"
               if better else "")
        problems.append(Problem(shown, 1, 1, Severity.ERROR, f"the file name '{path.name}' is not "
                                "a valid scenario id: use lowercase letters, digits and single "
                                f"dashes, like job-offer-2.yaml{how}"))
    doc, own = read_yaml_file(path, shown)
    problems += own
    if doc is None:
        return None, problems
    data = doc.data
    if not isinstance(data, dict):
        problems.append(doc.problem((), "a scenario file should be a mapping: kind, title, "
                                    "summary, then steps (a story) or cards (a deck)"))
        return None, problems
    kind = data.get("kind")
    model: type[BaseModel]
    if kind == "story":
        model, file_kind = Story, "story"
    elif kind == "cards":
        model, file_kind = Deck, "cards"
    else:
        if kind is None and "kind" not in data:
            problems.append(doc.problem((), "missing required key 'kind': write 'kind: story' or "
                                        "'kind: cards' at the top"))
        else:
            problems.append(doc.problem(("kind",), f"kind '{kind}' is not one of: story, cards"
                                        f"{did_you_mean(str(kind), ['story', 'cards'])}"))
        return None, problems
    scale = len(ctx.scale) or None
    labels = {text.strip().lower(): i for i, degree in enumerate(ctx.scale)
              for text in ([degree.label.root] if isinstance(degree.label.root, str)
                           else degree.label.root.values())}
    scenario = _validate(model, doc, file_kind, scale, problems, labels=labels)
    if scenario is None:
        return None, problems
    if isinstance(scenario, Story):
        problems += check_story(scenario, doc, ctx)
    else:
        problems += check_deck(scenario, doc, ctx)
    return scenario, problems


def _used_signs(models: Any) -> set[str]:
    used: set[str] = set()
    for model in models:
        if isinstance(model, Story):
            for step in model.steps.values():
                for choice in step.choices or []:
                    used.update(choice.signs)
        elif isinstance(model, Deck):
            for card in model.cards:
                used.update(card.signs)
    return used
