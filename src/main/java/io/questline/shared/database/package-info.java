/**
 * Where the database comes from: a Neon-style {@code DATABASE_URL}, or an embedded
 * PostgreSQL when none is set.
 */
package io.questline.shared.database;
