"""The short crash-and-restart soak (3 SIGKILLs) in the suite; `scripts/soak --kills 50` is the long one."""
from soak import Soak


def test_three_kill_9s_lose_nothing(workdir):
    ok, line = Soak(kills=3, seed=3, directory=workdir).run()
    print(line)
    assert ok, line
