/**
 * What a verification checks and reports: the ledger and market checks, their facts and the verdict, plain code
 * with no Spring.
 */
package dev.finflow.query.verify.domain;
