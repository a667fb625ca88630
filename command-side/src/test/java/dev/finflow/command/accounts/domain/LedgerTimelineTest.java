package dev.finflow.command.accounts.domain;

import dev.finflow.runtime.dispatch.CommandOutcome;
import dev.finflow.problems.RuleViolation;
import dev.finflow.events.ledger.*;
import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.Quantity;
import dev.finflow.events.values.Symbol;
import dev.finflow.events.values.TransactionId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static dev.finflow.command.accounts.domain.AccountFixtures.*;
import static dev.finflow.command.problems.CommandRule.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The account decides in effective-date order: splits, backdated transactions, reversals and closure dates. */
class LedgerTimelineTest {

    private static final Symbol NCR = new Symbol("NCR");
    private static final LocalDate JAN = LocalDate.of(2024, 1, 10);
    private static final LocalDate FEB = LocalDate.of(2024, 2, 10);
    private static final LocalDate MAR = LocalDate.of(2024, 3, 10);
    private static final LocalDate MAY = LocalDate.of(2024, 5, 1);
    private static final LocalDate JUN = LocalDate.of(2024, 6, 10);

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.fixture();
    }

    static RecordTradeCommand trade(String txId, TradeSide side, String units, String price, LocalDate date) {
        return new RecordTradeCommand(ACC, tx(txId), side, NCR, Quantity.of(units), Money.of(price, "EUR"), null,
                null, date, null);
    }

    static DepositCashCommand deposit(String txId, String amount, LocalDate date) {
        return new DepositCashCommand(ACC, tx(txId), Money.of(amount, "EUR"), null, date, null);
    }

    static WithdrawCashCommand withdraw(String txId, String amount, LocalDate date) {
        return new WithdrawCashCommand(ACC, tx(txId), Money.of(amount, "EUR"), null, date, null);
    }

    static ApplySplitCommand split(String numerator, String denominator, LocalDate date, String cashInLieu) {
        return new ApplySplitCommand(ACC, NCR, date, new BigDecimal(numerator), new BigDecimal(denominator),
                cashInLieu == null ? null : Money.of(cashInLieu, "EUR"), null);
    }

    static Matcher<Object> mentions(String text) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return actual instanceof RuleViolation violation && violation.getMessage().contains(text);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a violation whose detail mentions '" + text + "'");
            }
        };
    }

    @Nested
    class Splits {

        @Test
        void refusesToSellMoreThanAReverseSplitLeft() {
            fixture.givenCommands(open(), deposit("d1", "1000.00", JAN), trade("b1", TradeSide.BUY, "10", "10", JAN),
                            split("1", "2", MAY, null))
                    .when(trade("s1", TradeSide.SELL, "8", "25", JUN))
                    .expectNoEvents()
                    .expectException(violates(INSUFFICIENT_UNITS));
        }

        @Test
        void acceptsASaleOfExactlyTheSplitAdjustedQuantity() {
            fixture.givenCommands(open(), deposit("d1", "1000.00", JAN), trade("b1", TradeSide.BUY, "15", "10", JAN),
                            split("2", "1", MAY, null))
                    .when(trade("s1", TradeSide.SELL, "30", "6", JUN))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesOneUnitMoreThanTheSplitAdjustedQuantity() {
            fixture.givenCommands(open(), deposit("d1", "1000.00", JAN), trade("b1", TradeSide.BUY, "15", "10", JAN),
                            split("2", "1", MAY, null))
                    .when(trade("s1", TradeSide.SELL, "31", "6", JUN))
                    .expectException(violates(INSUFFICIENT_UNITS));
        }

        @Test
        void decidesASaleBeforeTheSplitInTheOldShareBasis() {
            fixture.givenCommands(open(), deposit("d1", "1000.00", JAN), trade("b1", TradeSide.BUY, "15", "10", JAN),
                            split("2", "1", MAY, null))
                    .when(trade("s1", TradeSide.SELL, "16", "10", MAR))
                    .expectException(violates(INSUFFICIENT_UNITS));
        }

        @Test
        void countsABackdatedPurchaseAcrossAKnownSplit() {
            fixture.givenCommands(open(), deposit("d1", "1000.00", JAN), trade("b1", TradeSide.BUY, "10", "10", JAN),
                            split("2", "1", MAY, null), trade("b2", TradeSide.BUY, "5", "10", FEB))
                    .when(trade("s1", TradeSide.SELL, "30", "6", JUN))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aFutureDatedSplitAppliesOnlyFromItsDate() {
            fixture.givenCommands(open(), deposit("d1", "1000.00", JAN), trade("b1", TradeSide.BUY, "10", "10", JAN),
                            split("3", "1", LocalDate.of(2025, 6, 1), null))
                    .when(trade("s1", TradeSide.SELL, "11", "10", JUN))
                    .expectException(violates(INSUFFICIENT_UNITS));
        }

        @Test
        void refusesAnEarlierSaleThatAPostSplitSaleWouldNoLongerFindUnitsFor() {
            fixture.givenCommands(open(), deposit("d1", "1000.00", JAN), trade("b1", TradeSide.BUY, "10", "10", JAN),
                            split("2", "1", MAY, null), trade("s1", TradeSide.SELL, "20", "6", JUN))
                    .when(trade("s0", TradeSide.SELL, "1", "10", MAR))
                    .expectException(violates(BREAKS_LATER_BALANCE))
                    .expectException(mentions("transaction s1"));
        }

        @Test
        void paysTheFractionLeftByAReverseSplitInCashAsASale() {
            fixture.givenCommands(open(), deposit("d1", "1000.00", JAN), trade("b1", TradeSide.BUY, "10", "10", JAN))
                    .when(split("1", "3", MAY, "36.00"))
                    .expectEvents(new SplitAppliedEvent(ACC, NCR, MAY, BigDecimal.ONE, new BigDecimal("3")),
                            new CashInLieuPaidEvent(ACC, new TransactionId("split.2024-05-01.NCR@cash-in-lieu"), NCR,
                                    Quantity.of("0.33333333"), Money.of("36.00", "EUR"), null, MAY, List.of(
                                    leg(LegType.SECURITY, "NCR", "-0.33333333", "-12.00"),
                                    leg(LegType.CASH, "EUR", "12.00", "12.00"))));
        }

        @Test
        void leavesThreeWholeUnitsAfterTheCashInLieu() {
            fixture.givenCommands(open(), deposit("d1", "1000.00", JAN), trade("b1", TradeSide.BUY, "10", "10", JAN),
                            split("1", "3", MAY, "36.00"))
                    .when(trade("s1", TradeSide.SELL, "3", "36", JUN))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void answersASplitItKnowsAsAlreadyDone() {
            fixture.givenCommands(open(), deposit("d1", "1000.00", JAN), trade("b1", TradeSide.BUY, "10", "10", JAN),
                            split("2", "1", MAY, null))
                    .when(split("2", "1", MAY, null))
                    .expectNoEvents();
        }
    }

    @Nested
    class BackdatedTransactions {

        @Test
        void refusesAPurchaseFundedByADepositDatedAfterIt() {
            fixture.givenCommands(open(), deposit("d1", "100.00", MAR))
                    .when(trade("b1", TradeSide.BUY, "5", "10", FEB))
                    .expectException(violates(INSUFFICIENT_CASH));
        }

        @Test
        void refusesABackdatedWithdrawalThatLeavesALaterPurchaseUnfundedAndNamesIt() {
            fixture.givenCommands(open(), deposit("d1", "100.00", JAN), trade("b1", TradeSide.BUY, "8", "10", MAR))
                    .when(withdraw("w1", "50.00", FEB))
                    .expectNoEvents()
                    .expectException(violates(BREAKS_LATER_BALANCE))
                    .expectException(mentions("transaction b1"));
        }

        @Test
        void acceptsABackdatedWithdrawalEveryLaterDayCanCarry() {
            fixture.givenCommands(open(), deposit("d1", "100.00", JAN), trade("b1", TradeSide.BUY, "8", "10", MAR))
                    .when(withdraw("w1", "20.00", FEB))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesADateBeforeTheAccountWasOpened() {
            fixture.givenCommands(open())
                    .when(deposit("d1", "100.00", OPENED.minusDays(1)))
                    .expectException(violates(DATE_BEFORE_OPENING));
        }
    }

    @Nested
    class Reversals {

        @Test
        void cancelsTheOriginalFromItsOwnDate() {
            fixture.givenCommands(open(), deposit("d1", "100.00", JAN), new ChargeFeeCommand(ACC, tx("f1"),
                            Money.of("2.50", "EUR"), null, FEB, null))
                    .when(new ReverseTransactionCommand(ACC, tx("r1"), tx("f1"), JUN, "waived"))
                    .expectEvents(new TransactionReversedEvent(ACC, tx("r1"), tx("f1"), JUN, "waived", List.of(
                            leg(LegType.CASH, "EUR", "2.50", "2.50"), leg(LegType.EXPENSE, "EUR", "-2.50", "-2.50")),
                            FEB));
        }

        @Test
        void refusesAReversalDatedBeforeWhatItCancels() {
            fixture.givenCommands(open(), deposit("d1", "100.00", JAN), new ChargeFeeCommand(ACC, tx("f1"),
                            Money.of("2.50", "EUR"), null, MAR, null))
                    .when(new ReverseTransactionCommand(ACC, tx("r1"), tx("f1"), FEB, null))
                    .expectException(violates(REVERSAL_BEFORE_ORIGINAL));
        }

        @Test
        void refusesToReverseADepositALaterPurchaseNeededAndNamesThePurchase() {
            fixture.givenCommands(open(), deposit("d1", "100.00", JAN), deposit("d2", "20.00", FEB),
                            trade("b1", TradeSide.BUY, "8", "10", MAR))
                    .when(new ReverseTransactionCommand(ACC, tx("r1"), tx("d1"), JUN, null))
                    .expectException(violates(BREAKS_LATER_BALANCE))
                    .expectException(mentions("transaction b1"));
        }

        @Test
        void refusesToReverseAPurchaseALaterSaleNeeded() {
            fixture.givenCommands(open(), deposit("d1", "1000.00", JAN), trade("b1", TradeSide.BUY, "10", "10", JAN),
                            trade("b2", TradeSide.BUY, "10", "12", FEB), trade("s1", TradeSide.SELL, "15", "11", MAR))
                    .when(new ReverseTransactionCommand(ACC, tx("r1"), tx("b1"), JUN, null))
                    .expectException(violates(BREAKS_LATER_BALANCE))
                    .expectException(mentions("transaction s1"));
        }

        @Test
        void reversesAReceivedTransferAtTheReceiver() {
            fixture.givenCommands(open(), new ReceiveTransferCommand(ACC, tx("t1@acc-2"), OTHER,
                            Money.of("50.00", "EUR"), null, FEB, null))
                    .when(new ReverseTransactionCommand(ACC, tx("r1"), tx("t1@acc-2"), MAR, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                            org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                    org.hamcrest.Matchers.instanceOf(TransactionReversedEvent.class),
                                    org.axonframework.test.matchers.Matchers.andNoMore())));
        }
    }

    @Nested
    class Transfers {

        @Test
        void receivesTheSameTransferIdFromTwoSenders() {
            fixture.givenCommands(open(), new ReceiveTransferCommand(ACC, tx("t1@acc-2"), OTHER,
                            Money.of("50.00", "EUR"), null, FEB, null))
                    .when(new ReceiveTransferCommand(ACC, tx("t1@acc-3"), new AccountId("acc-3"),
                            Money.of("70.00", "EUR"), null, FEB, null))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayloadMatching(org.hamcrest.Matchers.instanceOf(CommandOutcome.class));
        }
    }

    @Nested
    class Closure {

        @Test
        void refusesAClosureDatedBeforeTheLastTransaction() {
            fixture.givenCommands(open(), deposit("d1", "10.00", JAN), withdraw("w1", "10.00", MAR))
                    .when(new CloseAccountCommand(ACC, FEB))
                    .expectException(violates(CLOSURE_BEFORE_LAST_TRANSACTION));
        }

        @Test
        void refusesAClosureDatedBeforeTheOpening() {
            fixture.givenCommands(open())
                    .when(new CloseAccountCommand(ACC, LocalDate.of(1990, 1, 1)))
                    .expectException(violates(DATE_BEFORE_OPENING));
        }

        @Test
        void answersClosingAClosedAccountOnAnotherDateWithAConflict() {
            fixture.givenCommands(open(), new CloseAccountCommand(ACC, FEB))
                    .when(new CloseAccountCommand(ACC, MAR))
                    .expectException(violates(ACCOUNT_ALREADY_CLOSED));
            assertThat(ACCOUNT_ALREADY_CLOSED.kind()).isEqualTo(dev.finflow.problems.Kind.CONFLICT);
        }

        @Test
        void answersTheSameClosureAgainAsAlreadyDone() {
            fixture.givenCommands(open(), new CloseAccountCommand(ACC, FEB))
                    .when(new CloseAccountCommand(ACC, FEB))
                    .expectNoEvents()
                    .expectSuccessfulHandlerExecution();
        }
    }
}
