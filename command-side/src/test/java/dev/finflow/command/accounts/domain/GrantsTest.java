package dev.finflow.command.accounts.domain;

import dev.finflow.events.MetadataKeys;
import dev.finflow.events.ledger.AccessGrantedEvent;
import dev.finflow.events.ledger.AccessLevel;
import dev.finflow.events.ledger.AccessRevokedEvent;
import dev.finflow.events.ledger.AccountOpenedEvent;
import dev.finflow.events.ledger.DepositCashCommand;
import dev.finflow.events.ledger.GrantAccessCommand;
import dev.finflow.events.ledger.ReceiveTransferCommand;
import dev.finflow.events.ledger.RevokeAccessCommand;
import dev.finflow.events.ledger.TransferReceivedEvent;
import dev.finflow.events.values.Money;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.finflow.command.accounts.domain.AccountFixtures.*;
import static dev.finflow.command.problems.CommandRule.LAST_OWNER;
import static dev.finflow.command.problems.CommandRule.READ_ONLY_ACCESS;
import static dev.finflow.problems.RequestRule.ACCOUNT_NOT_FOUND;

/** The account decides who may write to it and who may change that, from its own grants. */
class GrantsTest {

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
    }

    private static Map<String, Object> as(String user) {
        return Map.of(MetadataKeys.PRINCIPAL, user, MetadataKeys.CALLER_ROLES, "owner");
    }

    /** The opening as stored: its principal is the opener (also for accounts opened before grants existed). */
    private static EventMessage<?> openedBy(String user) {
        return GenericEventMessage.asEventMessage(opened()).andMetaData(Map.of(MetadataKeys.PRINCIPAL, user));
    }

    private static DepositCashCommand deposit(String txId) {
        return new DepositCashCommand(ACC, tx(txId), Money.of("10.00", "EUR"), null, DAY, null);
    }

    @Test
    void theOpenerOwnsTheAccountWithoutAnyGrantEvent() {
        fixture.given(openedBy("alice"))
                .when(deposit("d1"), as("alice"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(deposited("d1", "10.00"));
    }

    @Test
    void answersAUserWithoutAGrantAsIfTheAccountDidNotExist() {
        fixture.given(openedBy("alice"))
                .when(deposit("d1"), as("bob"))
                .expectNoEvents()
                .expectException(violates(ACCOUNT_NOT_FOUND));
    }

    @Test
    void revealsNotEvenAnEarlierTransactionToAUserWithoutAGrant() {
        fixture.given(openedBy("alice"), deposited("d1", "10.00"))
                .when(deposit("d1"), as("bob"))
                .expectException(violates(ACCOUNT_NOT_FOUND));
    }

    @Test
    void refusesAViewersWriteAsReadOnly() {
        fixture.given(openedBy("alice"), new AccessGrantedEvent(ACC, "bob", AccessLevel.VIEWER))
                .when(deposit("d1"), as("bob"))
                .expectNoEvents()
                .expectException(violates(READ_ONLY_ACCESS));
    }

    @Test
    void anOwnerGrantsAndTheGrantedOwnerWrites() {
        fixture.given(openedBy("alice"))
                .when(new GrantAccessCommand(ACC, "bob", AccessLevel.OWNER), as("alice"))
                .expectEvents(new AccessGrantedEvent(ACC, "bob", AccessLevel.OWNER));
        fixture.given(openedBy("alice"), new AccessGrantedEvent(ACC, "bob", AccessLevel.OWNER))
                .when(deposit("d1"), as("bob"))
                .expectEvents(deposited("d1", "10.00"));
    }

    @Test
    void aRepeatedGrantChangesNothing() {
        fixture.given(openedBy("alice"), new AccessGrantedEvent(ACC, "bob", AccessLevel.VIEWER))
                .when(new GrantAccessCommand(ACC, "bob", AccessLevel.VIEWER), as("alice"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRevokedUserIsAnsweredAsIfTheAccountDidNotExist() {
        fixture.given(openedBy("alice"), new AccessGrantedEvent(ACC, "bob", AccessLevel.OWNER),
                        new AccessRevokedEvent(ACC, "bob"))
                .when(deposit("d1"), as("bob"))
                .expectException(violates(ACCOUNT_NOT_FOUND));
    }

    @Test
    void anOwnerMayRevokeAnotherOwnerAndThenLeave() {
        fixture.given(openedBy("alice"), new AccessGrantedEvent(ACC, "bob", AccessLevel.OWNER))
                .when(new RevokeAccessCommand(ACC, "alice"), as("alice"))
                .expectEvents(new AccessRevokedEvent(ACC, "alice"));
    }

    @Test
    void refusesToRevokeTheLastOwner() {
        fixture.given(openedBy("alice"), new AccessGrantedEvent(ACC, "bob", AccessLevel.VIEWER))
                .when(new RevokeAccessCommand(ACC, "alice"), as("alice"))
                .expectNoEvents()
                .expectException(violates(LAST_OWNER));
    }

    @Test
    void refusesToLowerTheLastOwnerToViewer() {
        fixture.given(openedBy("alice"))
                .when(new GrantAccessCommand(ACC, "alice", AccessLevel.VIEWER), as("alice"))
                .expectNoEvents()
                .expectException(violates(LAST_OWNER));
    }

    @Test
    void aViewerMayNotGrant() {
        fixture.given(openedBy("alice"), new AccessGrantedEvent(ACC, "bob", AccessLevel.VIEWER))
                .when(new GrantAccessCommand(ACC, "bob", AccessLevel.OWNER), as("bob"))
                .expectNoEvents()
                .expectException(violates(READ_ONLY_ACCESS));
    }

    @Test
    void anAdminGrantsOnAnyAccountButDoesNotWriteToIt() {
        Map<String, Object> admin = Map.of(MetadataKeys.PRINCIPAL, "root", MetadataKeys.CALLER_ROLES, "owner,admin");
        fixture.given(openedBy("alice"))
                .when(new GrantAccessCommand(ACC, "bob", AccessLevel.VIEWER), admin)
                .expectEvents(new AccessGrantedEvent(ACC, "bob", AccessLevel.VIEWER));
        fixture.given(openedBy("alice"))
                .when(deposit("d1"), admin)
                .expectException(violates(ACCOUNT_NOT_FOUND));
    }

    @Test
    void aRoleNamedInTheRequestIsNotAnAdminRole() {
        fixture.given(openedBy("alice"))
                .when(new GrantAccessCommand(ACC, "bob", AccessLevel.OWNER),
                        Map.of(MetadataKeys.PRINCIPAL, "mallory", MetadataKeys.CALLER_ROLES, "owner,administrator"))
                .expectException(violates(ACCOUNT_NOT_FOUND));
    }

    @Test
    void theTransferProcessCreditsAnyAccountWithoutAGrant() {
        fixture.given(openedBy("alice"))
                .when(new ReceiveTransferCommand(ACC, tx("t1@acc-2"), OTHER, Money.of("5.00", "EUR"), null, DAY,
                        null), Map.of(MetadataKeys.PRINCIPAL, "bob", MetadataKeys.ACTOR, "command-side/transfer-process"))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.hamcrest.Matchers.instanceOf(TransferReceivedEvent.class)),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
    }
}
