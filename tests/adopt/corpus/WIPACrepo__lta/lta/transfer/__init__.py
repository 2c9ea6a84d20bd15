"""TransferService and subclasses."""

# fmt:off
