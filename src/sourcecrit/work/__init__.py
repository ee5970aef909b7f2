"""Students' work: who is working, work files to hand in, and the teacher's side.

::

    import sourcecrit
    sourcecrit.set_learner("Ada")                       # once per session
    from sourcecrit.work import export_work, import_work
    export_work("Ada", "ada.sourcecrit.json")           # everything Ada did, one file
    import_work("ada.sourcecrit.json")                  # merged into a fresh session

The teacher collects the files into one folder: ``sourcecrit class collect FOLDER`` writes
a gradebook CSV, and :func:`class_overview` shows what the class found hard.
"""

from sourcecrit.work.learner import current_learner, forget_learner, set_learner
from sourcecrit.work.workfile import (
    ImportReport,
    WorkFile,
    collect_work,
    export_work,
    import_work,
    read_work_file,
)

__all__ = [
    "ImportReport",
    "WorkFile",
    "collect_work",
    "current_learner",
    "export_work",
    "forget_learner",
    "import_work",
    "read_work_file",
    "set_learner",
]
