"""The HTTP API of opsctl (`opsctl serve`, extra opsctl[server]): routes, authentication, run executor."""
