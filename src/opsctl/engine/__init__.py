"""The run pipeline: plan, gate, apply, verify, and the context automations see."""
