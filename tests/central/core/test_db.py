# SPDX-License-Identifier: GPL-3.0-or-later
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import select

from central.core.config import Settings
from central.core.db import MIGRATIONS, SCHEMA_HEAD, open_database, schema_revision
from central.models import Base, Category


def test_every_connection_has_the_kiosks_pragmas(tmp_path):
    database = open_database(Settings(data_dir=tmp_path))
    for sessions in (database.writer, database.reader):
        engine = sessions.kw["bind"]
        # Two connections at once: the pool must set the pragmas on each, not just the first.
        connections = [engine.raw_connection(), engine.raw_connection()]
        for connection in connections:
            cursor = connection.cursor()
            assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert cursor.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
            assert cursor.execute("PRAGMA foreign_keys").fetchone()[0] == 1
            connection.close()


def test_schema_head_constant_is_the_newest_migration(tmp_path):
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == SCHEMA_HEAD
    database = open_database(Settings(data_dir=tmp_path))
    assert schema_revision(database.writer.kw["bind"]) == SCHEMA_HEAD


def test_the_migrations_build_exactly_what_the_models_describe(tmp_path):
    database = open_database(Settings(data_dir=tmp_path))
    with database.writer.kw["bind"].connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_a_new_database_offers_the_default_categories(tmp_path):
    with open_database(Settings(data_dir=tmp_path)).reader() as session:
        categories = session.scalars(select(Category.name).order_by(Category.position)).all()
    assert categories[0] == "交通出行" and categories[-1] == "其他"


def test_a_bare_postgresql_url_means_psycopg_3(tmp_path):
    settings = Settings(data_dir=tmp_path, database_url="postgresql://central@db/central")
    assert settings.resolved_database_url == "postgresql+psycopg://central@db/central"
    assert Settings(data_dir=tmp_path).resolved_database_url.endswith("/central.sqlite3")


def test_processes_opening_a_new_database_at_once_migrate_it_once(tmp_path, engine, request):
    """Several servers starting together (issue 18 §2): one migrates under the lock, the
    others wait and find the schema current; none fails."""
    import subprocess
    import sys

    url = ""
    if engine == "postgresql":
        url = request.getfixturevalue("postgres").create_database("opened_at_once")
    script = (
        "import sys; from pathlib import Path; from central.core.config import Settings; "
        "from central.core.db import open_database, schema_revision; "
        "d = open_database(Settings(data_dir=Path(sys.argv[1]), database_url=sys.argv[2])); "
        "print(schema_revision(d.writer.kw['bind']))"
    )
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(tmp_path), url],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    results = [process.communicate(timeout=120) for process in processes]
    assert [process.returncode for process in processes] == [0, 0, 0], results
    assert {out.strip() for out, _ in results} == {SCHEMA_HEAD}
