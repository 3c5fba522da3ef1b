/**
 * Migrating many tenants with one set of migrations: a schema per tenant in one database,
 * or a database per tenant, each with its own history and lock, with bounded parallelism
 * and work shared among instances.
 */
@NullMarked
package dev.migrate.tenant;

import org.jspecify.annotations.NullMarked;
