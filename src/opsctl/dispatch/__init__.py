"""Executors carry out runs that are recorded in the store; the broker is only a wake-up.

``local`` runs in the process that asked (the CLI's path, no queue). ``celery`` records the run
``queued`` and sends its id to a Celery queue; an ``opsctl worker`` claims it with one
conditional UPDATE (:mod:`opsctl.dispatch.claims`), carries it out with the engine's code, and
may fan its actions out in chunks to other workers (:mod:`opsctl.dispatch.fanout`). A message
delivered twice, late or never is harmless: the claim decides who runs, the journal turns a
second delivery into a resume, and the sweeper re-sends a wake-up for a run whose claimer died.
"""
