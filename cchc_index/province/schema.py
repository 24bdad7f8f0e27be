"""The results store's schema: numbered migrations, applied in order, never edited.

`PRAGMA user_version` holds how many have run. To change the schema, append the next script
(an `ALTER TABLE`, a new table or index); an existing database is brought up to date when
opened. Tables are STRICT: a value of the wrong type is refused, not silently converted.
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE runs (
      id INTEGER PRIMARY KEY,
      started TEXT NOT NULL,
      finished TEXT,
      engine TEXT NOT NULL,
      code_hash TEXT NOT NULL,
      folders TEXT NOT NULL,
      scored INTEGER NOT NULL DEFAULT 0,
      reused INTEGER NOT NULL DEFAULT 0,
      failed INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE TABLE assessments (
      id INTEGER PRIMARY KEY,
      run_id INTEGER NOT NULL REFERENCES runs(id),
      bundle_hash TEXT NOT NULL,
      framework_hash TEXT NOT NULL,
      code_hash TEXT NOT NULL,
      framework_ref TEXT NOT NULL,
      framework TEXT NOT NULL,
      framework_title TEXT NOT NULL,
      unit TEXT NOT NULL,
      year INTEGER NOT NULL,
      layer TEXT NOT NULL,
      total TEXT NOT NULL,
      max_points TEXT NOT NULL,
      index_percent TEXT,
      band TEXT,
      missing INTEGER NOT NULL,
      UNIQUE (bundle_hash, framework_hash, code_hash, layer)
    ) STRICT;
    CREATE TABLE scores (
      assessment_id INTEGER NOT NULL REFERENCES assessments(id),
      seq INTEGER NOT NULL,
      node TEXT NOT NULL,
      kind TEXT NOT NULL,
      title TEXT NOT NULL,
      points TEXT NOT NULL,
      max_points TEXT NOT NULL,
      status TEXT,
      reason TEXT,
      index_percent TEXT,
      PRIMARY KEY (assessment_id, seq)
    ) STRICT;
    CREATE TABLE run_units (
      run_id INTEGER NOT NULL REFERENCES runs(id),
      folder TEXT NOT NULL,
      assessment_id INTEGER REFERENCES assessments(id),
      problems TEXT,
      PRIMARY KEY (run_id, folder)
    ) STRICT;
    CREATE INDEX assessments_bundle ON assessments(bundle_hash);
    CREATE INDEX scores_node ON scores(node, kind);
    """,
    """
    ALTER TABLE assessments ADD COLUMN level TEXT NOT NULL DEFAULT '';
    ALTER TABLE run_units ADD COLUMN block TEXT;
    ALTER TABLE run_units ADD COLUMN block_title TEXT;
    ALTER TABLE run_units ADD COLUMN block_band TEXT;
    """,
)
