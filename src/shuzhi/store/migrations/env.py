"""Alembic environment: migrations run programmatically from shuzhi.store.open_store()."""

from alembic import context

from shuzhi.store.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
