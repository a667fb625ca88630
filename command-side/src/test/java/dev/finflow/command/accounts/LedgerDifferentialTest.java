package dev.finflow.command.accounts;

import dev.finflow.command.accounts.domain.Account;
import dev.finflow.command.accounts.domain.Account;
import dev.finflow.problems.RuleViolation;
import dev.finflow.events.ledger.*;
import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.Quantity;
import dev.finflow.events.values.Symbol;
import dev.finflow.events.values.TransactionId;
import dev.finflow.testing.ledger.ReferenceLedger;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random ledgers (trades, some backdated; splits with and without cash in lieu; dividends; fees; reversals) over
 * a few accounts, decided by the real {@link Account} and by the reference fold of test-support
 * ({@link ReferenceLedger}, written from the rules alone, every day-end recomputed from scratch): every accept/refuse decision must agree, and at the end each
 * account must accept withdrawing exactly the cash and selling exactly the units the reference holds, and refuse
 * one cent or one unit more. A fixed seed and a few random ones; every seed is printed.
 */
class LedgerDifferentialTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final LocalDate OPENED = LocalDate.of(2024, 1, 2);
    private static final String[] SYMBOLS = {"AAA", "BBB"};
    private static final int STEPS = 80;

    @Test
    void theAccountDecidesLikeTheReferenceFoldForAFixedSeed() {
        run(20261204L);
    }

    @Test
    void theAccountDecidesLikeTheReferenceFoldForRandomSeeds() {
        Random seeds = new Random();
        for (int i = 0; i < 3; i++) {
            run(seeds.nextLong());
        }
    }

    private void run(long seed) {
        System.out.println("LedgerDifferentialTest seed " + seed);
        Random random = new Random(seed);
        CommandGateway gateway = gateway();
        int[] decided = new int[2];
        for (int a = 0; a < 3; a++) {
            AccountId account = new AccountId("acc-" + a);
            gateway.sendAndWait(new OpenAccountCommand(account, "Random", EUR, BigDecimal.ZERO, OPENED));
            Reference reference = new Reference();
            for (int step = 0; step < STEPS; step++) {
                Object command = next(random, account, reference, step);
                boolean expected = reference.decide(command);
                boolean actual = accepted(gateway, command);
                assertThat(actual).as("seed %d, account %s, step %d: %s", seed, account, step, command)
                        .isEqualTo(expected);
                decided[actual ? 0 : 1]++;
            }
            LocalDate end = LocalDate.of(2025, 6, 30);
            for (String symbol : SYMBOLS) {
                BigDecimal units = reference.units(symbol, end);
                if (units.signum() > 0) {
                    // Exactly what the reference holds can be sold, one hundred-millionth of a unit more cannot.
                    decideAlike(seed, gateway, reference, sell(account, "x-" + symbol, symbol,
                            units.add(new BigDecimal("0.00000001")), end), false);
                    decideAlike(seed, gateway, reference, sell(account, "y-" + symbol, symbol, units, end), true);
                }
            }
            BigDecimal cash = reference.cash(end);
            decideAlike(seed, gateway, reference, new WithdrawCashCommand(account, new TransactionId("w-more"),
                    new Money(cash.add(new BigDecimal("0.01")), EUR), null, end, null), false);
            if (cash.signum() > 0) {
                decideAlike(seed, gateway, reference, new WithdrawCashCommand(account, new TransactionId("w-all"),
                        new Money(cash, EUR), null, end, null), true);
            }
        }
        System.out.println("LedgerDifferentialTest seed " + seed + ": " + decided[0] + " accepted, " + decided[1]
                + " refused, all as the reference decided");
        assertThat(decided[0]).isPositive();
        assertThat(decided[1]).isPositive();
    }

    private static void decideAlike(long seed, CommandGateway gateway, Reference reference, Object command,
                                    boolean expected) {
        assertThat(reference.decide(command)).as("seed %d, reference: %s", seed, command).isEqualTo(expected);
        assertThat(accepted(gateway, command)).as("seed %d, account: %s", seed, command).isEqualTo(expected);
    }

    private static Object next(Random random, AccountId account, Reference reference, int step) {
        String id = "t" + step;
        LocalDate date = OPENED.plusDays(1 + random.nextInt(360));
        String symbol = SYMBOLS[random.nextInt(SYMBOLS.length)];
        int kind = random.nextInt(100);
        if (kind < 18) {
            return new DepositCashCommand(account, new TransactionId(id), new Money(amount(random, 2000), EUR), null,
                    date, null);
        } else if (kind < 28) {
            return new WithdrawCashCommand(account, new TransactionId(id), new Money(amount(random, 800), EUR), null,
                    date, null);
        } else if (kind < 50) {
            return new RecordTradeCommand(account, new TransactionId(id), TradeSide.BUY, new Symbol(symbol),
                    new Quantity(BigDecimal.valueOf(1 + random.nextInt(20))), new Money(amount(random, 60), EUR),
                    null, null, date, null);
        } else if (kind < 70) {
            return sell(account, id, symbol, BigDecimal.valueOf(1 + random.nextInt(25)), date);
        } else if (kind < 76) {
            return new RecordDividendCommand(account, new TransactionId(id), new Symbol(symbol),
                    new Money(amount(random, 30), EUR), null, date, null);
        } else if (kind < 81) {
            return new ChargeFeeCommand(account, new TransactionId(id), new Money(amount(random, 10), EUR), null,
                    date, null);
        } else if (kind < 88) {
            String[][] ratios = {{"2", "1"}, {"1", "2"}, {"3", "1"}, {"1", "3"}};
            String[] ratio = ratios[random.nextInt(ratios.length)];
            return new ApplySplitCommand(account, new Symbol(symbol), date, new BigDecimal(ratio[0]),
                    new BigDecimal(ratio[1]), random.nextBoolean() ? new Money(amount(random, 90), EUR) : null, null);
        }
        List<String> reversible = reference.reversibleIds();
        if (reversible.isEmpty()) {
            return new DepositCashCommand(account, new TransactionId(id), new Money(amount(random, 100), EUR), null,
                    date, null);
        }
        String original = reversible.get(random.nextInt(reversible.size()));
        LocalDate originalDate = reference.dateOf(original);
        LocalDate booked = random.nextInt(5) == 0 ? originalDate.minusDays(1) : originalDate.plusDays(
                random.nextInt(30));
        return new ReverseTransactionCommand(account, new TransactionId(id), new TransactionId(original), booked,
                null);
    }

    private static RecordTradeCommand sell(AccountId account, String id, String symbol, BigDecimal units,
                                           LocalDate date) {
        return new RecordTradeCommand(account, new TransactionId(id), TradeSide.SELL, new Symbol(symbol),
                new Quantity(units), Money.of("10.00", "EUR"), null, null, date, null);
    }

    private static BigDecimal amount(Random random, int max) {
        return BigDecimal.valueOf(1 + random.nextInt(max * 100)).movePointLeft(2);
    }

    private static boolean accepted(CommandGateway gateway, Object command) {
        try {
            gateway.sendAndWait(command);
            return true;
        } catch (RuleViolation refused) {
            return false;
        }
    }

    private static CommandGateway gateway() {
        EmbeddedEventStore store = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine()).build();
        EventSourcingRepository<Account> repository = EventSourcingRepository.builder(Account.class)
                .eventStore(store).build();
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        AggregateAnnotationCommandHandler.<Account>builder().aggregateType(Account.class).repository(repository)
                .build().subscribe(bus);
        // The ledger rules alone: commands come as from a process acting on the facts, not a user's grants.
        return DefaultCommandGateway.builder().commandBus(bus).dispatchInterceptors(messages -> (index, message) ->
                message.andMetaData(java.util.Map.of(dev.finflow.events.MetadataKeys.ACTOR, "test"))).build();
    }

    /** The aggregate's commands, told to the reference ledger. */
    private static final class Reference {

        private final ReferenceLedger ledger = new ReferenceLedger();

        boolean decide(Object command) {
            if (command instanceof DepositCashCommand c) {
                return ledger.deposit(c.transactionId().value(), c.bookingDate(), c.amount().amount());
            } else if (command instanceof WithdrawCashCommand c) {
                return ledger.withdraw(c.transactionId().value(), c.bookingDate(), c.amount().amount());
            } else if (command instanceof ChargeFeeCommand c) {
                return ledger.fee(c.transactionId().value(), c.bookingDate(), c.amount().amount());
            } else if (command instanceof RecordDividendCommand c) {
                return ledger.dividend(c.transactionId().value(), c.symbol().value(), c.paymentDate(),
                        c.amount().amount());
            } else if (command instanceof RecordTradeCommand c) {
                return c.side() == TradeSide.BUY
                        ? ledger.buy(c.transactionId().value(), c.symbol().value(), c.quantity().value(),
                        c.price().amount(), c.tradeDate())
                        : ledger.sell(c.transactionId().value(), c.symbol().value(), c.quantity().value(),
                        c.price().amount(), c.tradeDate());
            } else if (command instanceof ReverseTransactionCommand c) {
                return ledger.reverse(c.reversedTransactionId().value(), c.bookingDate());
            } else if (command instanceof ApplySplitCommand c) {
                ledger.split(c.symbol().value(), c.effectiveDate(), c.numerator(), c.denominator(),
                        c.cashInLieuPrice() == null ? null : c.cashInLieuPrice().amount());
                return true;
            }
            throw new IllegalArgumentException(command.toString());
        }

        BigDecimal cash(LocalDate day) {
            return ledger.cash(day);
        }

        BigDecimal units(String symbol, LocalDate day) {
            return ledger.units(symbol, day);
        }

        List<String> reversibleIds() {
            return ledger.reversibleIds();
        }

        LocalDate dateOf(String id) {
            return ledger.dateOf(id);
        }
    }
}
