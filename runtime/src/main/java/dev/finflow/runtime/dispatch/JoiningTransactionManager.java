package dev.finflow.runtime.dispatch;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's transaction manager on the command side. Inside a transaction the dispatcher owns (a commit group), a
 * unit of work joins it without committing or rolling it back: a refused command has written nothing, so the
 * group goes on, and only the dispatcher decides the group's fate. Anywhere else (event processors, the
 * snapshotter) it starts a transaction of its own.
 */
final class JoiningTransactionManager implements TransactionManager {

    private static final Transaction JOINED = new Transaction() {
        @Override
        public void commit() {
            // the dispatcher commits the group
        }

        @Override
        public void rollback() {
            // the dispatcher rolls back the group, or the refused command wrote nothing
        }
    };

    private final TransactionManager own;

    JoiningTransactionManager(TransactionManager own) {
        this.own = own;
    }

    @Override
    public Transaction startTransaction() {
        return TransactionSynchronizationManager.isActualTransactionActive() ? JOINED : own.startTransaction();
    }
}
