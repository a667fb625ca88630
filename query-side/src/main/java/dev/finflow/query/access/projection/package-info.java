/**
 * Who may read which account: the projection that folds grants and revocations into the access table, and the
 * reader every feature's endpoints ask (AccountAccess).
 */
package dev.finflow.query.access.projection;
