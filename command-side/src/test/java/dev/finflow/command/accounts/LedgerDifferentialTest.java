package dev.finflow.command.accounts;

import dev.finflow.problems.RuleViolation;
import dev.finflow.events.ledger.*;
import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.Quantity;
import dev.finflow.events.values.Symbol;
import dev.finflow.events.values.TransactionId;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random ledgers (trades, some backdated; splits with and without cash in lieu; dividends; fees; reversals) over
 * a few accounts, decided by the real {@link Account} and by a small reference fold written here from the rules
 * alone (every day-end recomputed from scratch): every accept/refuse decision must agree, and at the end each
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
                    new BigDecimal(ratio[1]), random.nextBoolean() ? new Money(amount(random, 90), EUR) : null);
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

    /**
     * The rules, folded the slow and obvious way: a candidate is accepted when no day-end from its date on shows
     * cash below zero (fees excepted) or units below zero, each day-end computed from scratch.
     */
    private static final class Reference {

        private record Entry(LocalDate date, int order, String id, String kind, BigDecimal cash, String symbol,
                             BigDecimal units) {
        }

        private record Split(String symbol, LocalDate date, BigDecimal numerator, BigDecimal denominator) {
        }

        private final List<Entry> entries = new ArrayList<>();
        private final List<Split> splits = new ArrayList<>();
        private final Map<String, Entry> byId = new HashMap<>();
        private final List<String> reversed = new ArrayList<>();
        private int order;

        boolean decide(Object command) {
            if (command instanceof DepositCashCommand c) {
                return add(new Entry(c.bookingDate(), order++, id(c.transactionId()), "deposit",
                        c.amount().amount(), null, BigDecimal.ZERO), false);
            } else if (command instanceof WithdrawCashCommand c) {
                return add(new Entry(c.bookingDate(), order++, id(c.transactionId()), "withdrawal",
                        c.amount().amount().negate(), null, BigDecimal.ZERO), true);
            } else if (command instanceof ChargeFeeCommand c) {
                return add(new Entry(c.bookingDate(), order++, id(c.transactionId()), "fee",
                        c.amount().amount().negate(), null, BigDecimal.ZERO), false);
            } else if (command instanceof RecordDividendCommand c) {
                boolean held = entries.stream().anyMatch(e -> c.symbol().value().equals(e.symbol())
                        && e.units().signum() > 0 && !e.date().isAfter(c.paymentDate()));
                return held && add(new Entry(c.paymentDate(), order++, id(c.transactionId()), "dividend",
                        c.amount().amount(), null, BigDecimal.ZERO), false);
            } else if (command instanceof RecordTradeCommand c) {
                BigDecimal value = c.price().amount().multiply(c.quantity().value())
                        .setScale(2, RoundingMode.HALF_EVEN);
                boolean buy = c.side() == TradeSide.BUY;
                return add(new Entry(c.tradeDate(), order++, id(c.transactionId()), "trade",
                        buy ? value.negate() : value, c.symbol().value(),
                        buy ? c.quantity().value() : c.quantity().value().negate()), true);
            } else if (command instanceof ReverseTransactionCommand c) {
                return reverse(c);
            } else if (command instanceof ApplySplitCommand c) {
                applySplit(c);
                return true;
            }
            throw new IllegalArgumentException(command.toString());
        }

        private boolean reverse(ReverseTransactionCommand c) {
            Entry original = byId.get(c.reversedTransactionId().value());
            if (original == null || reversed.contains(original.id()) || original.kind().equals("cash-in-lieu")
                    || c.bookingDate().isBefore(original.date())) {
                return false;
            }
            List<Entry> without = new ArrayList<>(entries);
            without.remove(original);
            boolean cashTaken = original.cash().signum() > 0;
            boolean unitsTaken = original.units().signum() > 0;
            if (!covered(without, original.date(), cashTaken, unitsTaken ? original.symbol() : null)) {
                return false;
            }
            entries.remove(original);
            reversed.add(original.id());
            order++;
            return true;
        }

        private void applySplit(ApplySplitCommand c) {
            String symbol = c.symbol().value();
            if (splits.stream().anyMatch(s -> s.symbol().equals(symbol) && s.date().equals(c.effectiveDate()))) {
                return;
            }
            splits.add(new Split(symbol, c.effectiveDate(), c.numerator(), c.denominator()));
            order++;
            BigDecimal units = units(symbol, c.effectiveDate());
            BigDecimal fraction = units.subtract(units.setScale(0, RoundingMode.FLOOR));
            if (c.cashInLieuPrice() != null && units.signum() > 0 && fraction.signum() > 0) {
                Entry paid = new Entry(c.effectiveDate(), order++, "cil-" + symbol + c.effectiveDate(),
                        "cash-in-lieu", fraction.multiply(c.cashInLieuPrice().amount())
                        .setScale(2, RoundingMode.HALF_EVEN), symbol, fraction.negate());
                entries.add(paid);
            }
        }

        private boolean add(Entry candidate, boolean checkCash) {
            if (byId.containsKey(candidate.id())) {
                throw new IllegalStateException("ids are unique in this test");
            }
            List<Entry> with = new ArrayList<>(entries);
            with.add(candidate);
            boolean cash = checkCash && candidate.cash().signum() < 0;
            String symbol = candidate.units().signum() < 0 ? candidate.symbol() : null;
            if (!covered(with, candidate.date(), cash, symbol)) {
                return false;
            }
            entries.add(candidate);
            byId.put(candidate.id(), candidate);
            return true;
        }

        /** Every day-end on or after {@code from}, recomputed from nothing. */
        private boolean covered(List<Entry> list, LocalDate from, boolean cash, String symbol) {
            List<LocalDate> days = java.util.stream.Stream.concat(java.util.stream.Stream.of(from),
                    list.stream().map(Entry::date).filter(d -> !d.isBefore(from))).distinct().sorted().toList();
            for (LocalDate day : days) {
                if (cash && cash(list, day).signum() < 0) {
                    return false;
                }
                if (symbol != null && units(list, symbol, day).signum() < 0) {
                    return false;
                }
            }
            return true;
        }

        BigDecimal cash(LocalDate day) {
            return cash(entries, day);
        }

        BigDecimal units(String symbol, LocalDate day) {
            return units(entries, symbol, day);
        }

        private static BigDecimal cash(List<Entry> list, LocalDate day) {
            return list.stream().filter(e -> !e.date().isAfter(day)).map(Entry::cash)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** Splits take effect before the transactions of their own day; results rounded to 8 decimals. */
        private BigDecimal units(List<Entry> list, String symbol, LocalDate day) {
            List<Object> timeline = new ArrayList<>();
            list.stream().filter(e -> symbol.equals(e.symbol()) && !e.date().isAfter(day)).forEach(timeline::add);
            splits.stream().filter(s -> s.symbol().equals(symbol) && !s.date().isAfter(day)).forEach(timeline::add);
            timeline.sort(Comparator.comparing((Object o) -> o instanceof Entry e ? e.date() : ((Split) o).date())
                    .thenComparing(o -> o instanceof Entry ? 1 : 0));
            BigDecimal units = BigDecimal.ZERO;
            for (Object item : timeline) {
                if (item instanceof Entry e) {
                    units = units.add(e.units());
                } else if (units.signum() != 0) {
                    Split s = (Split) item;
                    units = units.multiply(s.numerator()).divide(s.denominator(), 8, RoundingMode.HALF_EVEN);
                }
            }
            return units;
        }

        List<String> reversibleIds() {
            return entries.stream().filter(e -> !e.kind().equals("cash-in-lieu")).map(Entry::id).toList();
        }

        LocalDate dateOf(String id) {
            return byId.get(id).date();
        }

        private static String id(TransactionId id) {
            return id.value();
        }
    }
}
