"""Settings of the production layout, without starting anything: endpoints, checks, nginx config."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from bench.replicas import HEADING, replace_section
from bot.runtime import balancer
from bot.runtime.endpoints import BadStoreUrl, endpoints_yaml
from bot.runtime.servers import redact, write_endpoints
from bot.runtime.settings import BadSettings, Settings

SQLITE = Path("/srv/var/tracker.db")


def sections(tracker_url: str = "", lock_url: str = "") -> dict:
    return yaml.safe_load(endpoints_yaml("http://127.0.0.1:5055/webhook", tracker_url, lock_url, SQLITE))


def test_the_embedded_default_is_sqlite_and_rasas_in_memory_lock(tmp_path: Path) -> None:
    written = yaml.safe_load(write_endpoints(Settings(var_dir=tmp_path)).read_text(encoding="utf-8"))
    assert written == {"action_endpoint": {"url": "http://127.0.0.1:5055/webhook"},
                       "tracker_store": {"type": "SQL", "dialect": "sqlite", "db": str(tmp_path / "tracker.db")}}


@pytest.mark.parametrize("url", ["postgresql://osce:pw@db.example:5432/osce", "postgres://osce:pw@db.example:5432/osce",
                                 "postgresql+psycopg2://osce:pw@db.example:5432/osce"])
def test_a_postgresql_url_selects_the_shared_tracker_store(url: str) -> None:
    store = sections(tracker_url=url)["tracker_store"]
    assert store["type"] == "bot.runtime.tracker_store.SharedSQLTrackerStore"
    assert store["url"].startswith("postgresql") and store["url"].endswith("@db.example:5432/osce")


def test_a_redis_url_selects_the_atomic_redis_lock_store() -> None:
    lock = sections(lock_url="redis://:secret@cache.example:6380/2")["lock_store"]
    assert lock == {"type": "bot.runtime.lock_store.AtomicRedisLockStore", "url": "cache.example", "port": 6380,
                    "db": 2, "use_ssl": False, "password": "secret"}
    assert sections(lock_url="redis://cache.example")["lock_store"]["port"] == 6379


@pytest.mark.parametrize(("tracker_url", "lock_url"), [("mysql://x@y/z", ""), ("", "memcached://x:1"),
                                                       ("", "redis://x:notaport/0"), ("", "redis://x:1/db")])
def test_unusable_urls_are_refused_with_a_message(tracker_url: str, lock_url: str) -> None:
    with pytest.raises(BadStoreUrl, match="OSCE_BOT_"):
        sections(tracker_url, lock_url)


def test_several_replicas_need_shared_stores_and_a_balancer() -> None:
    Settings().check()
    with pytest.raises(BadSettings, match="OSCE_BOT_TRACKER_URL"):
        Settings(replicas=2, balancer_port=8000).check()
    with pytest.raises(BadSettings, match="OSCE_BOT_BALANCER_PORT"):
        Settings(replicas=2, tracker_url="postgresql://x@y/z", lock_url="redis://y").check()
    with pytest.raises(BadSettings):
        Settings(replicas=0).check()
    Settings(replicas=2, tracker_url="postgresql://x@y/z", lock_url="redis://y", balancer_port=8000).check()


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OSCE_BOT_TRACKER_URL", "postgresql://osce@db/osce")
    monkeypatch.setenv("OSCE_BOT_LOCK_URL", "redis://cache/0")
    monkeypatch.setenv("OSCE_BOT_REPLICAS", "3")
    monkeypatch.setenv("OSCE_BOT_BALANCER_PORT", "18000")
    monkeypatch.setenv("OSCE_BOT_RASA_PORT", "17005")
    s = Settings.from_env()
    assert (s.tracker_url, s.lock_url, s.replicas, s.balancer_port) == ("postgresql://osce@db/osce", "redis://cache/0",
                                                                          3, 18000)
    assert s.rasa_ports == [17005, 17006, 17007]
    assert s.rasa_url == "http://127.0.0.1:18000" and s.web_url == "http://127.0.0.1:18000/"
    monkeypatch.delenv("OSCE_BOT_REPLICAS")
    assert Settings.from_env(replicas=2).replicas == 2


def test_passwords_are_not_printed() -> None:
    assert redact("postgresql://osce:secret@db:5432/osce") == "postgresql://osce:***@db:5432/osce"
    assert redact("redis://127.0.0.1:6379/0") == "redis://127.0.0.1:6379/0"


def test_the_nginx_config_spreads_rest_and_keeps_socketio_sticky(tmp_path: Path) -> None:
    config = balancer.write_config(tmp_path / "nginx", "127.0.0.1", 18190, [18105, 18106], 18180)
    text = config.read_text(encoding="utf-8")
    rest = text.split("upstream rasa_rest {")[1].split("}")[0]
    sticky = text.split("upstream rasa_socketio {")[1].split("}")[0]
    assert "hash" not in rest and "127.0.0.1:18105" in rest and "127.0.0.1:18106" in rest
    assert "hash $sticky_key consistent" in sticky and "127.0.0.1:18106" in sticky
    assert str(tmp_path) in text and "/var/log" not in text
    if not shutil.which("nginx"):
        pytest.skip("nginx absent: the syntax check needs it (apt-get install nginx)")
    checked = subprocess.run([*balancer.command(config), "-t"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr


def test_the_bench_rewrites_only_its_own_section() -> None:
    report = f"# Mesures\n\n## A\n\nun\n\n{HEADING}\n\nancien\n\n## B\n\ndeux\n"
    updated = replace_section(report, f"{HEADING}\n\nnouveau\n")
    assert "nouveau" in updated and "ancien" not in updated and "## B\n\ndeux" in updated and "## A\n\nun" in updated
    assert replace_section("# Mesures\n", f"{HEADING}\n\nx\n").endswith(f"{HEADING}\n\nx\n\n")
