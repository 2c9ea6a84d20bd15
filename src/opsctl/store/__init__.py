"""Persistence: one SQL store over sqlite3 and psycopg, with ordered migrations."""
