"""benchmarks/ood/build.py loaded as a module, for the tests that read annotated sources in its format (it is a
script beside the benchmarks, not part of the package)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

OOD = Path(__file__).resolve().parents[1] / "benchmarks" / "ood"


def load_builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ood_build", OOD / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["ood_build"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module
