from tests.workers.conftest import WorkerProject


def test_apply_on_celery_follows_to_result(wproject: WorkerProject) -> None:
    wproject.start_worker(2)
    r = wproject.run("apply", "effects", "--batch", "a", "--count", "20", "--executor", "celery",
                     "--fan-out", "3", "--format", "json")
    assert r.code == 0, r.stderr
    assert r.doc["status"] == "succeeded"
    assert wproject.effects() == {f"a-{i:05d}": 1 for i in range(20)}
