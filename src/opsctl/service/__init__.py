"""The HTTP API served by `opsctl serve` (extra ``opsctl[server]``)."""
