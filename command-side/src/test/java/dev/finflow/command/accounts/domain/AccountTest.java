package dev.finflow.command.accounts.domain;


import dev.finflow.runtime.dispatch.CommandOutcome;
import dev.finflow.events.ledger.*;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.Quantity;
import dev.finflow.events.values.Symbol;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static dev.finflow.command.accounts.domain.AccountFixtures.*;
import static dev.finflow.command.problems.CommandRule.*;
import static dev.finflow.problems.RequestRule.*;
import static org.assertj.core.api.Assertions.assertThat;

class AccountTest {

    private static final Symbol AAPL = new Symbol("AAPL");
    private static final BigDecimal USD_TO_EUR = new BigDecimal("0.9");

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.fixture();
    }

    private static RecordTradeCommand buy(String txId, String units, String price, String fee) {
        return new RecordTradeCommand(ACC, tx(txId), TradeSide.BUY, AAPL, Quantity.of(units),
                Money.of(price, "EUR"), fee == null ? null : Money.of(fee, "EUR"), null, DAY, null);
    }

    private static RecordTradeCommand sell(String txId, String units, String price, String fee) {
        return new RecordTradeCommand(ACC, tx(txId), TradeSide.SELL, AAPL, Quantity.of(units),
                Money.of(price, "EUR"), fee == null ? null : Money.of(fee, "EUR"), null, DAY, null);
    }

    private static DepositCashCommand deposit(String txId, String amount) {
        return new DepositCashCommand(ACC, tx(txId), Money.of(amount, "EUR"), null, DAY, null);
    }

    @Nested
    class Opening {

        @Test
        void opensAnAccountWithItsCurrencyAndOverdraft() {
            fixture.givenNoPriorActivity()
                    .when(new OpenAccountCommand(ACC, " Main ", EUR, new BigDecimal("100"), OPENED))
                    .expectEvents(new AccountOpenedEvent(ACC, "Main", EUR, new BigDecimal("100.00"), OPENED));
        }

        @Test
        void answersARepeatedOpeningAsAlreadyDone() {
            fixture.given(opened())
                    .when(open())
                    .expectNoEvents()
                    .expectResultMessagePayload(CommandOutcome.repeated("acc-1", 0));
        }

        @Test
        void refusesToOpenAnExistingAccountWithOtherDetails() {
            fixture.given(opened())
                    .when(new OpenAccountCommand(ACC, "Other", EUR, BigDecimal.ZERO, OPENED))
                    .expectNoEvents()
                    .expectException(violates(ACCOUNT_EXISTS));
        }

        @Test
        void refusesABlankName() {
            fixture.givenNoPriorActivity()
                    .when(new OpenAccountCommand(ACC, " ", EUR, BigDecimal.ZERO, OPENED))
                    .expectException(violates(INVALID_FIELD));
        }

        @Test
        void refusesANegativeOverdraftLimit() {
            fixture.givenNoPriorActivity()
                    .when(new OpenAccountCommand(ACC, "Main", EUR, new BigDecimal("-1"), OPENED))
                    .expectException(violates(NON_POSITIVE_AMOUNT));
        }
    }

    @Nested
    class CashMovements {

        @Test
        void depositsCashAsABalancedPairOfLegs() {
            fixture.given(opened())
                    .when(deposit("d1", "100.5"))
                    .expectEvents(new CashDepositedEvent(ACC, tx("d1"), Money.of("100.5", "EUR"), null, DAY, null,
                            List.of(leg(LegType.CASH, "EUR", "100.50", "100.50"),
                                    leg(LegType.EXTERNAL, "EUR", "-100.50", "-100.50"))))
                    .expectResultMessagePayload(CommandOutcome.recorded("acc-1", 1));
        }

        @Test
        void convertsAForeignDepositAtTheGivenRateRoundingHalfToEven() {
            fixture.given(opened())
                    .when(new DepositCashCommand(ACC, tx("d1"), Money.of("10.05", "USD"), USD_TO_EUR, DAY, null))
                    .expectEvents(new CashDepositedEvent(ACC, tx("d1"), Money.of("10.05", "USD"), USD_TO_EUR, DAY,
                            null, List.of(leg(LegType.CASH, "EUR", "9.04", "9.04"),
                            leg(LegType.EXTERNAL, "EUR", "-9.04", "-9.04"))));
        }

        @Test
        void refusesAForeignAmountWithoutAnFxRate() {
            fixture.given(opened())
                    .when(new DepositCashCommand(ACC, tx("d1"), Money.of("10", "USD"), null, DAY, null))
                    .expectNoEvents()
                    .expectException(violates(CURRENCY_MISMATCH));
        }

        @Test
        void refusesAnFxRateOnASameCurrencyAmount() {
            fixture.given(opened())
                    .when(new DepositCashCommand(ACC, tx("d1"), Money.of("10", "EUR"), USD_TO_EUR, DAY, null))
                    .expectException(violates(FX_RATE_UNEXPECTED));
        }

        @Test
        void refusesANonPositiveFxRate() {
            fixture.given(opened())
                    .when(new DepositCashCommand(ACC, tx("d1"), Money.of("10", "USD"), BigDecimal.ZERO, DAY, null))
                    .expectException(violates(INVALID_FIELD));
        }

        @Test
        void refusesZeroAndNegativeAmounts() {
            fixture.given(opened()).when(deposit("d1", "0")).expectException(violates(NON_POSITIVE_AMOUNT));
            fixture.given(opened()).when(deposit("d1", "-5")).expectException(violates(NON_POSITIVE_AMOUNT));
        }

        @Test
        void refusesMoreDecimalsThanTheCurrencyAllows() {
            fixture.given(opened()).when(deposit("d1", "1.001")).expectException(violates(TOO_MANY_DECIMALS));
            fixture.given(opened())
                    .when(new DepositCashCommand(ACC, tx("d1"), Money.of("1.5", "JPY"), BigDecimal.ONE, DAY, null))
                    .expectException(violates(TOO_MANY_DECIMALS));
        }

        @Test
        void withdrawsCashItHolds() {
            fixture.given(opened(), deposited("d1", "100.00"))
                    .when(new WithdrawCashCommand(ACC, tx("w1"), Money.of("100", "EUR"), null, DAY, null))
                    .expectEvents(new CashWithdrawnEvent(ACC, tx("w1"), Money.of("100", "EUR"), null, DAY, null,
                            List.of(leg(LegType.CASH, "EUR", "-100.00", "-100.00"),
                                    leg(LegType.EXTERNAL, "EUR", "100.00", "100.00"))));
        }

        @Test
        void refusesAWithdrawalBeyondCash() {
            fixture.given(opened(), deposited("d1", "100.00"))
                    .when(new WithdrawCashCommand(ACC, tx("w1"), Money.of("100.01", "EUR"), null, DAY, null))
                    .expectNoEvents()
                    .expectException(violates(INSUFFICIENT_CASH));
        }

        @Test
        void allowsAWithdrawalIntoTheOverdraftButNotBeyondIt() {
            fixture.given(opened(ACC, "50.00"), deposited("d1", "100.00"))
                    .when(new WithdrawCashCommand(ACC, tx("w1"), Money.of("150", "EUR"), null, DAY, null))
                    .expectSuccessfulHandlerExecution();
            fixture.given(opened(ACC, "50.00"), deposited("d1", "100.00"))
                    .when(new WithdrawCashCommand(ACC, tx("w1"), Money.of("150.01", "EUR"), null, DAY, null))
                    .expectException(violates(INSUFFICIENT_CASH));
        }

        @Test
        void chargesAFeeEvenBeyondCashBecauseTheBrokerAlreadyTookIt() {
            fixture.given(opened())
                    .when(new ChargeFeeCommand(ACC, tx("f1"), Money.of("2.50", "EUR"), null, DAY, "custody"))
                    .expectEvents(new FeeChargedEvent(ACC, tx("f1"), Money.of("2.50", "EUR"), null, DAY, "custody",
                            List.of(leg(LegType.CASH, "EUR", "-2.50", "-2.50"),
                                    leg(LegType.EXPENSE, "EUR", "2.50", "2.50"))));
        }

        @Test
        void booksADividendAsIncomeOfTheSymbol() {
            fixture.givenCommands(open(), deposit("d1", "2000.00"), buy("b1", "10", "150.00", null))
                    .when(new RecordDividendCommand(ACC, tx("dv1"), AAPL, Money.of("3.20", "EUR"), null, DAY, null))
                    .expectEvents(new DividendRecordedEvent(ACC, tx("dv1"), AAPL, Money.of("3.20", "EUR"), null,
                            DAY, null, List.of(leg(LegType.CASH, "EUR", "3.20", "3.20"),
                            leg(LegType.INCOME, "AAPL", "-3.20", "-3.20"))));
        }

        @Test
        void refusesADividendOnASymbolNeverHeld() {
            fixture.given(opened(), deposited("d1", "100.00"))
                    .when(new RecordDividendCommand(ACC, tx("dv1"), AAPL, Money.of("3.20", "EUR"), null, DAY, null))
                    .expectNoEvents()
                    .expectException(violates(DIVIDEND_WITHOUT_HOLDING));
        }
    }

    @Nested
    class Trading {

        @Test
        void buysUnitsAtCostIncludingTheFee() {
            fixture.given(opened(), deposited("d1", "2000.00"))
                    .when(buy("b1", "10", "150.00", "5.00"))
                    .expectEvents(new TradeRecordedEvent(ACC, tx("b1"), TradeSide.BUY, AAPL, Quantity.of("10"),
                            Money.of("150.00", "EUR"), Money.of("5.00", "EUR"), null, DAY, null, List.of(
                            leg(LegType.SECURITY, "AAPL", "10", "1505.00"),
                            leg(LegType.CASH, "EUR", "-1505.00", "-1505.00"))));
        }

        @Test
        void refusesAPurchaseBeyondCashPlusOverdraft() {
            fixture.given(opened(), deposited("d1", "1000.00"))
                    .when(buy("b1", "10", "100.00", "0.01"))
                    .expectNoEvents()
                    .expectException(violates(INSUFFICIENT_CASH));
        }

        @Test
        void settlesAForeignTradeInTheAccountCurrencyAtTheFxRate() {
            fixture.given(opened(), deposited("d1", "2000.00"))
                    .when(new RecordTradeCommand(ACC, tx("b1"), TradeSide.BUY, AAPL, Quantity.of("3"),
                            Money.of("100.005", "USD"), null, USD_TO_EUR, DAY, null))
                    .expectEvents(new TradeRecordedEvent(ACC, tx("b1"), TradeSide.BUY, AAPL, Quantity.of("3"),
                            Money.of("100.005", "USD"), null, USD_TO_EUR, DAY, null, List.of(
                            leg(LegType.SECURITY, "AAPL", "3", "270.01"),
                            leg(LegType.CASH, "EUR", "-270.01", "-270.01"))));
        }

        @Test
        void refusesAForeignTradeWithoutAnFxRate() {
            fixture.given(opened(), deposited("d1", "2000.00"))
                    .when(new RecordTradeCommand(ACC, tx("b1"), TradeSide.BUY, AAPL, Quantity.of("3"),
                            Money.of("100", "USD"), null, null, DAY, null))
                    .expectException(violates(CURRENCY_MISMATCH));
        }

        @Test
        void refusesAFeeInAnotherCurrencyThanThePrice() {
            fixture.given(opened(), deposited("d1", "2000.00"))
                    .when(new RecordTradeCommand(ACC, tx("b1"), TradeSide.BUY, AAPL, Quantity.of("3"),
                            Money.of("100", "EUR"), Money.of("1", "USD"), null, DAY, null))
                    .expectException(violates(CURRENCY_MISMATCH));
        }

        @Test
        void refusesNonPositiveOrOverlyPreciseQuantitiesAndPrices() {
            fixture.given(opened(), deposited("d1", "2000.00"))
                    .when(buy("b1", "0", "1", null)).expectException(violates(NON_POSITIVE_QUANTITY));
            fixture.given(opened(), deposited("d1", "2000.00"))
                    .when(buy("b1", "0.000000001", "1", null)).expectException(violates(TOO_MANY_DECIMALS));
            fixture.given(opened(), deposited("d1", "2000.00"))
                    .when(buy("b1", "1", "-1", null)).expectException(violates(NON_POSITIVE_AMOUNT));
            fixture.given(opened(), deposited("d1", "2000.00"))
                    .when(buy("b1", "1", "1.0000001", null)).expectException(violates(TOO_MANY_DECIMALS));
            fixture.given(opened(), deposited("d1", "2000.00"))
                    .when(buy("b1", "1", "1", "0.001")).expectException(violates(TOO_MANY_DECIMALS));
        }

        @Test
        void sellsUnitsItHoldsForTheProceedsLessTheFee() {
            fixture.given(opened(), deposited("d1", "2000.00"))
                    .andGivenCommands(buy("b1", "10", "150.00", null))
                    .when(sell("s1", "4", "170.00", "5.00"))
                    .expectEvents(new TradeRecordedEvent(ACC, tx("s1"), TradeSide.SELL, AAPL, Quantity.of("4"),
                            Money.of("170.00", "EUR"), Money.of("5.00", "EUR"), null, DAY, null, List.of(
                            leg(LegType.SECURITY, "AAPL", "-4", "-675.00"),
                            leg(LegType.CASH, "EUR", "675.00", "675.00"))));
        }

        @Test
        void refusesToSellMoreUnitsThanHeld() {
            fixture.given(opened(), deposited("d1", "2000.00"))
                    .andGivenCommands(buy("b1", "10", "150.00", null))
                    .when(sell("s1", "10.5", "170.00", null))
                    .expectNoEvents()
                    .expectException(violates(INSUFFICIENT_UNITS));
        }

        @Test
        void refusesASaleWhoseFeeExceedsTheProceeds() {
            fixture.given(opened(), deposited("d1", "2000.00"))
                    .andGivenCommands(buy("b1", "10", "1.00", null))
                    .when(sell("s1", "1", "1.00", "2.00"))
                    .expectException(violates(NON_POSITIVE_AMOUNT));
        }
    }

    @Nested
    class Idempotency {

        @Test
        void answersTheSameTransactionAgainAsAlreadyDoneWithoutNewEvents() {
            fixture.givenCommands(open(), deposit("d1", "100.00"))
                    .when(deposit("d1", "100.00"))
                    .expectNoEvents()
                    .expectResultMessagePayload(CommandOutcome.repeated("acc-1", 1));
        }

        @Test
        void treatsAmountsThatDifferOnlyInTrailingZerosAsTheSameContent() {
            fixture.givenCommands(open(), deposit("d1", "100.00"))
                    .when(deposit("d1", "100"))
                    .expectNoEvents()
                    .expectResultMessagePayload(CommandOutcome.repeated("acc-1", 1));
        }

        @Test
        void refusesTheSameTransactionIdWithOtherContent() {
            fixture.givenCommands(open(), deposit("d1", "100.00"))
                    .when(deposit("d1", "100.01"))
                    .expectNoEvents()
                    .expectException(violates(TRANSACTION_CONFLICT));
        }

        @Test
        void refusesATransactionIdReusedForAnotherKindOfTransaction() {
            fixture.givenCommands(open(), deposit("d1", "100.00"))
                    .when(new WithdrawCashCommand(ACC, tx("d1"), Money.of("100.00", "EUR"), null, DAY, null))
                    .expectException(violates(TRANSACTION_CONFLICT));
        }
    }

    @Nested
    class Reversals {

        @Test
        void reversesATransactionWithItsLegsNegated() {
            fixture.givenCommands(open(), deposit("d1", "2000.00"), buy("b1", "10", "150.00", "5.00"))
                    .when(new ReverseTransactionCommand(ACC, tx("r1"), tx("b1"), DAY, "wrong account"))
                    .expectEvents(new TransactionReversedEvent(ACC, tx("r1"), tx("b1"), DAY, "wrong account",
                            List.of(leg(LegType.SECURITY, "AAPL", "-10", "-1505.00"),
                                    leg(LegType.CASH, "EUR", "1505.00", "1505.00")), DAY));
        }

        @Test
        void refusesToReverseAnUnknownTransaction() {
            fixture.givenCommands(open())
                    .when(new ReverseTransactionCommand(ACC, tx("r1"), tx("nope"), DAY, null))
                    .expectException(violates(UNKNOWN_TRANSACTION));
        }

        @Test
        void refusesToReverseATransactionTwice() {
            fixture.givenCommands(open(), deposit("d1", "100.00"),
                            new ReverseTransactionCommand(ACC, tx("r1"), tx("d1"), DAY, null))
                    .when(new ReverseTransactionCommand(ACC, tx("r2"), tx("d1"), DAY, null))
                    .expectNoEvents()
                    .expectException(violates(ALREADY_REVERSED));
        }

        @Test
        void refusesToReverseAReversal() {
            fixture.givenCommands(open(), deposit("d1", "100.00"),
                            new ReverseTransactionCommand(ACC, tx("r1"), tx("d1"), DAY, null))
                    .when(new ReverseTransactionCommand(ACC, tx("r2"), tx("r1"), DAY, null))
                    .expectException(violates(NOT_REVERSIBLE));
        }

        @Test
        void refusesAReversalThatWouldLeaveNegativeUnits() {
            fixture.givenCommands(open(), deposit("d1", "2000.00"), buy("b1", "10", "150.00", null),
                            sell("s1", "5", "150.00", null))
                    .when(new ReverseTransactionCommand(ACC, tx("r1"), tx("b1"), DAY, null))
                    .expectException(violates(INSUFFICIENT_UNITS));
        }

        @Test
        void refusesAReversalThatWouldOverdrawTheCash() {
            fixture.givenCommands(open(), deposit("d1", "100.00"),
                            new WithdrawCashCommand(ACC, tx("w1"), Money.of("60", "EUR"), null, DAY, null))
                    .when(new ReverseTransactionCommand(ACC, tx("r1"), tx("d1"), DAY, null))
                    .expectException(violates(INSUFFICIENT_CASH));
        }
    }

    @Nested
    class Transfers {

        private final Money fifty = Money.of("50.00", "EUR");

        @Test
        void sendsATransferDebitingCash() {
            fixture.givenCommands(open(), deposit("d1", "100.00"))
                    .when(new SendTransferCommand(ACC, tx("t1"), OTHER, fifty, null, DAY, null))
                    .expectEvents(new TransferSentEvent(ACC, tx("t1"), OTHER, fifty, null, DAY, null, List.of(
                            leg(LegType.CASH, "EUR", "-50.00", "-50.00"),
                            leg(LegType.TRANSFER, "acc-2", "50.00", "50.00"))));
        }

        @Test
        void refusesATransferBeyondCash() {
            fixture.givenCommands(open(), deposit("d1", "10.00"))
                    .when(new SendTransferCommand(ACC, tx("t1"), OTHER, fifty, null, DAY, null))
                    .expectException(violates(INSUFFICIENT_CASH));
        }

        @Test
        void refusesATransferToTheSameAccount() {
            fixture.givenCommands(open(), deposit("d1", "100.00"))
                    .when(new SendTransferCommand(ACC, tx("t1"), ACC, fifty, null, DAY, null))
                    .expectException(violates(SAME_ACCOUNT_TRANSFER));
        }

        @Test
        void refusesATransferNotInTheSendersCurrency() {
            fixture.givenCommands(open(), deposit("d1", "100.00"))
                    .when(new SendTransferCommand(ACC, tx("t1"), OTHER, Money.of("5", "USD"), null, DAY, null))
                    .expectException(violates(CURRENCY_MISMATCH));
        }

        @Test
        void receivesATransferInAnotherCurrencyAtItsRate() {
            Money usd = Money.of("10.00", "USD");
            fixture.givenCommands(open())
                    .when(new ReceiveTransferCommand(ACC, tx("t1"), OTHER, usd, USD_TO_EUR, DAY, null))
                    .expectEvents(new TransferReceivedEvent(ACC, tx("t1"), OTHER, usd, USD_TO_EUR,
                            Money.of("9.00", "EUR"), DAY, null, List.of(
                            leg(LegType.CASH, "EUR", "9.00", "9.00"),
                            leg(LegType.TRANSFER, "acc-2", "-9.00", "-9.00"))));
        }

        @Test
        void refusesToReceiveAForeignTransferWithoutARate() {
            fixture.givenCommands(open())
                    .when(new ReceiveTransferCommand(ACC, tx("t1"), OTHER, Money.of("10", "USD"), null, DAY, null))
                    .expectException(violates(CURRENCY_MISMATCH));
        }

        @Test
        void refundsARefusedTransferOnceCreditingTheSenderBack() {
            fixture.givenCommands(open(), deposit("d1", "100.00"),
                            new SendTransferCommand(ACC, tx("t1"), OTHER, fifty, null, DAY, null))
                    .when(new RefundTransferCommand(ACC, tx("t1"), "account-closed", DAY))
                    .expectEvents(new TransferRefundedEvent(ACC, tx("t1"), OTHER, "account-closed", DAY, List.of(
                            leg(LegType.CASH, "EUR", "50.00", "50.00"),
                            leg(LegType.TRANSFER, "acc-2", "-50.00", "-50.00"))));
            fixture.givenCommands(open(), deposit("d1", "100.00"),
                            new SendTransferCommand(ACC, tx("t1"), OTHER, fifty, null, DAY, null),
                            new RefundTransferCommand(ACC, tx("t1"), "account-closed", DAY))
                    .when(new RefundTransferCommand(ACC, tx("t1"), "account-closed", DAY))
                    .expectNoEvents();
        }

        @Test
        void refusesToRefundSomethingThatIsNotASentTransfer() {
            fixture.givenCommands(open(), deposit("d1", "100.00"))
                    .when(new RefundTransferCommand(ACC, tx("d1"), "?", DAY))
                    .expectException(violates(UNKNOWN_TRANSACTION));
        }

        @Test
        void refusesToReverseATransfer() {
            fixture.givenCommands(open(), deposit("d1", "100.00"),
                            new SendTransferCommand(ACC, tx("t1"), OTHER, fifty, null, DAY, null))
                    .when(new ReverseTransactionCommand(ACC, tx("r1"), tx("t1"), DAY, null))
                    .expectException(violates(NOT_REVERSIBLE));
        }
    }

    @Nested
    class Closing {

        @Test
        void closesAnEmptyAccount() {
            fixture.givenCommands(open(), deposit("d1", "10.00"),
                            new WithdrawCashCommand(ACC, tx("w1"), Money.of("10", "EUR"), null, DAY, null))
                    .when(new CloseAccountCommand(ACC, DAY))
                    .expectEvents(new AccountClosedEvent(ACC, DAY));
        }

        @Test
        void refusesToCloseAnAccountThatHoldsCashOrUnits() {
            fixture.givenCommands(open(), deposit("d1", "10.00"))
                    .when(new CloseAccountCommand(ACC, DAY))
                    .expectException(violates(ACCOUNT_NOT_EMPTY));
            fixture.givenCommands(open(), deposit("d1", "10.00"), buy("b1", "1", "10", null))
                    .when(new CloseAccountCommand(ACC, DAY))
                    .expectException(violates(ACCOUNT_NOT_EMPTY));
        }

        @Test
        void aClosedAccountAcceptsNothing() {
            fixture.given(opened(), new AccountClosedEvent(ACC, DAY))
                    .when(deposit("d1", "10.00"))
                    .expectNoEvents()
                    .expectException(violates(ACCOUNT_CLOSED));
            fixture.given(opened(), new AccountClosedEvent(ACC, DAY))
                    .when(new ReceiveTransferCommand(ACC, tx("t1"), OTHER, Money.of("1", "EUR"), null, DAY, null))
                    .expectException(violates(ACCOUNT_CLOSED));
        }

        @Test
        void stillAnswersARepeatOfATransactionRecordedBeforeClosing() {
            fixture.givenCommands(open(), deposit("d1", "10.00"),
                            new WithdrawCashCommand(ACC, tx("w1"), Money.of("10", "EUR"), null, DAY, null),
                            new CloseAccountCommand(ACC, DAY))
                    .when(deposit("d1", "10.00"))
                    .expectNoEvents()
                    .expectResultMessagePayload(CommandOutcome.repeated("acc-1", 1));
        }
    }

    @Test
    void aForeignTradeWithAFeeStillBalancesToTheCent() {
        RecordTradeCommand trade = new RecordTradeCommand(ACC, tx("b1"), TradeSide.BUY, AAPL, Quantity.of("7.123"),
                Money.of("13.3333", "USD"), Money.of("0.99", "USD"), new BigDecimal("0.91234"), DAY, null);

        List<Leg> legs = Trades.legs(trade, new Amounts(EUR));

        // (13.3333 * 7.123 + 0.99) * 0.91234 = 87.5516... -> 87.55 EUR
        assertThat(Leg.balanced(legs)).isTrue();
        assertThat(legs).containsExactly(leg(LegType.SECURITY, "AAPL", "7.123", "87.55"),
                leg(LegType.CASH, "EUR", "-87.55", "-87.55"));
    }
}
