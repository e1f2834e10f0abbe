"""Generate the type stub of plansight._core with pybind11-stubgen.

    python python/tools/generate_stub.py [OUTPUT_ROOT]

writes OUTPUT_ROOT/plansight/_core.pyi (default: python/, i.e. the committed
python/plansight/_core.pyi) from the installed extension. Run it after changing
the bindings; tests/python/test_stubs.py fails while the committed stub differs.

Two things pybind11-stubgen does not do are added by one parser mixin,
PlansightStubs:
- it writes the members of a py::native_enum as bare ``member: ClassVar[Enum]``
  annotations, which type checkers read as an enum with no members, and keeps
  Enum's own ``__new__``; the mixin writes them as the typing spec defines enum
  members (``member = value``) and leaves Enum's internals to enum's stub;
- it writes ``__version__`` with its value; the mixin keeps only the type, so
  that a release does not change the stub; and it types ``__all__`` and
  ``SheetImportError.problems`` as a bare ``list``, which the mixin makes
  ``list[str]`` and ``list[SheetProblem]``.
"""

from __future__ import annotations

import argparse
import enum
import logging
from pathlib import Path
from typing import Any

import pybind11_stubgen
from pybind11_stubgen.parser.interface import IParser
from pybind11_stubgen.structs import (
    Attribute,
    Class,
    Field,
    Identifier,
    Method,
    QualifiedName,
    Value,
)

MODULE = "plansight._core"
DEFAULT_ROOT = Path(__file__).resolve().parents[1]


def _is_enum_class(class_: Any) -> bool:
    return isinstance(class_, type) and issubclass(class_, enum.Enum)


class PlansightStubs(IParser):
    """Stub py::native_enum classes as plain Python enums; __version__ by type."""

    def handle_attribute(self, path: QualifiedName, value: Any) -> Attribute | None:
        result = super().handle_attribute(path, value)
        if result is not None and str(path) == f"{MODULE}.__version__":
            result.value = None
        if result is not None and str(path) == f"{MODULE}.__all__":
            result.annotation = self.parse_annotation_str("list[str]")
        if result is not None and str(path) == f"{MODULE}.SheetImportError.problems":
            result.annotation = self.parse_annotation_str("list[SheetProblem]")
        return result

    def handle_class_member(
        self, path: QualifiedName, class_: type, member: Any
    ) -> Any:
        if _is_enum_class(class_):
            if isinstance(member, class_):
                return self._member_field(path[-1], member)
            if path[-1] == "__new__":
                return None
        return super().handle_class_member(path, class_, member)

    def handle_class(self, path: QualifiedName, class_: type) -> Class | None:
        result = super().handle_class(path, class_)
        if result is not None and _is_enum_class(class_):
            for method in result.methods:
                self._drop_self_annotation(method)
        return result

    @staticmethod
    def _member_field(name: Identifier, member: enum.Enum) -> Field:
        value = Value(repr=repr(member.value), is_print_safe=True)
        return Field(attribute=Attribute(name=name, value=value), modifier="static")

    @staticmethod
    def _drop_self_annotation(method: Method) -> None:
        # A method bound from C++ on an enum names its self type as the enum's
        # argument type ("Status | str"); in the stub self needs none.
        args = method.function.args
        if args and args[0].name == "self":
            args[0].annotation = None


def generate(output_root: Path) -> Path:
    """Write OUTPUT_ROOT/plansight/_core.pyi and return its path."""
    args = pybind11_stubgen.arg_parser().parse_args(
        ["--exit-code", "-o", str(output_root), MODULE],
        namespace=pybind11_stubgen.CLIArgs(),
    )
    base = pybind11_stubgen.stub_parser_from_args(args)

    class Parser(PlansightStubs, type(base)):  # type: ignore[misc]
        pass

    pybind11_stubgen.run(
        Parser(),
        pybind11_stubgen.Printer(invalid_expr_as_ellipses=True),
        args.module_names,
        args.output_dir,
        root_suffix=args.root_suffix,
        dry_run=False,
        writer=pybind11_stubgen.Writer(stub_ext="pyi"),
    )
    return output_root / "plansight" / "_core.pyi"


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s")
    cli = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    cli.add_argument("output_root", nargs="?", type=Path, default=DEFAULT_ROOT)
    print(generate(cli.parse_args().output_root))


if __name__ == "__main__":
    main()
