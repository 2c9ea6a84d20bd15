"""Cron schedules: declared in opsctl.toml or added with `opsctl schedule add`, fired by
`opsctl scheduler` (or `opsctl serve --scheduler`) as queued runs whose idempotency key is the
schedule and the slot, so any number of schedulers fire each slot once."""
