from alembic import context

from server.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    if connection.dialect.name == "postgresql":
        # Two servers started at once against one PostgreSQL: one migrates, the other waits
        # and then finds nothing to do. Released at the end of the transaction.
        connection.exec_driver_sql("SELECT pg_advisory_xact_lock(7320661)")
    context.run_migrations()
