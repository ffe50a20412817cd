"""The gunicorn configuration's hooks."""

import gc
import runpy
from pathlib import Path

CONFIG = Path(__file__).resolve().parents[2] / "quotedb" / "gunicorn.conf.py"


def test_workers_freeze_the_loaded_application_out_of_the_collectors_reach():
    config = runpy.run_path(str(CONFIG))
    try:
        config["post_worker_init"](worker=None)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
    assert config["worker_class"] == "gthread"
