"""A session: the resolved configuration, identity, logger, store and catalog of one invocation."""

from __future__ import annotations

import errno
import os
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar, TextIO

from opsctl.catalog import Catalog, load_catalog
from opsctl.config.layers import Layers, load_layers
from opsctl.config.redact import Redactor, url_secrets
from opsctl.config.settings import Settings, validate_settings
from opsctl.errors import StateDirError
from opsctl.governance.identity import Identity, resolve_identity
from opsctl.observe.log import EventDict, Logger, make_logger, now_iso_ms
from opsctl.store.sql import SQLStore, open_store

KEY_FILE = "plan-signing.key"


def utcnow() -> datetime:
    return datetime.now(UTC)




@dataclass
class Session:
    """One command's view of opsctl: its resolved configuration, identity, clock, logger,
    automations (``catalog``) and store (``store``, opened on first use).

    Made by ``open_session()``; pass it to ``execute()`` or ``apply_plan_file()``, and
    ``close()`` it when done (it closes the store's connection).
    """

    lock_wait_hint: ClassVar[str] = "or wait with --wait-lock 5m"
    """How a caller refused a locked scope may wait for it instead (none over HTTP)."""

    layers: Layers
    settings: Settings
    redactor: Redactor
    log: Logger
    identity: Identity
    clock: Callable[[], datetime]
    env: Mapping[str, str]
    stop_requested: threading.Event = field(default_factory=threading.Event)
    """Set on the first SIGINT/SIGTERM: the engine takes no new action and checkpoints."""
    sleep: Callable[[float], None] | None = None
    """How retry waits sleep; default: wait on ``stop_requested`` so a signal ends a wait."""

    def wait(self, seconds: float) -> None:
        if self._store is not None:
            self._store.flush()  # a run's journal and events so far are visible while it waits
        if self.sleep is not None:
            self.sleep(seconds)
        elif self.stop_requested.wait(seconds):
            raise KeyboardInterrupt
    planning: bool = False
    """True while an automation's plan() runs: it changes nothing, so a stop request need not
    wait for it to finish (the first SIGINT/SIGTERM interrupts it at once)."""
    applying: str | None = None
    """The run whose actions this process applies now: a stop request's warning names it, so
    it is in that run's event stream (`show --follow`, SSE) as on the terminal."""
    waiting: str | None = None
    """What the run waits on with nothing in flight ("the lock", "the confirmation"): the
    first SIGINT/SIGTERM interrupts that wait at once, as it does planning."""
    interrupt: Callable[[Session], None] | None = None
    """How a cancel request stops the planning or waiting of a run on this session at once,
    as a first signal does (the CLI's interrupts its main thread); None, or a session copied
    from the CLI's (a server's, a fan-out chunk's): at the next action boundary."""
    _catalog: Catalog | None = field(default=None, repr=False)
    governance: Any = field(default=None, repr=False)
    """Policy, permissions and groups, loaded on first use (opsctl.governance.gate)."""

    @property
    def actor(self) -> str:
        return self.identity.actor

    def monotonic(self) -> float:
        """Seconds for measuring how long something took (a retry's deadline): the monotonic
        clock with the real time; with another clock (the test kit's fake one, which its sleep
        advances), that clock's time, so the waits it sleeps count."""
        if self.clock is utcnow:
            return time.monotonic()
        return self.clock().timestamp()

    def now_iso(self) -> str:
        """The clock's time as the journal and the run's events hold it (milliseconds)."""
        if self.clock is utcnow:  # the real clock: formatted once a millisecond
            return now_iso_ms()
        return self.clock().isoformat(timespec="milliseconds")

    _store: SQLStore | None = field(default=None, repr=False)

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            self._catalog = load_catalog(self.layers)
        return self._catalog

    @property
    def store(self) -> SQLStore:
        if self._store is None:
            # Nothing is in flight while the store is reached: a first signal stops the wait
            # at once (a PostgreSQL store that does not answer kept a Ctrl-C waiting for the
            # connect timeout, then ended with exit 4, not 130). Its migrations are one
            # transaction each, so an interrupted one is rolled back.
            outer = self.waiting
            self.waiting = outer or "the store"
            try:
                store = open_store(self.settings.effective_store_url, self.redactor,
                                   create_dir=self.settings.store_url is None)
            finally:
                self.waiting = outer
            self._store = store
            self._store.journal_mode = self.settings.journal_mode
            # a statement unanswered for longer than a lease lives is a store lost
            self._store.stall_s = max(10.0, self.settings.lock_ttl.total_seconds())
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def retired_signing_keys(self) -> list[bytes]:
        """The keys of ``plan_signing_keys_retired``: what plans saved before a rotation were
        signed with. Such a plan still verifies in the audit trail, and is refused, as made
        under a retired key, everywhere else."""
        return [key.get_secret_value().encode() for key in self.settings.plan_signing_keys_retired]

    def signing_key(self, *, create: bool = True) -> bytes:
        """The plan-signing key: ``plan_signing_key`` from config, else a key file in state_dir.

        ``create=False`` (checking a plan someone else made) refuses instead of creating a
        key: no plan can carry a valid signature of a key that does not exist yet.
        """
        if self.settings.plan_signing_key is not None:
            return self.settings.plan_signing_key.get_secret_value().encode()
        path = Path(self.settings.state_dir) / KEY_FILE
        from opsctl.store.sql import (
            StoreUnavailableError,
            give_to_folder_owner,
            make_owner_only,
            make_state_dir,
            refuse_shared_dir,
        )

        refuse_shared_dir(path.parent)
        try:
            key = _checked_key(path, path.read_bytes())
            # a key others may read (restored from a backup, copied with the umask's 0644)
            # lets any user of the machine sign plans: owner-only again, as the store is
            make_owner_only((path,))
            return key
        except FileNotFoundError:
            if path.is_symlink():  # a link to a key that is not there: no new key in its place
                raise StateDirError(f"plan-signing key {path} is a link to "
                                    f"{os.readlink(path)}, which does not exist: restore the "
                                    "key it links to, or remove the link to make a new key "
                                    "(plans signed with the old one are then refused)") from None
            if not create:
                from opsctl.errors import PlanRejectedError

                raise PlanRejectedError(
                    f"no plan-signing key here ({path} does not exist), so this plan was not "
                    "signed here: apply it where it was made, or set plan_signing_key to the "
                    "key it was signed with", reason="signature", step="gate") from None
        except OSError as exc:
            raise StateDirError(f"state directory {path.parent} is not usable: cannot read "
                                f"{path.name}: {exc.strerror}") from None
        import secrets

        key = secrets.token_hex(32).encode()
        # Written whole to a file of its own, then linked into place: the key file exists only
        # complete (a full disk left an empty one, and an empty key signed every plan), and a
        # second process starting at the same moment reads the winner's key, never a part.
        temp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        try:
            make_state_dir(path.parent)
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                give_to_folder_owner(fd, path.parent)
                with os.fdopen(fd, "wb") as fh:
                    fh.write(key)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.link(temp, path)
            finally:
                temp.unlink(missing_ok=True)
        except FileExistsError:
            return _checked_key(path, path.read_bytes())  # another process created it first
        except OSError as exc:
            message = (f"state directory {path.parent} is not usable: cannot create "
                       f"{path.name}: {exc.strerror}")
            if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EIO):  # the disk, not the config
                raise StoreUnavailableError(message, step="validate") from None
            raise StateDirError(message) from None
        return key


def _checked_key(path: Path, text: bytes) -> bytes:
    """The key in ``path``'s text, refused when there is none (a file created but never
    written, as a full disk left one before keys were linked into place): a plan signed with
    an empty key proves nothing."""
    key = text.strip()
    if not key:
        raise StateDirError(f"plan-signing key {path} is empty: remove it to make a new key "
                            "(plans signed with the old one are then refused), or set "
                            "plan_signing_key")
    return key


def open_session(
    *,
    config_file: str | None = None,
    flags: Mapping[str, Any] | None = None,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    clock: Callable[[], datetime] | None = None,
    log_sink: Callable[[EventDict], None] | None = None,
    log_stream: TextIO | None = None,
) -> Session:
    """A session as an opsctl command opens one: configuration layered as on the command line.

    ``config_file`` is ``--config``; ``flags`` are settings over every layer (``{"log_level":
    "warning"}``); ``env`` is the environment read instead of ``os.environ``; ``cwd`` is where
    ``opsctl.toml`` is looked for (upwards); ``clock`` replaces the real time; ``log_sink``
    receives each log event (a dict) and ``log_stream`` the log lines instead of stderr. A
    configuration error raises ``UsageError`` (exit 2). Close the session when done:

    ```python
    session = open_session()
    try:
        outcome = execute(session, session.catalog.load("rotate-keys"),
                          {"environment": "staging"}, mode="plan", dry_run=True)
    finally:
        session.close()
    ```
    """
    env = dict(os.environ) if env is None else env
    layers = load_layers(cwd=cwd, env=env, config_file=config_file, flags=flags)
    settings = validate_settings(layers)
    redactor = Redactor(settings.secret_values())
    for url in (settings.store_url, settings.broker_url):
        if url:
            redactor.add(*url_secrets(url))
    log = make_logger(redactor=redactor, log_format=settings.log_format, level=settings.log_level,
                      sink=log_sink, stream=log_stream)
    return Session(layers=layers, settings=settings, redactor=redactor, log=log,
                   identity=resolve_identity(env, settings.actor), clock=clock or utcnow,
                   env=env)
