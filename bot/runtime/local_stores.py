"""PostgreSQL and Redis as local processes with their data under ``var/``, for ``python -m bot stack``.

They come from Debian's packages (``postgresql``, ``redis-server``) but run as
the project's own processes, on loopback ports, never as the system services.
PostgreSQL refuses to run as root, so when we are root its data directory
belongs to, and its processes run as, the ``postgres`` user the package creates.
"""
from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

DATABASE = "osce"
ROLE = "osce"


class StoreProblem(RuntimeError):
    """PostgreSQL or Redis is not installed, or cannot be set up where asked."""


def postgres_bin_dir() -> Path:
    """Debian's newest PostgreSQL binaries (``OSCE_BOT_PG_BIN`` overrides)."""
    if os.environ.get("OSCE_BOT_PG_BIN"):
        return Path(os.environ["OSCE_BOT_PG_BIN"])
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/postgres"), key=lambda p: int(p.parent.parent.name))
    if versions:
        return versions[-1].parent
    raise StoreProblem("PostgreSQL est introuvable : apt-get install -y postgresql (/usr/lib/postgresql/*/bin).")


def redis_server() -> str:
    found = shutil.which("redis-server")
    if not found:
        raise StoreProblem("Redis est introuvable : apt-get install -y redis-server.")
    return found


def missing() -> list[str]:
    """What is missing to run the local stores and the load balancer, as install hints ([] when all is there)."""
    problems = []
    for check in (postgres_bin_dir, redis_server):
        try:
            check()
        except StoreProblem as error:
            problems.append(str(error))
    if not shutil.which("nginx") and not Path("/usr/sbin/nginx").exists():
        problems.append("nginx est introuvable : apt-get install -y nginx.")
    return problems


def postgres_user() -> str | None:
    """The user PostgreSQL runs as: ``postgres`` when we are root, else ourselves (None)."""
    return "postgres" if os.geteuid() == 0 else None


@dataclass(frozen=True)
class LocalStores:
    """Where the local PostgreSQL and Redis keep their data and listen (127.0.0.1 only)."""

    var_dir: Path
    postgres_port: int = 5432
    redis_port: int = 6379

    @classmethod
    def from_env(cls, var_dir: Path) -> LocalStores:
        env = os.environ
        return cls(var_dir, int(env.get("OSCE_BOT_PG_PORT", 5432)), int(env.get("OSCE_BOT_REDIS_PORT", 6379)))

    @property
    def postgres_dir(self) -> Path:
        return self.var_dir / "postgres"

    @property
    def redis_dir(self) -> Path:
        return self.var_dir / "redis"

    @property
    def tracker_url(self) -> str:
        return f"postgresql://{ROLE}@127.0.0.1:{self.postgres_port}/{DATABASE}"

    @property
    def lock_url(self) -> str:
        return f"redis://127.0.0.1:{self.redis_port}/0"

    def init_postgres(self) -> None:
        """Create the cluster once (role ``osce``, trusted on loopback only, since it listens nowhere else)."""
        data = self.postgres_dir
        if (data / "PG_VERSION").exists():
            return
        data.mkdir(parents=True, exist_ok=True)
        user = postgres_user()
        if user:
            entry = pwd.getpwnam(user)
            os.chown(data, entry.pw_uid, entry.pw_gid)
        done = subprocess.run([str(postgres_bin_dir() / "initdb"), "-D", str(data), "-U", ROLE, "--auth=trust",
                               "-E", "UTF8", "--locale=C.UTF-8"], user=user, cwd="/", stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
        if done.returncode != 0:
            raise StoreProblem(f"initdb a échoué dans {data} : {done.stderr.strip()}\n(PostgreSQL tourne sous "
                               f"l'utilisateur {user or 'courant'}, qui doit pouvoir traverser chaque dossier "
                               "parent : sinon choisissez un autre OSCE_BOT_VAR_DIR.)")

    def postgres_command(self) -> list[str]:
        return [str(postgres_bin_dir() / "postgres"), "-D", str(self.postgres_dir), "-p", str(self.postgres_port),
                "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"]

    def redis_command(self) -> list[str]:
        self.redis_dir.mkdir(parents=True, exist_ok=True)
        return [redis_server(), "--bind", "127.0.0.1", "--port", str(self.redis_port), "--dir", str(self.redis_dir),
                "--save", "", "--appendonly", "no", "--daemonize", "no"]

    def create_database(self, timeout: float = 60) -> None:
        """Wait for PostgreSQL to accept connections, then create the ``osce`` database if it is not there."""
        import psycopg2

        deadline = time.monotonic() + timeout
        while True:
            try:
                connection = psycopg2.connect(host="127.0.0.1", port=self.postgres_port, user=ROLE,
                                              dbname="postgres", connect_timeout=2)
                break
            except psycopg2.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE,))
            if cursor.fetchone() is None:
                cursor.execute(f"CREATE DATABASE {DATABASE}")
        connection.close()
