"""The automation contract: declaration, request types, plans, results, exit codes."""
