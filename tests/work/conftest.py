from __future__ import annotations

import pytest

from sourcecrit.exercises import load_exercise

from ..exercises.conftest import FLAGSHIP_DIR


@pytest.fixture(scope="session")
def flagship_exercise():
    return load_exercise(FLAGSHIP_DIR)
