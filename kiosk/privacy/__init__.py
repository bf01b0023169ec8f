"""Face-locked private mode: enrolment, identity, liveness and the lock rules (no Qt).

Only face embeddings are kept (encrypted), never images; every unlock and lock is audited."""
