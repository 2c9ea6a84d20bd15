"""Governance: identity, policy, permissions, approvals and the audit trail.

Nothing here is imported by ``import opsctl``, ``--help`` or ``list``; the engine imports the
parts it needs when a run reaches the gate between plan and apply.
"""
