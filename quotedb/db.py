"""Migration operations for PostgreSQL-only features that SQLite must simply skip."""

from django.db import migrations


class PostgresOnlyAddIndex(migrations.AddIndex):
    """AddIndex that exists in every database's model state but is built on PostgreSQL only.

    GIN and trigram indexes have no SQLite equivalent; keeping them in the state means
    `makemigrations --check` stays clean on both databases.
    """

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class PostgresOnlyRunSQL(migrations.RunSQL):
    """Raw SQL (triggers, functions) that only PostgreSQL understands."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
